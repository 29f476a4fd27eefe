import { Redis } from 'ioredis';
import { MemoryHandoffQueue, RedisHandoffQueue } from '../../handoff';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { handoffForgetContract } from './handoff-forget.contract';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

handoffForgetContract('memory', async (clock) => new MemoryHandoffQueue({ clock }));
handoffForgetContract(
  'redis',
  async (clock) => new RedisHandoffQueue({ redis, clock, config: { keyPrefix: uniquePrefix('forget') } }),
);
