import type { Activity } from 'botbuilder';
import { directLineKeys, type DirectLineKeys } from '../../keyspace/index';
import type { RedisClient } from '../redis/client';
import { replicated, type ReplicaWait } from '../redis/replicas';
import { APPEND_ACTIVITY_LUA } from './append-activity.lua';
import { parseActivityId, type PendingTurns, type TurnLease } from './pending-turns';
import { RedisPendingTurns } from './redis-pending-turns';
import type { DirectLineConversation, DirectLineStore, StoredActivity } from './store';

const COMMAND = 'relaisAppendActivity';
const ID_PLACEHOLDER = '\u0000relais-activity-id\u0000';

interface AppendActivityCommand {
  /** Five keys then seven arguments (see the script's header). */
  relaisAppendActivity(...keysAndArgs: string[]): Promise<unknown>;
}

/**
 * Direct Line conversations and activity logs in Redis, so any instance can serve any
 * conversation. Keys share the deployment slot (keyspace/direct-line-keys.ts) because `append`
 * touches five of them in one script (the conversation's three and the pending-turn ledger's two).
 */
export class RedisDirectLineStore implements DirectLineStore {
  readonly pending: PendingTurns;
  private readonly keys: DirectLineKeys;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: {
      readonly prefix: string;
      readonly ttlSeconds?: number;
      /** An appended activity is acknowledged once replicas hold it (REDIS_WAIT_REPLICAS). */
      readonly durability?: ReplicaWait;
    },
  ) {
    this.keys = directLineKeys(options.prefix);
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 5, lua: APPEND_ACTIVITY_LUA });
    this.pending = new RedisPendingTurns(redis, this.keys);
  }

  async createConversation(conversation: DirectLineConversation): Promise<void> {
    const ttl = this.options.ttlSeconds ?? 0;
    const created =
      ttl > 0
        ? await this.redis.set(
            this.key('conv', conversation.id),
            JSON.stringify(conversation),
            'EX',
            ttl,
            'NX',
          )
        : await this.redis.set(this.key('conv', conversation.id), JSON.stringify(conversation), 'NX');
    if (created !== 'OK') throw new Error(`conversation ${conversation.id} exists`);
  }

  async getConversation(id: string): Promise<DirectLineConversation | undefined> {
    const json = await this.redis.get(this.key('conv', id));
    return json === null ? undefined : (JSON.parse(json) as DirectLineConversation);
  }

  async append(
    conversationId: string,
    activity: Partial<Activity>,
    clientActivityId?: string,
    lease?: TurnLease,
  ): Promise<{ activity: StoredActivity; duplicate: boolean }> {
    const json = JSON.stringify({ ...activity, id: ID_PLACEHOLDER });
    const command = this.redis as unknown as AppendActivityCommand;
    const reply = await command.relaisAppendActivity(
      this.key('conv', conversationId),
      this.key('log', conversationId),
      this.key('client', conversationId),
      this.keys.pending,
      this.keys.pendingLease,
      conversationId,
      json,
      JSON.stringify(ID_PLACEHOLDER).slice(1, -1),
      clientActivityId ?? '',
      String(this.options.ttlSeconds ?? 0),
      lease?.owner ?? '',
      String(lease?.ms ?? 0),
    );
    if (!Array.isArray(reply) || typeof reply[0] !== 'number')
      throw new Error(`unexpected reply from ${COMMAND}: ${JSON.stringify(reply)}`);
    if (reply[0] === -1) throw new Error(`unknown conversation ${conversationId}`);
    // What the customer posted is acknowledged only once a replica holds it (with its pending
    // turn); the bot's replies are not waited for: a lost one is recomputed when the turn reruns.
    if (reply[0] === 1 && activity.from?.role === 'user')
      await replicated(this.redis, this.options.durability, this.key('log', conversationId));
    return { activity: JSON.parse(String(reply[1])) as StoredActivity, duplicate: reply[0] === 0 };
  }

  async activity(activityId: string): Promise<StoredActivity | undefined> {
    const parsed = parseActivityId(activityId);
    if (!parsed) return undefined;
    const json = await this.redis.lindex(this.key('log', parsed.conversationId), parsed.position);
    return json === null ? undefined : (JSON.parse(json) as StoredActivity);
  }

  async activitiesSince(
    conversationId: string,
    watermark: number,
  ): Promise<{ activities: StoredActivity[]; watermark: number }> {
    // One MULTI so the watermark is exactly the log length the page was read from.
    const replies =
      (await this.redis
        .multi()
        .lrange(this.key('log', conversationId), watermark, -1)
        .llen(this.key('log', conversationId))
        .exec()) ?? [];
    const [rangeError, items] = replies[0] ?? [new Error('no reply'), null];
    const [lengthError, length] = replies[1] ?? [new Error('no reply'), null];
    if (rangeError || lengthError) throw rangeError ?? lengthError;
    return {
      activities: (items as string[]).map((j) => JSON.parse(j) as StoredActivity),
      watermark: Number(length),
    };
  }

  async deleteConversation(conversationId: string): Promise<number> {
    const log = this.key('log', conversationId);
    // One MULTI: the count is the log that was deleted, and the three keys go together.
    const replies =
      (await this.redis
        .multi()
        .llen(log)
        .del(this.key('conv', conversationId), log, this.key('client', conversationId))
        .exec()) ?? [];
    const [lengthError, length] = replies[0] ?? [new Error('no reply'), null];
    const [deleteError] = replies[1] ?? [new Error('no reply')];
    if (lengthError || deleteError) throw lengthError ?? deleteError;
    return Number(length);
  }

  private key(kind: 'conv' | 'log' | 'client', id: string): string {
    return kind === 'conv'
      ? this.keys.conversation(id)
      : kind === 'log'
        ? this.keys.log(id)
        : this.keys.clientIds(id);
  }
}
