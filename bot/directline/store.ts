import type { Activity } from 'botbuilder';
import type { Customer } from '../ports/customer';
import { InMemoryPendingTurns, parseActivityId, type PendingTurns, type TurnLease } from './pending-turns';

export interface DirectLineConversation {
  readonly id: string;
  readonly userId: string;
  readonly userName?: string;
  readonly customer?: Customer;
  readonly locale?: string;
  readonly createdAt: string;
}

export type StoredActivity = Partial<Activity> & { readonly id: string };

/**
 * Conversations and their activity logs for the local Direct Line. The watermark is the number of
 * activities a client has seen. One interface so a Redis implementation can share them between
 * instances; `append` is atomic with its duplicate check.
 */
export interface DirectLineStore {
  /** Customer activities stored but not yet answered (see pending-turns.ts). */
  readonly pending: PendingTurns;
  createConversation(conversation: DirectLineConversation): Promise<void>;
  getConversation(id: string): Promise<DirectLineConversation | undefined>;
  /**
   * Appends an activity, giving it the id "conversationId|0000007". With a `clientActivityId`
   * already in the log, nothing is appended and the earlier activity is returned as a duplicate.
   * With a `lease`, the new activity is also recorded as pending, leased to its owner, before the
   * call returns: a crash before its turn completes leaves it to be processed later (in memory in
   * the same step; in Redis an intent is written first, see redis-store.ts).
   */
  append(
    conversationId: string,
    activity: Partial<Activity>,
    clientActivityId?: string,
    lease?: TurnLease,
  ): Promise<{ activity: StoredActivity; duplicate: boolean }>;
  /** One stored activity by its id ("conversationId|0000007"). */
  activity(activityId: string): Promise<StoredActivity | undefined>;
  /**
   * The activity a claimed ledger entry stands for, or undefined when there is none to answer.
   * An entry written before its activity (an intent) is resolved, and moved to the activity's id
   * with the caller's lease: the caller then runs the turn under `activity.id`.
   */
  pendingActivity(ledgerId: string): Promise<StoredActivity | undefined>;
  activitiesSince(
    conversationId: string,
    watermark: number,
  ): Promise<{ activities: StoredActivity[]; watermark: number }>;
  /** Deletes a conversation and its activity log (a customer's erasure); how many activities it held. */
  deleteConversation(conversationId: string): Promise<number>;
}

export class InMemoryDirectLineStore implements DirectLineStore {
  readonly pending = new InMemoryPendingTurns();
  private readonly conversations = new Map<
    string,
    { record: DirectLineConversation; log: StoredActivity[]; byClientId: Map<string, StoredActivity> }
  >();

  async createConversation(conversation: DirectLineConversation): Promise<void> {
    if (this.conversations.has(conversation.id)) throw new Error(`conversation ${conversation.id} exists`);
    this.conversations.set(conversation.id, { record: conversation, log: [], byClientId: new Map() });
  }

  async getConversation(id: string): Promise<DirectLineConversation | undefined> {
    return this.conversations.get(id)?.record;
  }

  async append(
    conversationId: string,
    activity: Partial<Activity>,
    clientActivityId?: string,
    lease?: TurnLease,
  ): Promise<{ activity: StoredActivity; duplicate: boolean }> {
    const entry = this.conversations.get(conversationId);
    if (!entry) throw new Error(`unknown conversation ${conversationId}`);
    const earlier = clientActivityId === undefined ? undefined : entry.byClientId.get(clientActivityId);
    if (earlier) return { activity: earlier, duplicate: true };
    const stored: StoredActivity = {
      ...activity,
      id: `${conversationId}|${String(entry.log.length).padStart(7, '0')}`,
    };
    entry.log.push(stored);
    if (clientActivityId !== undefined) entry.byClientId.set(clientActivityId, stored);
    if (lease) this.pending.record(stored.id, lease);
    return { activity: stored, duplicate: false };
  }

  async activity(activityId: string): Promise<StoredActivity | undefined> {
    const parsed = parseActivityId(activityId);
    return parsed && this.conversations.get(parsed.conversationId)?.log[parsed.position];
  }

  pendingActivity(ledgerId: string): Promise<StoredActivity | undefined> {
    return this.activity(ledgerId);
  }

  async activitiesSince(
    conversationId: string,
    watermark: number,
  ): Promise<{ activities: StoredActivity[]; watermark: number }> {
    const log = this.conversations.get(conversationId)?.log ?? [];
    return { activities: log.slice(watermark), watermark: log.length };
  }

  async deleteConversation(conversationId: string): Promise<number> {
    const count = this.conversations.get(conversationId)?.log.length ?? 0;
    this.conversations.delete(conversationId);
    this.pending.forgetConversation(conversationId);
    return count;
  }
}
