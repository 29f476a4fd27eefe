/**
 * Customer activities that were stored but whose turn has not completed yet. The activity is
 * recorded here in the same atomic step that appends it to the log (DirectLineStore.append with a
 * lease), so a crash between "stored" and "answered" leaves a trace another instance, or this one
 * after a restart, picks up. A lease says who is running the turn and until when: a live instance
 * renews it while the turn runs, a dead one lets it lapse.
 */
export interface TurnLease {
  /** This server instance (a random id per process). */
  readonly owner: string;
  readonly ms: number;
}

/** One pending activity now leased to the caller; `attempt` counts every claim, the first included. */
export interface ClaimedTurn {
  readonly activityId: string;
  readonly attempt: number;
}

export type ClaimOutcome =
  | ({ readonly outcome: 'claimed' } & ClaimedTurn)
  /** Another run holds a live lease (or is waiting for its retry time). */
  | { readonly outcome: 'held' }
  /** Not pending: processed already, or never recorded. */
  | { readonly outcome: 'none' };

export interface PendingTurns {
  /** Leases one pending activity if nobody holds it (a retried POST of an unanswered message). */
  claim(activityId: string, lease: TurnLease): Promise<ClaimOutcome>;
  /** Leases up to `limit` pending activities whose lease or retry time has passed, oldest first. */
  claimDue(lease: TurnLease, limit: number): Promise<ClaimedTurn[]>;
  /** Extends the lease while the turn runs; false when the lease was lost to another instance. */
  renew(activityId: string, lease: TurnLease): Promise<boolean>;
  /** The turn completed: the activity is no longer pending (only the lease holder may say so). */
  done(activityId: string, owner: string): Promise<void>;
  /** The turn failed: any instance may run it again once `afterMs` has passed. */
  retryLater(activityId: string, owner: string, afterMs: number): Promise<void>;
}

interface Entry {
  deadline: number;
  attempt: number;
  owner: string;
}

/** The same ledger in this process, for the in-memory stores (a crash loses it with everything else). */
export class InMemoryPendingTurns implements PendingTurns {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Called by the in-memory Direct Line store inside its append. */
  record(activityId: string, lease: TurnLease): void {
    this.entries.set(activityId, { deadline: this.now() + lease.ms, attempt: 1, owner: lease.owner });
  }

  async claim(activityId: string, lease: TurnLease): Promise<ClaimOutcome> {
    const entry = this.entries.get(activityId);
    if (!entry) return { outcome: 'none' };
    if (entry.deadline > this.now()) return { outcome: 'held' };
    return { outcome: 'claimed', ...this.lease(activityId, entry, lease) };
  }

  async claimDue(lease: TurnLease, limit: number): Promise<ClaimedTurn[]> {
    const now = this.now();
    return [...this.entries]
      .filter(([, entry]) => entry.deadline <= now)
      .sort(([a, x], [b, y]) => x.deadline - y.deadline || a.localeCompare(b))
      .slice(0, limit)
      .map(([id, entry]) => this.lease(id, entry, lease));
  }

  async renew(activityId: string, lease: TurnLease): Promise<boolean> {
    const entry = this.entries.get(activityId);
    if (entry?.owner !== lease.owner) return false;
    entry.deadline = this.now() + lease.ms;
    return true;
  }

  async done(activityId: string, owner: string): Promise<void> {
    if (this.entries.get(activityId)?.owner === owner) this.entries.delete(activityId);
  }

  async retryLater(activityId: string, owner: string, afterMs: number): Promise<void> {
    const entry = this.entries.get(activityId);
    if (entry?.owner !== owner) return;
    entry.deadline = this.now() + afterMs;
    entry.owner = '';
  }

  /** Drops what an erased conversation left pending. */
  forgetConversation(conversationId: string): void {
    for (const id of this.entries.keys())
      if (parseActivityId(id)?.conversationId === conversationId) this.entries.delete(id);
  }

  private lease(activityId: string, entry: Entry, lease: TurnLease): ClaimedTurn {
    entry.deadline = this.now() + lease.ms;
    entry.attempt += 1;
    entry.owner = lease.owner;
    return { activityId, attempt: entry.attempt };
  }
}

/** "conversationId|0000007" → its conversation and position (ids may hold "|"; the position never does). */
export function parseActivityId(
  activityId: string,
): { readonly conversationId: string; readonly position: number } | undefined {
  const found = /^(.+)\|(\d{7,})$/s.exec(activityId);
  return found?.[1] && found[2] ? { conversationId: found[1], position: Number(found[2]) } : undefined;
}
