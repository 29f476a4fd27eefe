import { Redis } from 'ioredis';
import { historyKeys } from '../../keyspace/index';
import { MemoryHistoryStore } from '../../bot/history/memory-history-store';
import { RedisHistoryStore } from '../../bot/history/redis-history-store';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { historyStoreContract } from './history-store.contract';

historyStoreContract('memory', async () => ({ store: new MemoryHistoryStore('fr') }));

historyStoreContract('Redis', async () => {
  const redis = new Redis(testRedisUrl());
  return {
    store: new RedisHistoryStore(redis, {
      keys: historyKeys(uniquePrefix('history')),
      ttlSeconds: 3600,
      defaultLocale: 'fr',
    }),
    dispose: async () => void (await redis.quit()),
  };
});
