import { Redis } from 'ioredis';
import { InsightsError, RedisSurveyStore } from '../../insights';
import { insightsKeys } from '../../keyspace/index';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { surveyStoreContract } from './survey-store.contract';

// One connection for the file, a fresh key prefix per test (never FLUSHALL).
let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

surveyStoreContract(
  'redis',
  async () => new RedisSurveyStore({ redis, keyPrefix: uniquePrefix('insights'), purgeBatch: 2 }),
);

describe('RedisSurveyStore specifics', () => {
  const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
  const input = {
    context: {
      conversationId: 'c1',
      customerId: 'alice',
      path: 'escalated' as const,
      language: 'en' as const,
      channel: 'webchat',
      agentId: 'anna',
      waitMs: 42_000,
      startedAt: T0,
      closedAt: T0,
    },
    ces: 4,
    recordedAt: T0,
  };

  it('keeps every key under the prefix hash tag: survey hash, time index, customer set', async () => {
    const prefix = uniquePrefix('insights');
    const keys = insightsKeys(prefix);
    const store = new RedisSurveyStore({ redis, keyPrefix: prefix });
    await store.record(input);
    const found = (await redis.keys(`${keys.base}*`)).sort();
    expect(found).toEqual([keys.customer('alice'), keys.survey('c1'), keys.byTime].sort());
    expect(await redis.zscore(keys.byTime, 'c1')).toBe(String(T0));
    expect(await redis.smembers(keys.customer('alice'))).toEqual(['c1']);
    await store.eraseCustomer('alice');
    expect(await redis.keys(`${keys.base}*`)).toEqual([]);
    await store.dispose();
  });

  it('reports a stored record that no longer fits the schema as CORRUPT_RECORD naming key and path', async () => {
    const prefix = uniquePrefix('insights');
    const keys = insightsKeys(prefix);
    const store = new RedisSurveyStore({ redis, keyPrefix: prefix });
    await store.record(input);
    const stored = JSON.parse((await redis.hget(keys.survey('c1'), 'json')) ?? '{}') as Record<
      string,
      unknown
    >;
    await redis.hset(keys.survey('c1'), 'json', JSON.stringify({ ...stored, ces: 'easy' }));
    const failure = await store.get('c1').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InsightsError);
    expect((failure as InsightsError).code).toBe('CORRUPT_RECORD');
    expect((failure as InsightsError).message).toContain(keys.survey('c1'));
    expect((failure as InsightsError).message).toContain('ces:');
    await redis.hset(keys.survey('c1'), 'json', '{not json');
    await expect(store.list({ from: 0, to: T0 + 1 })).rejects.toMatchObject({ code: 'CORRUPT_RECORD' });
    await store.dispose();
  });

  it('opens and closes its own connection when given a URL', async () => {
    const store = new RedisSurveyStore({ redis: testRedisUrl(), keyPrefix: uniquePrefix('insights') });
    expect(await store.record(input)).toMatchObject({ ok: true, replaced: false });
    expect((await store.get('c1'))?.context.waitMs).toBe(42_000);
    await store.dispose();
  });
});
