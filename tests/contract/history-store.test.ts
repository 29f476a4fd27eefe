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

describe('Redis history: the lines in the conversation’s own slot', () => {
  test('two appends that pushed out of order read back by time; an erasure counts and removes them', async () => {
    const redis = new Redis(testRedisUrl());
    const keys = historyKeys(uniquePrefix('history-lines'));
    const store = new RedisHistoryStore(redis, { keys, ttlSeconds: 3600, defaultLocale: 'fr' });
    try {
      const line = (text: string, at: number) => ({ kind: 'message', from: 'customer', text, at }) as const;
      await store.append('c1', [line('premier', 1_000)]);
      // An agent's send stamped 2,000 lost the race to a customer's turn stamped 3,000.
      await store.append('c1', [line('troisième', 3_000)]);
      await store.append('c1', [line('deuxième', 2_000)]);
      const read = await store.get('c1');
      expect(read?.lines.map((l) => [l.seq, l.kind === 'message' ? l.text : ''])).toEqual([
        [1, 'premier'],
        [2, 'deuxième'],
        [3, 'troisième'],
      ]);
      expect(read?.lineCount).toBe(3);
      expect(await redis.llen(keys.lines('c1'))).toBe(3);
      expect(await store.erase('c1')).toBe(3);
      expect(await redis.exists(keys.lines('c1'), keys.conversation('c1'))).toBe(0);
    } finally {
      await redis.quit();
    }
  });
});
