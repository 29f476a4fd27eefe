import { Redis } from 'ioredis';

/**
 * One command to one node over a short-lived connection, for launchers that inspect their own
 * processes (CLUSTER INFO, SENTINEL …): no retries, so a dead node fails fast instead of hanging.
 */
export async function askRedis(
  port: number,
  command: string,
  ...args: (string | number)[]
): Promise<unknown> {
  const redis = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    connectTimeout: 1_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // Errors come back through the rejected promises below; the event would only be noise.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await redis.call(command, args);
  } finally {
    redis.disconnect();
  }
}

/** `INFO`-style text as a map of its `field:value` lines. */
export function infoFields(text: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of String(text).split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at), line.slice(at + 1));
  }
  return fields;
}
