import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { AgentKeys } from './keys';
import {
  PRESENCES,
  relayLineSchema,
  type NewRelayLine,
  type Presence,
  type RelayLine,
  type RelayStore,
} from './relay-store';

const storedLineSchema = relayLineSchema.omit({ seq: true });

/** Lines in one Redis list per conversation (RPUSH is atomic: its new length is the line's number). */
export class RedisRelayStore implements RelayStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: AgentKeys,
    private readonly ttlSeconds: number,
  ) {}

  async append(conversationId: string, line: NewRelayLine): Promise<RelayLine> {
    const key = this.keys.log(conversationId);
    const [[pushError, length] = [], [expireError] = []] =
      (await this.redis.multi().rpush(key, JSON.stringify(line)).expire(key, this.ttlSeconds).exec()) ?? [];
    if (pushError || expireError || typeof length !== 'number')
      throw new Error(`relay log append failed for ${conversationId}`, { cause: pushError ?? expireError });
    return { ...line, seq: length };
  }

  async lines(conversationId: string): Promise<readonly RelayLine[]> {
    const raw = await this.redis.lrange(this.keys.log(conversationId), 0, -1);
    return raw.flatMap((json, i) => {
      const parsed = storedLineSchema.safeParse(JSON.parse(json));
      return parsed.success ? [{ ...parsed.data, seq: i + 1 }] : [];
    });
  }

  async erase(conversationId: string): Promise<number> {
    const key = this.keys.log(conversationId);
    const [[lenError, length] = [], [delError] = []] =
      (await this.redis.multi().llen(key).del(key).exec()) ?? [];
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
