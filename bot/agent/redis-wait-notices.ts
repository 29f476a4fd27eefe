import type { RedisClient } from '../redis/client';
import type { AgentKeys } from '../../keyspace/index';
import type { WaitNotices } from './wait-notices';

/**
 * KEYS[1] told (string: "position|minutes"), KEYS[2] gate (exists while updates are held)
 * ARGV[1] signature, ARGV[2] gap in ms, ARGV[3] time to live of the told marker in seconds
 * Returns 1: the caller sends this update; 0: unchanged, or the last notice is too recent.
 * One script, so two instances never both claim the same update.
 */
const CLAIM = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1
`;

/** A day: long enough for any wait; the marker goes when the conversation has long left the queue. */
const TOLD_TTL_SECONDS = 24 * 3600;

/** The gate's time to live is Redis's own clock: instances need not agree on the time. */
export class RedisWaitNotices implements WaitNotices {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: AgentKeys,
  ) {}

  async told(conversationId: string, signature: string, gapMs: number): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.waitTold(conversationId), signature, 'EX', TOLD_TTL_SECONDS)
      .set(this.keys.waitGate(conversationId), '1', 'PX', gapMs)
      .exec();
  }

  async claim(conversationId: string, signature: string, gapMs: number): Promise<boolean> {
    const claimed = await this.redis.eval(
      CLAIM,
      2,
      this.keys.waitTold(conversationId),
      this.keys.waitGate(conversationId),
      signature,
      String(gapMs),
      String(TOLD_TTL_SECONDS),
    );
    return claimed === 1;
  }
}
