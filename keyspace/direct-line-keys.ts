import { deploymentTag, spreadTag } from './slots';

/**
 * Every Redis key of the local Direct Line channel. A conversation's record, log and id maps live
 * in its own slot; only the pending-turn ledger every instance sweeps stays in the deployment
 * slot. A customer's message is written in three steps across the two (bot/directline/redis-store.ts):
 * an intent in the ledger first, then the activity, then the intent settled under the activity's id,
 * so an instance that dies between any two leaves a trace the others can resolve.
 */
export interface DirectLineKeys {
  /** String (JSON): the conversation's record (its token's subject, its start). */
  conversation(conversationId: string): string;
  /** List of the conversation's activities (JSON), in order: the activity id is its position. */
  log(conversationId: string): string;
  /** Hash clientActivityId → position: a retried POST is stored once. */
  clientIds(conversationId: string): string;
  /** Hash intent nonce → position of the activity it became, or "void" (it never will). */
  intents(conversationId: string): string;
  /** Sorted set activityId (or intent id) → when its turn is due (the pending-turn ledger). */
  readonly pending: string;
  /** Hash activityId (or intent id) → "attempt|owner": who holds each pending turn's lease. */
  readonly pendingLease: string;
}

export function directLineKeys(prefix: string): DirectLineKeys {
  const base = `${deploymentTag(prefix)}:dl:`;
  const own = (id: string, name: string) => `${spreadTag(prefix, 'c', id)}:dl:${name}`;
  return Object.freeze({
    conversation: (id: string) => own(id, 'conv'),
    log: (id: string) => own(id, 'log'),
    clientIds: (id: string) => own(id, 'client'),
    intents: (id: string) => own(id, 'intents'),
    pending: `${base}pending`,
    pendingLease: `${base}pending-lease`,
  });
}
