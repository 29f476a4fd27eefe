import { randomUUID } from 'node:crypto';

/** A key prefix no other test shares, so tests can run against one Redis without FLUSHALL. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

export function testRedisUrl(): string {
  const url = process.env.RELAIS_TEST_REDIS_URL;
  if (!url)
    throw new Error(
      'RELAIS_TEST_REDIS_URL is not set: run the tests with `npm test` (jest globalSetup starts redis-server)',
    );
  return url;
}
