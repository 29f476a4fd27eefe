import type { Activity } from 'botbuilder';
import { directLineKeys, type DirectLineKeys } from '../../keyspace/index';
import type { RedisClient } from '../redis/client';
import { replicatedAll, waitedWriter, type ReplicaWait } from '../redis/replicas';
import { APPEND_ACTIVITY_LUA, RESOLVE_INTENT_LUA } from './append-activity.lua';
import { newIntent, parseIntentId } from './pending-intent';
import { parseActivityId, type TurnLease } from './pending-turns';
import { RedisPendingTurns } from './redis-pending-turns';
import type { DirectLineConversation, DirectLineStore, StoredActivity } from './store';

const COMMAND = 'relaisAppendActivity';
const RESOLVE = 'relaisResolveIntent';
const ID_PLACEHOLDER = '\u0000relais-activity-id\u0000';

interface ConversationCommands {
  /** Four keys then six arguments (see the script's header). */
  relaisAppendActivity(...keysAndArgs: string[]): Promise<unknown>;
  /** Two keys then two arguments. */
  relaisResolveIntent(...keysAndArgs: string[]): Promise<unknown>;
}

/**
 * Direct Line conversations and activity logs in Redis, so any instance can serve any
 * conversation. Each conversation's keys live in its own slot, spread over a Cluster's shards;
 * the pending-turn ledger stays in the deployment slot (keyspace/direct-line-keys.ts). A customer's
 * message therefore takes three writes, each atomic on its own slot:
 * 1. an intent in the ledger, leased to this instance ("a turn is coming for this conversation");
 * 2. the activity appended, its position recorded under the intent's nonce;
 * 3. the intent settled: its ledger entry moves to the activity's id.
 * Dying after 1 or 2 leaves an intent whose lease lapses; whoever claims it resolves it: the
 * activity if 2 happened, otherwise the intent is voided so a late 2 is refused.
 */
export class RedisDirectLineStore implements DirectLineStore {
  readonly pending: RedisPendingTurns;
  private readonly keys: DirectLineKeys;
  /** A customer's message goes through the waited writes' connection (ReplicaWait.via). */
  private readonly customerWriter: RedisClient;
  private readonly customerPending: RedisPendingTurns;

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
    this.customerWriter = waitedWriter(redis, options.durability);
    for (const client of new Set([redis, this.customerWriter])) {
      if (!(COMMAND in client)) client.defineCommand(COMMAND, { numberOfKeys: 4, lua: APPEND_ACTIVITY_LUA });
      if (!(RESOLVE in client)) client.defineCommand(RESOLVE, { numberOfKeys: 2, lua: RESOLVE_INTENT_LUA });
    }
    this.pending = new RedisPendingTurns(redis, this.keys);
    this.customerPending =
      this.customerWriter === redis ? this.pending : new RedisPendingTurns(this.customerWriter, this.keys);
  }

  async createConversation(conversation: DirectLineConversation): Promise<void> {
    const ttl = this.options.ttlSeconds ?? 0;
    const created =
      ttl > 0
        ? await this.redis.set(
            this.keys.conversation(conversation.id),
            JSON.stringify(conversation),
            'EX',
            ttl,
            'NX',
          )
        : await this.redis.set(this.keys.conversation(conversation.id), JSON.stringify(conversation), 'NX');
    if (created !== 'OK') throw new Error(`conversation ${conversation.id} exists`);
  }

  async getConversation(id: string): Promise<DirectLineConversation | undefined> {
    const json = await this.redis.get(this.keys.conversation(id));
    return json === null ? undefined : (JSON.parse(json) as DirectLineConversation);
  }

  async append(
    conversationId: string,
    activity: Partial<Activity>,
    clientActivityId?: string,
    lease?: TurnLease,
  ): Promise<{ activity: StoredActivity; duplicate: boolean }> {
    const customer = activity.from?.role === 'user';
    const writer = customer ? this.customerWriter : this.redis;
    const pending = customer ? this.customerPending : this.pending;
    const intent = lease ? { ...newIntent(conversationId), lease } : undefined;
    if (intent) await pending.reserve(intent.id, intent.lease);
    const reply = await commandsOf(writer).relaisAppendActivity(
      this.keys.conversation(conversationId),
      this.keys.log(conversationId),
      this.keys.clientIds(conversationId),
      this.keys.intents(conversationId),
      conversationId,
      JSON.stringify({ ...activity, id: ID_PLACEHOLDER }),
      JSON.stringify(ID_PLACEHOLDER).slice(1, -1),
      clientActivityId ?? '',
      String(this.options.ttlSeconds ?? 0),
      intent?.nonce ?? '',
    );
    if (!Array.isArray(reply) || typeof reply[0] !== 'number')
      throw new Error(`unexpected reply from ${COMMAND}: ${JSON.stringify(reply)}`);
    // Not stored: the intent has nothing to wait for (a voided one is the recoverer's already).
    if (reply[0] < 0 && intent) await pending.done(intent.id, intent.lease.owner);
    if (reply[0] === -1) throw new Error(`unknown conversation ${conversationId}`);
    if (reply[0] === -2) throw new Error(`activity of ${conversationId} refused: presumed lost, retry`);
    const stored = JSON.parse(String(reply[1])) as StoredActivity;
    const duplicate = reply[0] === 0;
    if (intent) {
      // A duplicate's own turn is the first POST's entry; this retry's intent goes.
      if (duplicate) await pending.done(intent.id, intent.lease.owner);
      else await pending.settle(intent.id, stored.id);
    }
    // What the customer posted is acknowledged only once replicas hold it and its pending turn
    // (two slots, maybe two shards); the bot's replies are not waited for: a lost one is recomputed
    // when the turn reruns.
    if (!duplicate && customer)
      await replicatedAll(writer, this.options.durability, [
        this.keys.log(conversationId),
        ...(intent ? [this.keys.pending] : []),
      ]);
    return { activity: stored, duplicate };
  }

  async pendingActivity(ledgerId: string): Promise<StoredActivity | undefined> {
    const intent = parseIntentId(ledgerId);
    if (!intent) return this.activity(ledgerId);
    const json = await commandsOf(this.redis).relaisResolveIntent(
      this.keys.log(intent.conversationId),
      this.keys.intents(intent.conversationId),
      intent.nonce,
      String(this.options.ttlSeconds ?? 0),
    );
    if (typeof json !== 'string') return undefined;
    const stored = JSON.parse(json) as StoredActivity;
    // The caller holds the intent's lease: it now holds the activity's, and runs it under that id.
    await this.pending.settle(ledgerId, stored.id);
    return stored;
  }

  async activity(activityId: string): Promise<StoredActivity | undefined> {
    const parsed = parseActivityId(activityId);
    if (!parsed) return undefined;
    const json = await this.redis.lindex(this.keys.log(parsed.conversationId), parsed.position);
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
        .lrange(this.keys.log(conversationId), watermark, -1)
        .llen(this.keys.log(conversationId))
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
    const log = this.keys.log(conversationId);
    // One MULTI: the count is the log that was deleted, and the three keys go together.
    const replies =
      (await this.redis
        .multi()
        .llen(log)
        .del(
          this.keys.conversation(conversationId),
          log,
          this.keys.clientIds(conversationId),
          this.keys.intents(conversationId),
        )
        .exec()) ?? [];
    const [lengthError, length] = replies[0] ?? [new Error('no reply'), null];
    const [deleteError] = replies[1] ?? [new Error('no reply')];
    if (lengthError || deleteError) throw lengthError ?? deleteError;
    return Number(length);
  }
}

const commandsOf = (client: RedisClient) => client as unknown as ConversationCommands;
