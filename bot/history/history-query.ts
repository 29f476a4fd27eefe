import { z } from 'zod';
import { LOCALES } from '../../knowledge-base/index';
import { HISTORY_PATHS, HISTORY_QUEUES, HISTORY_STATES } from './history-store';

export const HISTORY_PAGE_LIMIT = 50;
/** Deep pages cost an intersection each; past this offset, narrow the search instead. */
export const HISTORY_MAX_OFFSET = 10_000;

/** An ISO date-time or a date ("2026-12-01"), read as ms since the epoch. */
const instant = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'an ISO date such as 2026-12-01 or 2026-12-01T08:00:00Z' });
      return z.NEVER;
    }
    return ms;
  });

/** GET /api/agent/history query: every parameter optional, unknown ones refused. */
export const historyQuerySchema = z
  .strictObject({
    q: z.string().trim().max(200).optional(),
    state: z.enum(HISTORY_STATES).optional(),
    language: z.enum(LOCALES).optional(),
    queue: z.enum(HISTORY_QUEUES).optional(),
    path: z.enum(HISTORY_PATHS).optional(),
    agent: z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, 'an agent id')
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
    ces: z.coerce.number().int().min(1).max(5).optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z
      .string()
      .regex(/^\d{1,5}$/, 'the nextCursor of a previous page')
      .transform(Number)
      .refine((n) => n <= HISTORY_MAX_OFFSET, `at most ${HISTORY_MAX_OFFSET} results deep: narrow the search`)
      .optional(),
    limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_LIMIT).default(20),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'must be after from',
    path: ['to'],
  });
export type HistoryQueryParams = z.output<typeof historyQuerySchema>;
