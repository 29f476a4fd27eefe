import { randomUUID } from 'node:crypto';

/** A key prefix no other test shares, so tests can run against one Redis without FLUSHALL. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${randomUUID().slice(0, 8)}:`;
}

export function testRedisUrl(): string {
  const url = process.env.RELAIS_TEST_REDIS_URL;
  if (!url)
    throw new Error(
      'RELAIS_TEST_REDIS_URL is not set: the "redis" jest project starts redis-server in its globalSetup; ' +
        'a suite under tests/unit has no Redis (move it to tests/contract or tests/integration)',
    );
  return url;
}
