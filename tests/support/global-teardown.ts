import type { RedisServer } from './redis-server';

export default async function globalTeardown(): Promise<void> {
  const redis = (globalThis as { __relaisRedis?: RedisServer }).__relaisRedis;
  await redis?.stop();
}
