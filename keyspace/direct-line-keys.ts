import { deploymentTag } from './slots';

/**
 * Every Redis key of the local Direct Line channel. They stay in the deployment slot: one script
 * appends a customer's activity to its conversation's log and enters the turn in the ledger every
 * instance sweeps, so the bot answers an acknowledged message even if the instance that took it dies.
 */
export interface DirectLineKeys {
  /** String (JSON): the conversation's record (its token's subject, its start). */
  conversation(conversationId: string): string;
  /** List of the conversation's activities (JSON), in order: the activity id is its position. */
  log(conversationId: string): string;
  /** Hash clientActivityId → position: a retried POST is stored once. */
  clientIds(conversationId: string): string;
  /** Sorted set activityId → when its turn is due (the pending-turn ledger). */
  readonly pending: string;
  /** Hash activityId → "owner|attempt": who holds each pending turn's lease. */
  readonly pendingLease: string;
}

export function directLineKeys(prefix: string): DirectLineKeys {
  const base = `${deploymentTag(prefix)}:dl:`;
  return Object.freeze({
    conversation: (id: string) => `${base}conv:${id}`,
    log: (id: string) => `${base}log:${id}`,
    clientIds: (id: string) => `${base}client:${id}`,
    pending: `${base}pending`,
    pendingLease: `${base}pending-lease`,
  });
}
