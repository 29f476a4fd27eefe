import type { RedisClient } from '../redis/client';
import { z } from 'zod';
import type { AgentKeys } from '../../keyspace/index';
import { replicated, waitedWriter, type ReplicaWait } from '../redis/replicas';
import {
  PRESENCES,
  relayLineSchema,
  type NewRelayLine,
  type Presence,
  type RelayLine,
  type RelayLog,
} from './relay-log';

const storedLineSchema = relayLineSchema.omit({ seq: true });

/**
 * KEYS[1] the conversation's log (list), KEYS[2] its sends hash; ARGV[1] the line (JSON),
 * ARGV[2] the client key, ARGV[3] time to live in seconds.
 * Returns { seq, stored line JSON, 1 if appended now | 0 if it was there already }.
 */
const APPEND_ONCE = `
local seq = redis.call('HGET', KEYS[2], 'k:' .. ARGV[2])
if seq then
  return { tonumber(seq), redis.call('LINDEX', KEYS[1], tonumber(seq) - 1), 0 }
end
local n = redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], 'k:' .. ARGV[2], n)
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return { n, ARGV[1], 1 }
`;
const appendOnceReply = z.tuple([
  z.number().int().positive(),
  z.string(),
  z.union([z.literal(0), z.literal(1)]),
]);

/** Lines in one Redis list per conversation (RPUSH is atomic: its new length is the line's number). */
export class RedisRelayLog implements RelayLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: AgentKeys,
    private readonly ttlSeconds: number,
    /** A line sent with its message id (an agent's send, a customer's message) is acknowledged once replicas hold it (REDIS_WAIT_REPLICAS). */
    private readonly replicas?: ReplicaWait,
  ) {}

  async append(conversationId: string, line: NewRelayLine): Promise<RelayLine> {
    const key = this.keys.log(conversationId);
    const [[pushError, length] = [], [expireError] = []] =
      (await this.redis.multi().rpush(key, JSON.stringify(line)).expire(key, this.ttlSeconds).exec()) ?? [];
    if (pushError || expireError || typeof length !== 'number')
      throw new Error(`relay log append failed for ${conversationId}`, { cause: pushError ?? expireError });
    return { ...line, seq: length };
  }

  async appendOnce(
    conversationId: string,
    key: string,
    line: NewRelayLine,
  ): Promise<{ line: RelayLine; created: boolean }> {
    const writer = waitedWriter(this.redis, this.replicas);
    const reply = appendOnceReply.parse(
      await writer.eval(
        APPEND_ONCE,
        2,
        this.keys.log(conversationId),
        this.keys.sends(conversationId),
        JSON.stringify(line),
        key,
        String(this.ttlSeconds),
      ),
    );
    const [seq, json, created] = reply;
    if (created === 1) await replicated(writer, this.replicas, this.keys.log(conversationId));
    return { line: { ...storedLineSchema.parse(JSON.parse(json)), seq }, created: created === 1 };
  }

  async markDelivered(conversationId: string, seq: number): Promise<void> {
    await this.redis.hset(this.keys.sends(conversationId), `d:${seq}`, '1');
  }

  async delivered(conversationId: string, seq: number): Promise<boolean> {
    return (await this.redis.hexists(this.keys.sends(conversationId), `d:${seq}`)) === 1;
  }

  async lines(conversationId: string): Promise<readonly RelayLine[]> {
    const raw = await this.redis.lrange(this.keys.log(conversationId), 0, -1);
    return raw.flatMap((json, i) => {
      const parsed = storedLineSchema.safeParse(JSON.parse(json));
      return parsed.success ? [{ ...parsed.data, seq: i + 1 }] : [];
    });
  }

  /** The lines, the send ledger and the wait notices of the conversation: the agent side's traces. */
  async erase(conversationId: string): Promise<number> {
    const key = this.keys.log(conversationId);
    const [[lenError, length] = [], [delError] = []] =
      (await this.redis
        .multi()
        .llen(key)
        .del(
          key,
          this.keys.sends(conversationId),
          this.keys.waitTold(conversationId),
          this.keys.waitGate(conversationId),
        )
        .exec()) ?? [];
    if (lenError || delError || typeof length !== 'number')
      throw new Error(`relay log erase failed for ${conversationId}`, { cause: lenError ?? delError });
    return length;
  }

  async setPresence(agentId: string, presence: Presence): Promise<void> {
    await this.redis.hset(this.keys.presence, agentId, presence);
  }

  async presence(agentId: string): Promise<Presence> {
    const parsed = z.enum(PRESENCES).safeParse(await this.redis.hget(this.keys.presence, agentId));
    return parsed.success ? parsed.data : 'offline';
  }
}
