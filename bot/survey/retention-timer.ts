import { purgeExpiredSurveys, type SurveyStore } from '../../insights/index';
import type { Log } from '../log';

const DAY_MS = 24 * 3600 * 1000;

export interface RetentionTimer {
  /** One purge now; resolves to how many surveys it deleted (0 when it failed, which is logged). */
  runOnce(): Promise<number>;
  stop(): void;
}

/**
 * Deletes surveys closed more than `retentionDays` ago: once at start, then every `everyMs`
 * (daily). The timer does not keep the process alive; a failed purge is logged and retried next time.
 */
export function startRetentionPurge(
  store: SurveyStore,
  retentionDays: number,
  options: { readonly log: Log; readonly clock: () => Date; readonly everyMs?: number },
): RetentionTimer {
  const runOnce = async (): Promise<number> => {
    try {
      const { purged } = await purgeExpiredSurveys(store, { retentionDays }, options.clock().getTime());
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
