import { z } from 'zod';
import { InsightsError } from './errors';
import type { SurveyStore } from './store/survey-store';

const DAY_MS = 24 * 3600 * 1000;

/** How long surveys (and the questions they hold) are kept; from env or config, parsed once. */
export const retentionSchema = z.object({
  retentionDays: z.coerce.number().int().min(1).max(3650).default(365),
});
export type RetentionConfig = z.output<typeof retentionSchema>;

export function parseRetention(input: unknown): RetentionConfig {
  const parsed = retentionSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InsightsError('INVALID_CONFIG', `retentionDays: ${issue?.message ?? 'invalid'}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Deletes what is past retention at `now`; run it daily (or from the handoff sweeper's timer). */
export async function purgeExpiredSurveys(
  store: SurveyStore,
  config: RetentionConfig,
  now: number,
): Promise<{ readonly purged: number; readonly cutoff: number }> {
  const cutoff = now - config.retentionDays * DAY_MS;
  const { purged } = await store.purgeClosedBefore(cutoff);
  return { purged, cutoff };
}
