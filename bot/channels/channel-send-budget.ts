/**
 * How long one call to a channel connector may take, and when it is tried again
 * (CHANNEL_SEND_TIMEOUT_MS, CHANNEL_SEND_RETRIES).
 */
export interface ChannelSendBudget {
  /** One attempt's limit. */
  readonly timeoutMs: number;
  /** Attempts after the first one, at most. */
  readonly retries: number;
}

/** Why an attempt failed: the fixed label values of the channel send metrics. */
export const SEND_FAILURES = ['timeout', 'throttled', 'server_error', 'network', 'refused'] as const;
export type SendFailure = (typeof SEND_FAILURES)[number];

/** What went wrong with one attempt: a status the connector answered, or no answer at all. */
export type AttemptOutcome =
  | { readonly status: number; readonly retryAfterMs?: number }
  | { readonly timedOut: true }
  | { readonly networkCode: string };

/** Errors raised before the connector got the request: trying again cannot deliver twice. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** The methods the connector applies the same way however often they arrive (update, delete). */
const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE', 'HEAD']);

export function failureOf(outcome: AttemptOutcome): SendFailure {
  if ('timedOut' in outcome) return 'timeout';
  if ('networkCode' in outcome) return 'network';
  if (outcome.status === 429) return 'throttled';
  return outcome.status >= 500 ? 'server_error' : 'refused';
}

/**
 * Whether an attempt may be made again. Duplicates: botbuilder clears each activity's id before
 * posting it (CloudAdapterBase.sendActivities), so the connector cannot tell a retried message
 * from a new one, and channels do not dedupe. The conservative choice: a post is retried only
 * when the connector said it did not take it (429, 503) or the connection never opened; after a
 * timeout, a reset or another 5xx it may have been delivered, so the turn fails instead of the
 * customer reading the same line twice. Update and delete are idempotent: retried on all of these.
 * 4xx other than 429 and 501/505 are never retried: the same request gets the same answer.
 */
export function mayRetry(method: string, outcome: AttemptOutcome): boolean {
  const idempotent = IDEMPOTENT.has(method.toUpperCase());
  if ('timedOut' in outcome) return idempotent;
  if ('networkCode' in outcome) return idempotent || NOT_SENT.has(outcome.networkCode);
  const { status } = outcome;
  if (status === 429 || status === 503) return true;
  if (status === 501 || status === 505) return false;
  return status >= 500 && idempotent;
}

const BACKOFF_BASE_MS = 250;
const BACKOFF_CAP_MS = 2_000;

/** The longest pause before retry number `retry` (1, 2, …): doubling from 250 ms, at most 2 s. */
function backoffCeiling(retry: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1));
}

/**
 * The whole call's limit: every attempt timing out in turn, with the backoff pauses between.
 * A Retry-After pause counts against it too; one that would overrun it ends the call at once.
 */
export function deadlineMs(budget: ChannelSendBudget): number {
  let pauses = 0;
  for (let retry = 1; retry <= budget.retries; retry += 1) pauses += backoffCeiling(retry);
  return budget.timeoutMs * (budget.retries + 1) + pauses;
}

/**
 * The pause before retry number `retry`: the connector's Retry-After when it gave one, otherwise
 * the backoff ceiling with jitter (half to all of it) so instances do not retry in step.
 */
export function pauseBefore(retry: number, outcome: AttemptOutcome, random: () => number): number {
  if ('status' in outcome && outcome.retryAfterMs !== undefined) return outcome.retryAfterMs;
  const ceiling = backoffCeiling(retry);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After in seconds or as an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
