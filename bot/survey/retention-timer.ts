import { purgeExpiredSurveys, type SurveyStore } from '../../insights/index';
import type { Log } from '../log';
import { eraseConversationTraces, type ErasureStores } from '../reports/customer-erasure';

const DAY_MS = 24 * 3600 * 1000;

export interface RetentionTimer {
  /** One purge now; resolves to how many surveys it deleted (0 when it failed, which is logged). */
  runOnce(): Promise<number>;
  stop(): void;
}

/**
 * Deletes surveys closed more than `retentionDays` ago, and the transcripts of those conversations
 * (bot state, Direct Line log, relayed lines, handoff record): once at start, then every `everyMs`
 * (daily). The timer does not keep the process alive; a failed purge is logged and retried next time.
 */
export function startRetentionPurge(
  store: SurveyStore,
  retentionDays: number,
  options: {
    readonly log: Log;
    readonly clock: () => Date;
    readonly everyMs?: number;
    /** Where the transcripts of those conversations are: deleted with their survey. */
    readonly traces?: Omit<ErasureStores, 'surveys'>;
  },
): RetentionTimer {
  const runOnce = async (): Promise<number> => {
    try {
      const now = options.clock().getTime();
      if (options.traces) {
        // Transcripts first: a purge interrupted here finds the same conversations next time.
        const expired = await store.list({ from: 0, to: now - retentionDays * DAY_MS });
        for (const survey of expired) await eraseConversationTraces(options.traces, survey.context);
      }
      const { purged } = await purgeExpiredSurveys(store, { retentionDays }, now);
      if (purged > 0)
        options.log.info(`retention: ${purged} survey(s) older than ${retentionDays} days deleted`);
      return purged;
    } catch (error) {
      options.log.error('retention: the survey purge failed (retried at the next run)', error);
      return 0;
    }
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.everyMs ?? DAY_MS);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
