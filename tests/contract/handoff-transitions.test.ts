import { Redis } from 'ioredis';
import { MemoryHandoffQueue, RedisHandoffQueue } from '../../handoff';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { handoffTransitionsContract } from './handoff-transitions.contract';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

handoffTransitionsContract('memory', async ({ clock, config }) => new MemoryHandoffQueue({ clock, config }));
handoffTransitionsContract(
  'redis',
  async ({ clock, config }) =>
    new RedisHandoffQueue({ redis, clock, config: { ...config, keyPrefix: uniquePrefix('transitions') } }),
);
