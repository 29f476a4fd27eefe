import { rateLimitKeys, type RateLimitKeys } from '../../keyspace/index';
import type { RedisClient } from '../redis/client';
import type { BucketRule, RateLimitStore, TakeResult } from './token-bucket';

/**
 * take-token: refills the bucket for the time elapsed (Redis' own clock, so instances with
 * skewed clocks agree) and takes `cost` tokens (negative: gives them back), in one atomic step.
 *
 * KEYS[1] the bucket (hash: tokens, at)
 * ARGV[1] capacity   ARGV[2] tokens per millisecond   ARGV[3] cost
 *
 * Returns { 1, 0 } when the tokens were taken, { 0, ms until there are enough } otherwise.
 * The bucket expires once it would be full again, so idle clients cost nothing.
 */
const TAKE_TOKEN_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local stored = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(stored[1]) or capacity
local at = tonumber(stored[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local cost = tonumber(ARGV[3])
local allowed, retry = 0, 0
if tokens >= cost then
  tokens = math.min(capacity, tokens - cost)
  allowed = 1
else
  retry = math.ceil((cost - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
return { allowed, retry }
`;

const COMMAND = 'relaisTakeToken';

type WithTakeToken = RedisClient & {
  [COMMAND](key: string, capacity: number, perMs: string, cost: number): Promise<[number, number]>;
};

/** Buckets shared by every instance on the same Redis (keyspace/rate-limit-keys.ts). */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly keys: RateLimitKeys;

  constructor(
    private readonly redis: RedisClient,
    prefix: string,
  ) {
    this.keys = rateLimitKeys(prefix);
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: TAKE_TOKEN_LUA });
  }

  async take(key: string, rule: BucketRule, cost = 1): Promise<TakeResult> {
    const perMs = (rule.perMinute / 60_000).toPrecision(12);
    const [allowed, retry] = await (this.redis as WithTakeToken)[COMMAND](
      this.keys.bucket(key),
      rule.capacity,
      perMs,
      cost,
    );
    return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs: retry };
  }
}
