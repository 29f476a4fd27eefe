import { MemoryStorage } from 'botbuilder';
import { MemoryHandoffQueue, ManualClock } from '../../../handoff/index';
import { MemorySurveyStore, type SurveyStore } from '../../../insights/index';
import { MemoryRelayLog } from '../../../bot/agent/relay-log';
import { InMemoryDirectLineStore } from '../../../bot/directline/store';
import { ConfigError, loadConfig } from '../../../bot/config';
import type { Log } from '../../../bot/log';
import { startRetentionPurge } from '../../../bot/survey/retention-timer';

const DAY_MS = 24 * 3600 * 1000;
const NOW = new Date('2026-03-11T09:00:00Z');

function recorder(): Log & { infos: string[]; errors: string[] } {
  const infos: string[] = [];
  const errors: string[] = [];
  return { infos, errors, info: (m) => infos.push(m), error: (m) => errors.push(m) };
}

async function closedDaysAgo(
  store: SurveyStore,
  conversationId: string,
  days: number,
  channel = 'directline',
): Promise<void> {
  const at = NOW.getTime() - days * DAY_MS;
  await store.record({
    context: {
      conversationId,
      path: 'bot-only',
      language: 'fr',
      channel,
      startedAt: at,
      closedAt: at,
    },
    recordedAt: at,
  });
}

describe('survey retention', () => {
  test('SURVEY_RETENTION_DAYS: 365 by default, 1 to 3650', () => {
    expect(loadConfig({}).surveyRetentionDays).toBe(365);
    expect(loadConfig({ SURVEY_RETENTION_DAYS: '30' }).surveyRetentionDays).toBe(30);
    expect(() => loadConfig({ SURVEY_RETENTION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ SURVEY_RETENTION_DAYS: 'a year' })).toThrow(/SURVEY_RETENTION_DAYS/);
  });

  test('surveys closed before the retention period are deleted, the others kept', async () => {
    const store = new MemorySurveyStore();
    await closedDaysAgo(store, 'old', 31);
    await closedDaysAgo(store, 'recent', 29);
    const log = recorder();
    const timer = startRetentionPurge(store, 30, { log, clock: () => NOW });
    await timer.runOnce();
    timer.stop();
    expect(await store.get('old')).toBeUndefined();
    expect(await store.get('recent')).toBeDefined();
    expect(log.infos).toEqual(['retention: 1 survey(s) older than 30 days deleted']);
  });

  test('a failing purge is logged, not thrown', async () => {
    const store = new MemorySurveyStore();
    const failing: SurveyStore = Object.assign(Object.create(store) as SurveyStore, {
      purgeClosedBefore: () => Promise.reject(new Error('redis down')),
    });
    const log = recorder();
    const timer = startRetentionPurge(failing, 30, { log, clock: () => NOW });
    expect(await timer.runOnce()).toBe(0);
    timer.stop();
    expect(log.errors).toContain('retention: the survey purge failed (retried at the next run)');
  });

  test('the transcripts of expired conversations go with their survey; recent ones stay', async () => {
    const surveys = new MemorySurveyStore();
    const storage = new MemoryStorage();
    const directLine = new InMemoryDirectLineStore();
    const relay = new MemoryRelayLog();
    const queue = new MemoryHandoffQueue({ clock: new ManualClock(NOW.getTime()) });
    for (const [id, days] of [
      ['old', 31],
      ['recent', 29],
    ] as const) {
      await closedDaysAgo(surveys, id, days, 'webchat');
      await storage.write({ [`webchat/conversations/${id}/`]: { relais: { transcript: ['Bonjour'] } } });
      await directLine.createConversation({
        id,
        userId: 'u_1',
        locale: 'fr-FR',
        createdAt: NOW.toISOString(),
      });
      await directLine.append(id, { type: 'message', text: 'mon adresse est…' });
      await relay.append(id, { from: 'customer', text: 'mon adresse est…', at: 1 });
      await queue.touch(id);
    }
    const log = recorder();
    const timer = startRetentionPurge(surveys, 30, {
      log,
      clock: () => NOW,
      traces: { storage, directLine, relay, queue },
    });
    await timer.runOnce();
    timer.stop();
    expect(await surveys.get('old')).toBeUndefined();
    expect(await storage.read(['webchat/conversations/old/'])).toEqual({});
    expect(await directLine.getConversation('old')).toBeUndefined();
    expect(await relay.lines('old')).toEqual([]);
    expect(await queue.get('old')).toBeNull();

    expect(await surveys.get('recent')).toBeDefined();
    expect(Object.keys(await storage.read(['webchat/conversations/recent/']))).toHaveLength(1);
    expect((await directLine.activitiesSince('recent', 0)).activities).toHaveLength(1);
    expect(await relay.lines('recent')).toHaveLength(1);
    expect(await queue.get('recent')).not.toBeNull();
  });
});
