import type { TestRedis } from './redis-server';

export default async function globalTeardown(): Promise<void> {
  const redis = (globalThis as { __relaisRedis?: TestRedis }).__relaisRedis;
  await redis?.stop();
}
