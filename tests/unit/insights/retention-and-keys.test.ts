import { insightsKeys } from '../../../keyspace/index';
import { InsightsError, MemorySurveyStore, parseRetention, purgeExpiredSurveys } from '../../../insights';

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

describe('retention', () => {
  it('parses retention days from config or env strings, defaulting to a year', () => {
    expect(parseRetention(undefined)).toEqual({ retentionDays: 365 });
    expect(parseRetention({ retentionDays: '30' })).toEqual({ retentionDays: 30 });
    expect(() => parseRetention({ retentionDays: 0 })).toThrow(InsightsError);
    expect(() => parseRetention({ retentionDays: 'soon' })).toThrow(/retentionDays/);
  });

  it('purges the surveys closed before now − retention', async () => {
    const store = new MemorySurveyStore();
    for (const age of [40, 31, 30, 2]) {
      await store.record({
        context: {
          conversationId: `age-${age}`,
          path: 'bot-only',
          language: 'fr',
          channel: 'webchat',
          startedAt: NOW - age * DAY,
          closedAt: NOW - age * DAY,
        },
        ces: 2,
        recordedAt: NOW - age * DAY,
      });
    }
    expect(await purgeExpiredSurveys(store, { retentionDays: 30 }, NOW)).toEqual({
      purged: 2,
      cutoff: NOW - 30 * DAY,
    });
    const left = await store.list({ from: 0, to: NOW + 1 });
    expect(left.map((s) => s.context.conversationId)).toEqual(['age-30', 'age-2']);
  });
});

describe('insightsKeys', () => {
  it('puts every key under one hash tag built from the prefix', () => {
    const keys = insightsKeys('acme:insights::');
    expect(keys.base).toBe('{acme:insights}:');
    expect(keys.survey('c1')).toBe('{acme:insights}:survey:c1');
    expect(keys.byTime).toBe('{acme:insights}:surveys');
    expect(keys.customer('alice')).toBe('{acme:insights}:customer:alice');
    expect(insightsKeys().base).toBe('{relais:insights}:');
  });
});
