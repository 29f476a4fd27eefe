import { Redis } from 'ioredis';
import { RedisDirectLineStore } from '../../../bot/directline/redis-store';
import { InMemoryDirectLineStore } from '../../../bot/directline/store';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { directLineStoreContract } from './directline-store-contract';

directLineStoreContract('in memory', async () => ({ store: new InMemoryDirectLineStore() }));

directLineStoreContract('Redis', async () => {
  const redis = new Redis(testRedisUrl());
  return {
    store: new RedisDirectLineStore(redis, { prefix: uniquePrefix('dl'), ttlSeconds: 3600 }),
    dispose: async () => void (await redis.quit()),
  };
});
