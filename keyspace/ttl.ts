/**
 * How long each kind of key lives after its last write, in seconds. A deployment caps every one
 * with its retention period (SURVEY_RETENTION_DAYS) when that is shorter: no transcript outlives it.
 */
export const KEY_TTL_SECONDS = Object.freeze({
  /** botbuilder state of an idle conversation or user. */
  botState: 30 * 24 * 3600,
  /** A Direct Line conversation's record and activity log. */
  directLine: 7 * 24 * 3600,
  /** A conversation's relay log, send ledger, uploads and upload quota. */
  relayLog: 7 * 24 * 3600,
  /** The position last told to a waiting customer: long enough for any wait. */
  waitTold: 24 * 3600,
});

/** `ttlSeconds` capped by the retention period. */
export function withinRetention(ttlSeconds: number, retentionDays: number): number {
  return Math.min(ttlSeconds, retentionDays * 24 * 3600);
}
