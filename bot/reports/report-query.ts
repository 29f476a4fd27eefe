import { z } from 'zod';
import type { TimeRange } from '../../insights/index';

const DAY_MS = 24 * 3600 * 1000;
/** Without from/to: the last 30 days. */
export const DEFAULT_SPAN_DAYS = 30;
/** A longer range is refused: one request must not read years of surveys. */
export const MAX_SPAN_DAYS = 366;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-03-01" (UTC midnight), an ISO date-time, or ms since the epoch. */
const instant = z
  .string()
  .trim()
  .refine(
    (v) => /^\d{1,15}$/.test(v) || !Number.isNaN(Date.parse(v)),
    'must be a date (YYYY-MM-DD), an ISO time or ms',
  )
  .transform((v) => ({ ms: /^\d{1,15}$/.test(v) ? Number(v) : Date.parse(v), dateOnly: DATE_ONLY.test(v) }));

const querySchema = z.object({
  from: instant.optional(),
  to: instant.optional(),
  mask: z.enum(['true', 'false']).optional(),
  separator: z.enum(['comma', 'semicolon', 'tab']).optional(),
});

export interface ReportQuery {
  readonly range: TimeRange;
  readonly mask: boolean;
  readonly separator: ',' | ';' | '\t';
}

export type ReportQueryResult =
  { readonly ok: true; readonly query: ReportQuery } | { readonly ok: false; readonly message: string };

const SEPARATORS = { comma: ',', semicolon: ';', tab: '\t' } as const;

/**
 * The query string of a report: [from, to) on closedAt. A date-only `to` includes that whole day
 * (to=2026-03-31 reads up to the end of the 31st, UTC).
 */
export function parseReportQuery(query: unknown, now: Date): ReportQueryResult {
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${String(issue?.path[0] ?? 'query')}: ${issue?.message ?? 'invalid'}` };
  }
  const q = parsed.data;
  const to = q.to ? q.to.ms + (q.to.dateOnly ? DAY_MS : 0) : now.getTime();
  const from = q.from ? q.from.ms : to - DEFAULT_SPAN_DAYS * DAY_MS;
  if (from >= to) return { ok: false, message: 'from: must be before to' };
  if (to - from > MAX_SPAN_DAYS * DAY_MS)
    return { ok: false, message: `to: the range must not exceed ${MAX_SPAN_DAYS} days` };
  return {
    ok: true,
    query: {
      range: { from: Math.max(0, from), to },
      mask: q.mask !== 'false',
      separator: SEPARATORS[q.separator ?? 'comma'],
    },
  };
}
