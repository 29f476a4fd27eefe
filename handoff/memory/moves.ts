import type { ClaimResult, TransitionResult } from '../results';
import { FIELD, type ConversationFields } from '../conversation-fields';
import { HELD_STATES, WAITING_STATES, type TransitionName } from '../handoff-state';
import { headScore } from '../priority';
import type { AgentEntry, MemoryCore } from './core';

/**
 * The steps several roles share (take, requeue to the head, leave the agent, move to the pool…):
 * each one writes its target state through MemoryCore.move, from TRANSITIONS.
 */
export class MemoryMoves {
  constructor(private readonly core: MemoryCore) {}

  /** Takes a waiting conversation out of its queue (pool or reservation). */
  unqueue(id: string, c: ConversationFields): void {
    this.core.waitingIndex(c).remove(id);
    this.core.poolDue.remove(id);
    delete c[FIELD.reservedFor];
  }

  take(id: string, c: ConversationFields, agentId: string, agent: AgentEntry, now: number): ClaimResult {
    this.unqueue(id, c);
    this.core.move(c, 'claim');
    c[FIELD.agent] = agentId;
    c[FIELD.claimedAt] = String(now);
    delete c[FIELD.repliedAt];
    c[FIELD.updatedAt] = String(now);
    agent.conversations.add(id);
    this.core.claims.add(id, this.core.policy.claimDeadline(now));
    this.core.activity.add(id, now);
    return this.core.done(id, c);
  }

  /** with-agent → the head band of its queue, for `name` (release, requeueExpired). */
  requeueHead(id: string, c: ConversationFields, name: 'release' | 'requeueExpired'): void {
    const now = this.core.policy.now();
    this.core.agents.get(c[FIELD.agent] ?? '')?.conversations.delete(id);
    this.core.claims.remove(id);
    this.stopAnswerTimer(id, c);
    this.core.activity.remove(id);
    const queue = c[FIELD.queue] ?? '';
    this.core.indexOf(this.core.queues, queue).add(id, headScore(Number(c[FIELD.escalatedAt] ?? now)));
    this.core.move(c, name);
    delete c[FIELD.agent];
    delete c[FIELD.claimedAt];
    delete c[FIELD.repliedAt];
    c[FIELD.updatedAt] = String(now);
  }

  stopAnswerTimer(id: string, c: ConversationFields): void {
    this.core.unanswered.remove(id);
    delete c[FIELD.awaitingSince];
  }

  leaveAgent(id: string, c: ConversationFields, now: number, name: 'handBack' | 'resolve'): void {
    this.core.agents.get(c[FIELD.agent] ?? '')?.conversations.delete(id);
    this.core.claims.remove(id);
    this.stopAnswerTimer(id, c);
    this.core.handling.unshift(now - Number(c[FIELD.claimedAt] ?? now));
    this.core.handling.length = Math.min(this.core.handling.length, this.core.policy.config.handlingSamples);
    this.core.activity.add(id, now);
    this.core.move(c, name);
    c[FIELD.updatedAt] = String(now);
  }

  resolveAnswered(
    id: string,
    c: ConversationFields,
    now: number,
    name: 'resolveTicket' | 'resolveQuietTicket',
  ): void {
    this.core.answeredIndex.remove(id);
    this.core.move(c, name);
    c[FIELD.updatedAt] = String(now);
    this.core.activity.add(id, now);
  }

  moveToPool(id: string): void {
    const c = this.core.conversations.get(id);
    this.core.poolDue.remove(id);
    if (!c || !WAITING_STATES.includes(this.core.stateOf(c))) return;
    const manager = c[FIELD.reservedFor];
    if (manager) this.core.reserved.get(manager)?.remove(id);
    delete c[FIELD.reservedFor];
    this.core.indexOf(this.core.queues, c[FIELD.queue] ?? '').add(id, Number(c[FIELD.score] ?? 0));
  }

  promoteDue(now: number, into: string[]): void {
    for (const due of this.core.poolDue.upTo(now, this.core.policy.config.sweepLimit)) {
      this.moveToPool(due.id);
      into.push(due.id);
    }
  }

  dropAgent(agentId: string): { requeued: string[]; toPool: string[] } {
    const agent = this.core.agents.get(agentId);
    const requeued: string[] = [];
    const toPool: string[] = [];
    this.core.onlineAgents.remove(agentId);
    if (!agent) return { requeued, toPool };
    for (const id of [...agent.conversations].sort()) {
      const c = this.core.conversations.get(id);
      if (c) this.requeueHead(id, c, 'requeueExpired');
      requeued.push(id);
    }
    agent.conversations.clear();
    for (const e of this.core.reserved.get(agentId)?.head(Number.MAX_SAFE_INTEGER) ?? []) {
      this.moveToPool(e.id);
      toPool.push(e.id);
    }
    return { requeued, toPool };
  }

  /**
   * An owner's move: `name` is checked against the table; null for a move that keeps the state
   * (the agent's reply), allowed wherever an agent holds the conversation.
   */
  withOwner(
    conversationId: string,
    agentId: string,
    name: TransitionName | null,
    apply: (id: string, c: ConversationFields, now: number) => void,
  ): TransitionResult {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (name ? !this.core.allows(c, name) : !HELD_STATES.includes(this.core.stateOf(c)))
      return this.core.wrongState(c);
    const owner = c[FIELD.agent] ?? '';
    if (owner !== aid) return { ok: false, reason: 'not-owner', agentId: owner };
    const now = this.core.policy.now();
    apply(id, c, now);
    c[FIELD.updatedAt] = String(now);
    return this.core.done(id, c);
  }
}
