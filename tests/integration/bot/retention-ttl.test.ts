import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig } from '../../../bot/config';
import { compose } from '../../../bot/root/compose';
import { silentLog } from '../../../bot/log';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

const KB = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', 'fr.yaml');
const DAY = 24 * 3600;

/** The idle TTLs (seconds) Redis gives a new conversation's state, Direct Line log and relayed lines. */
async function transcriptTtls(retentionDays?: string): Promise<number[]> {
  const prefix = uniquePrefix('ttl').replace(/:$/, '');
  const deps = await compose(
    loadConfig({
      MATCHER_ENCODER: 'off',
      KB_FILES: KB,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: prefix,
      ...(retentionDays ? { SURVEY_RETENTION_DAYS: retentionDays } : {}),
    }),
    { log: silentLog },
  );
  const redis = new Redis(testRedisUrl());
  try {
    await deps.storage.write({ 'webchat/conversations/c1/': { relais: {} } });
    await deps.directLineStore.createConversation({
      id: 'c1',
      userId: 'u_1',
      locale: 'fr-FR',
      createdAt: new Date().toISOString(),
    });
    await deps.agent?.store.append('c1', { from: 'customer', text: 'bonjour', at: 1 });
    const keys = (await redis.keys(`*${prefix}*c1*`)).sort();
    expect(keys).toHaveLength(3);
    return Promise.all(keys.map((k) => redis.ttl(k)));
  } finally {
    await redis.quit();
    await deps.dispose();
  }
}

describe('retention covers the transcripts', () => {
  test('by default: 30 days of bot state, 7 days of Direct Line log and relayed lines', async () => {
    const ttls = await transcriptTtls();
    expect(ttls.map((t) => Math.round(t / DAY)).sort((a, b) => a - b)).toEqual([7, 7, 30]);
  });

  test('SURVEY_RETENTION_DAYS=2: no transcript is kept longer than two days', async () => {
    const ttls = await transcriptTtls('2');
    for (const ttl of ttls) {
      expect(ttl).toBeGreaterThan(DAY);
      expect(ttl).toBeLessThanOrEqual(2 * DAY);
    }
  });
});
