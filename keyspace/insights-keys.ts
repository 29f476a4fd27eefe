import { deploymentTag } from './slots';

/**
 * Every Redis key of the survey store, in one place.
 *
 * All keys of one deployment share one hash tag, `{<prefix>}`, so the Lua scripts that touch a
 * survey and its two indexes stay within one Cluster slot. Scripts build per-survey and
 * per-customer keys from the base (ARGV[1]) with the helpers below, so the names live only here.
 */
const SUFFIX = Object.freeze({
  survey: 'survey:',
  byTime: 'surveys',
  customer: 'customer:',
});

export const DEFAULT_INSIGHTS_PREFIX = 'relais:insights';

export interface InsightsKeys {
  /** "{prefix}:" — the hash tag and separator every key starts with. */
  readonly base: string;
  /** Hash: one survey — `json` (the record), `customer` (id or ''), `at` (closedAt), `recordedAt`. */
  survey(conversationId: string): string;
  /** Sorted set: conversation id → closedAt ms (time-range reads and the retention purge). */
  readonly byTime: string;
  /** Set: the conversation ids of one customer's surveys (erasure on request). */
  customer(customerId: string): string;
}

export function insightsKeys(prefix: string = DEFAULT_INSIGHTS_PREFIX): InsightsKeys {
  const base = `${deploymentTag(prefix)}:`;
  return Object.freeze({
    base,
    survey: (conversationId: string) => base + SUFFIX.survey + conversationId,
    byTime: base + SUFFIX.byTime,
    customer: (customerId: string) => base + SUFFIX.customer + customerId,
  });
}

/** The same names for Lua: `local base = ARGV[1]` comes first in every script. */
export const LUA_INSIGHTS_KEYS = `
local base = ARGV[1]
local function kSurvey(id) return base .. '${SUFFIX.survey}' .. id end
local kByTime = base .. '${SUFFIX.byTime}'
local function kCustomer(id) return base .. '${SUFFIX.customer}' .. id end
`;
