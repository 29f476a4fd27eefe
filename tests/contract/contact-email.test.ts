import { Redis } from 'ioredis';
import { MemoryHandoffQueue, RedisHandoffQueue } from '../../handoff';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { contactEmailContract } from './contact-email.contract';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

contactEmailContract('memory', async (clock) => new MemoryHandoffQueue({ clock }));
contactEmailContract(
  'redis',
  async (clock) => new RedisHandoffQueue({ redis, clock, config: { keyPrefix: uniquePrefix('contact') } }),
);
