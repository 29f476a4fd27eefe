import { FIELD } from '../conversation-fields';
import { HELD_STATES } from '../handoff-state';
import type { SweepResult, UnansweredRequeue } from '../results';
import type { Sweeps } from '../roles/sweeps';
import type { MemoryCore } from './core';
import type { MemoryMoves } from './moves';
/** The memory store's timers: claim, answer and heartbeat timeouts, silence, quiet answered tickets. */
export class MemorySweeps implements Sweeps {
  constructor(
    private readonly core: MemoryCore,
    private readonly moves: MemoryMoves,
  ) {}

  async requeueExpired(): Promise<SweepResult> {
    const now = this.core.policy.now();
    const limit = this.core.policy.config.sweepLimit;
    const requeued: string[] = [];
    const toPool: string[] = [];
    const agentsOffline: string[] = [];
    for (const stale of this.core.onlineAgents.upTo(this.core.policy.heartbeatCutoff(now) - 1, limit)) {
      agentsOffline.push(stale.id);
      const r = this.moves.dropAgent(stale.id);
      requeued.push(...r.requeued);
      toPool.push(...r.toPool);
    }
    for (const due of this.core.claims.upTo(now, limit)) {
      const c = this.core.conversations.get(due.id);
      if (c && this.core.allows(c, 'requeueExpired')) {
        this.moves.requeueHead(due.id, c, 'requeueExpired');
        requeued.push(due.id);
      } else this.core.claims.remove(due.id);
    }
    const unanswered: UnansweredRequeue[] = [];
    const answerCutoff = this.core.policy.answerCutoff(now);
    // Strictly before the cutoff: "more than" the timeout.
    for (const due of answerCutoff === null ? [] : this.core.unanswered.upTo(answerCutoff - 1, limit)) {
      const c = this.core.conversations.get(due.id);
      if (!c || !this.core.allows(c, 'requeueExpired')) {
        this.core.unanswered.remove(due.id);
        continue;
      }
      unanswered.push({ conversationId: due.id, agentId: c[FIELD.agent] ?? '' });
      this.moves.requeueHead(due.id, c, 'requeueExpired');
      requeued.push(due.id);
    }
    this.moves.promoteDue(now, toPool);
    return { requeued, toPool, agentsOffline, unanswered };
  }

  async closeSilent(): Promise<readonly string[]> {
    const now = this.core.policy.now();
    const closed: string[] = [];
    for (const e of this.core.activity.upTo(
      this.core.policy.silenceCutoff(now),
      this.core.policy.config.sweepLimit,
    )) {
      const c = this.core.conversations.get(e.id);
      this.core.activity.remove(e.id);
      if (!c || !this.core.allows(c, 'closeSilent')) continue;
      if (HELD_STATES.includes(this.core.stateOf(c))) {
        this.core.agents.get(c[FIELD.agent] ?? '')?.conversations.delete(e.id);
        this.core.claims.remove(e.id);
        this.moves.stopAnswerTimer(e.id, c);
      }
      this.core.move(c, 'closeSilent');
      c[FIELD.closedReason] = 'customer-silence';
      c[FIELD.updatedAt] = String(now);
      closed.push(e.id);
    }
    return closed;
  }

  async resolveQuietTickets(): Promise<readonly string[]> {
    const now = this.core.policy.now();
    const resolved: string[] = [];
    const cutoff = this.core.policy.ticketQuietCutoff(now);
    for (const e of this.core.answeredIndex.upTo(cutoff, this.core.policy.config.sweepLimit)) {
      const c = this.core.conversations.get(e.id);
      this.core.answeredIndex.remove(e.id);
      if (!c || !this.core.allows(c, 'resolveQuietTicket')) continue;
      this.moves.resolveAnswered(e.id, c, now, 'resolveQuietTicket');
      resolved.push(e.id);
    }
    return resolved;
  }
}
