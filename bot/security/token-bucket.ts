/** How much a client may do: `capacity` at once, then `perMinute` spread over each minute. */
export interface BucketRule {
  readonly capacity: number;
  readonly perMinute: number;
}

export type TakeResult =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

/**
 * Token buckets by key (one per IP, conversation or login). Memory for one instance; Redis when
 * several instances share the limits (bot/security/redis-rate-limit-store.ts).
 */
export interface RateLimitStore {
  /**
   * Takes `cost` tokens (1 by default) when the bucket holds that many; a negative cost gives
   * tokens back (a reservation that turned out not to count), up to the capacity.
   */
  take(key: string, rule: BucketRule, cost?: number): Promise<TakeResult>;
}

/** A rule allowing a burst of a sixth of the minute's budget (at least 3), refilled evenly. */
export function ruleFor(perMinute: number): BucketRule {
  return { capacity: Math.max(3, Math.ceil(perMinute / 6)), perMinute };
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets in this process; full idle ones are dropped so memory follows the active clients. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly buckets = new Map<string, Bucket>();
  private lastPrune = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, rule: BucketRule, cost = 1): Promise<TakeResult> {
    const now = this.now();
    this.prune(now);
    const perMs = rule.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: rule.capacity, at: now };
    bucket.tokens = Math.min(rule.capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens = Math.min(rule.capacity, bucket.tokens - cost);
      return { allowed: true };
    }
    return { allowed: false, retryAfterMs: Math.ceil((cost - bucket.tokens) / perMs) };
  }

  /** How many buckets are kept (tests check that idle ones go). */
  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    if (now - this.lastPrune < 60_000) return;
    this.lastPrune = now;
    // A bucket untouched for 10 minutes is full again under any rule worth having: forget it.
    for (const [key, bucket] of this.buckets) if (now - bucket.at > 600_000) this.buckets.delete(key);
  }
}
