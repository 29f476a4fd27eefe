import { join } from 'node:path';
import { Redis } from 'ioredis';
import { MemorySurveyStore, RedisSurveyStore } from '../../../insights/index';
import { loadConfig } from '../../../bot/config';
import { compose } from '../../../bot/root/compose';
import { silentLog } from '../../../bot/log';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

const KB = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', 'fr.yaml');

const closed = (conversationId: string) => ({
  context: {
    conversationId,
    path: 'bot-only' as const,
    language: 'fr' as const,
    channel: 'directline',
    startedAt: 1_000,
    closedAt: 2_000,
  },
  ces: 2,
  recordedAt: 2_000,
});

describe('survey store of the production dependencies', () => {
  test('without REDIS_URL: in memory', async () => {
    const deps = await compose(loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB }), { log: silentLog });
    expect(deps.bot.surveys).toBeInstanceOf(MemorySurveyStore);
    await deps.dispose();
  });

  test('with REDIS_URL: in Redis under {REDIS_PREFIX:insights}, on the bot connection', async () => {
    const prefix = uniquePrefix('survey-deps').replace(/:+$/, '');
    const deps = await compose(
      loadConfig({ MATCHER_ENCODER: 'off', KB_FILES: KB, REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix }),
      { log: silentLog },
    );
    const surveys = deps.bot.surveys;
    expect(surveys).toBeInstanceOf(RedisSurveyStore);
    expect(await surveys?.record(closed('conv-1'))).toMatchObject({ ok: true, replaced: false });
    expect((await surveys?.get('conv-1'))?.ces).toBe(2);
    const redis = new Redis(testRedisUrl());
    try {
      expect(await redis.exists(`{${prefix}:insights}:survey:conv-1`)).toBe(1);
      await redis.del(`{${prefix}:insights}:survey:conv-1`, `{${prefix}:insights}:surveys`);
    } finally {
      redis.disconnect();
      await deps.dispose();
    }
  });
});
