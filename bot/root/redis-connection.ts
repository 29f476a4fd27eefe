import { Redis } from 'ioredis';
import { throttledErrors, type Log } from '../log';

/**
 * The deployment's Redis connection. Startup fails naming the variable rather than on the first
 * customer message; later drops are retried by ioredis (commands meanwhile fail: routes answer 503).
 */
export async function connectRedis(url: string, log: Log): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 3,
    // Reconnect within a second once Redis is back (ioredis' default backs off to 2 s).
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (cause: Error) => {
      redis.disconnect();
      reject(new Error(`REDIS_URL: cannot connect to ${url} (${cause.message})`, { cause }));
    };
    redis.once('error', failed);
    redis.once('ready', () => {
      redis.off('error', failed);
      redis.on('error', throttledErrors(log, 'redis connection error (reconnecting)'));
      resolve();
    });
    redis.connect().catch(() => undefined);
  });
  return redis;
}
