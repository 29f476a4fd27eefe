import { MemoryStorage } from 'botbuilder';
import { Redis } from 'ioredis';
import { RedisStorage } from '../../../bot/storage/redis-storage';
import { botStateKeys } from '../../../keyspace/index';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { storageContract } from './storage-contract';

storageContract('MemoryStorage', async () => ({ storage: new MemoryStorage() }));

storageContract('RedisStorage (real Redis, two connections)', async () => {
  const prefix = uniquePrefix('botstate');
  const a = new Redis(testRedisUrl());
  const b = new Redis(testRedisUrl());
  return {
    storage: new RedisStorage(a, { prefix }),
    other: new RedisStorage(b, { prefix }),
    dispose: async () => {
      await Promise.all([a.quit(), b.quit()]);
    },
  };
});

describe('RedisStorage specifics', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await redis.quit();
  });

  test('a write of several items with one stale eTag writes none of them (every eTag is checked first)', async () => {
    const storage = new RedisStorage(redis, { prefix: uniquePrefix('botstate') });
    await storage.write({ a: { n: 1 }, b: { n: 1 } });
    const read = await storage.read(['a', 'b']);
    await storage.write({ b: { ...read['b'], n: 2 } });
    await expect(storage.write({ a: { ...read['a'], n: 3 }, b: { ...read['b'], n: 3 } })).rejects.toThrow(
      '"b" due to eTag conflict',
    );
    const after = await storage.read(['a', 'b']);
    expect([(after['a'] as { n: number }).n, (after['b'] as { n: number }).n]).toEqual([1, 2]);
  });

  test('items expire when a time to live is set', async () => {
    const prefix = uniquePrefix('botstate');
    const storage = new RedisStorage(redis, { prefix, ttlSeconds: 3600 });
    await storage.write({ k: { n: 1 } });
    const ttl = await redis.ttl(botStateKeys(prefix).item('k'));
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  test('keys of one deployment never see another prefix', async () => {
    const one = new RedisStorage(redis, { prefix: uniquePrefix('botstate') });
    const two = new RedisStorage(redis, { prefix: uniquePrefix('botstate') });
    await one.write({ k: { n: 1 } });
    expect(await two.read(['k'])).toEqual({});
  });
});
