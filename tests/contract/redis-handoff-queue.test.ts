import { Redis } from 'ioredis';
import { RedisHandoffQueue } from '../../handoff';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { handoffQueueContract } from './handoff-queue.contract';

// One connection for the suite, a fresh key prefix per test.
let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

handoffQueueContract(
  'redis',
  async ({ clock, config }) =>
    new RedisHandoffQueue({ redis, clock, config: { ...config, keyPrefix: uniquePrefix('handoff') } }),
);
