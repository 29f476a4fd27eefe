import { startRedisServer } from './redis-server';

// One shared redis-server for the whole run; each test uses its own key prefix (never FLUSHALL).
export default async function globalSetup(): Promise<void> {
  const redis = await startRedisServer();
  process.env.RELAIS_TEST_REDIS_URL = redis.url;
  (globalThis as { __relaisRedis?: unknown }).__relaisRedis = redis;
}
