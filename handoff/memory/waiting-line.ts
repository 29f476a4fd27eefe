import type { Escalation } from '../conversation';
import { FIELD, encodeCard, type ConversationFields } from '../conversation-fields';
import { HELD_STATES, INITIAL_STATE, SILENCE_STATES, WAITING_STATES } from '../handoff-state';
import { averageHandlingMs, estimateWaitMs } from '../estimated-wait';
import type { EnqueueResult, PositionResult, TransitionResult, WaitEstimateResult } from '../results';
import type { QueuedEntry, WaitingLine } from '../roles/waiting-line';
import type { MemoryCore } from './core';
import type { MemoryMoves } from './moves';
/** The memory store's waiting line: escalations, positions, estimates, cancels, the supervisors' peek. */
export class MemoryWaitingLine implements WaitingLine {
  constructor(
    private readonly core: MemoryCore,
    private readonly moves: MemoryMoves,
  ) {}

  async touch(conversationId: string): Promise<void> {
    const id = this.core.policy.id(conversationId);
    const now = this.core.policy.now();
    let c = this.core.conversations.get(id);
    if (!c) {
      c = { [FIELD.state]: INITIAL_STATE };
      this.core.conversations.set(id, c);
    }
    c[FIELD.lastActivityAt] = String(now);
    c[FIELD.updatedAt] = String(now);
    if (SILENCE_STATES.includes(this.core.stateOf(c))) this.core.activity.add(id, now);
    // The customer now waits for the agent's answer, since their oldest message not answered yet.
    if (HELD_STATES.includes(this.core.stateOf(c)) && c[FIELD.awaitingSince] === undefined) {
      c[FIELD.awaitingSince] = String(now);
      this.core.unanswered.add(id, now);
    }
  }

  async enqueue(input: Escalation): Promise<EnqueueResult> {
    const p = this.core.policy.prepareEscalation(input);
    const e = p.escalation;
    const id = e.conversationId;
    const existing = this.core.conversations.get(id);
    const state = existing ? this.core.stateOf(existing) : INITIAL_STATE;
    if (WAITING_STATES.includes(state)) return { ok: false, reason: 'already-queued' };
    const cutoff = this.core.policy.heartbeatCutoff(p.now);
    const ticket = !p.open || this.core.onlineAgentsFor(e.language, cutoff).length === 0;
    // Each outcome checks its own row of the table, before anything is written.
    if (!this.core.allows(existing, ticket ? 'openTicket' : 'enqueue'))
      return { ok: false, reason: 'wrong-state', state };

    const c: ConversationFields = {
      [FIELD.card]: encodeCard(e),
      [FIELD.language]: e.language,
      [FIELD.skill]: e.skill,
      [FIELD.escalatedAt]: String(p.now),
      [FIELD.queue]: p.queue,
      [FIELD.score]: String(p.score),
      [FIELD.updatedAt]: String(p.now),
    };
    const lastActivity = existing?.[FIELD.lastActivityAt];
    if (lastActivity) c[FIELD.lastActivityAt] = lastActivity;
    this.core.conversations.set(id, c);
    this.core.activity.remove(id);

    if (ticket) {
      this.core.move(c, 'openTicket');
      c[FIELD.ticketAt] = String(p.now);
      c[FIELD.promisedAt] = String(p.promisedReplyAt);
      this.core.openTickets.add(id, p.now);
      return {
        ok: true,
        outcome: 'ticket',
        why: p.open ? 'no-agent-online' : 'outside-hours',
        promisedReplyAt: p.promisedReplyAt,
      };
    }
    this.core.move(c, 'enqueue');
    const manager = e.accountManagerId;
    if (manager && this.core.isAvailable(manager, cutoff)) {
      c[FIELD.reservedFor] = manager;
      this.core.indexOf(this.core.reserved, manager).add(id, p.score);
      this.core.poolDue.add(id, p.poolAt);
      return { ok: true, outcome: 'queued', position: this.core.rankIn(id, c), reservedFor: manager };
    }
    this.core.indexOf(this.core.queues, p.queue).add(id, p.score);
    return { ok: true, outcome: 'queued', position: this.core.rankIn(id, c) };
  }

  async position(conversationId: string): Promise<PositionResult> {
    const id = this.core.policy.id(conversationId);
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    const state = this.core.stateOf(c);
    if (!WAITING_STATES.includes(state)) return { ok: false, reason: 'wrong-state', state };
    return { ok: true, position: this.core.rankIn(id, c), queueLength: this.core.waitingIndex(c).size };
  }

  async estimatedWait(conversationId: string): Promise<WaitEstimateResult> {
    const pos = await this.position(conversationId);
    if (!pos.ok) return pos;
    const c = this.core.conversations.get(conversationId);
    const language = c?.[FIELD.language] ?? '';
    const cutoff = this.core.policy.heartbeatCutoff(this.core.policy.now());
    const onlineSlots = this.core.onlineAgentsFor(language, cutoff).reduce((sum, a) => sum + a.capacity, 0);
    const recent = [...this.core.handling];
    return {
      ok: true,
      position: pos.position,
      waitMs: estimateWaitMs({
        position: pos.position,
        onlineSlots,
        recentHandlingMs: recent,
        defaultHandlingMs: this.core.policy.config.defaultHandlingMs,
      }),
      basis: {
        onlineSlots,
        averageHandlingMs: averageHandlingMs(recent, this.core.policy.config.defaultHandlingMs),
        samples: recent.length,
      },
    };
  }

  async cancel(conversationId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.core.allows(c, 'cancel')) return this.core.wrongState(c);
    const now = this.core.policy.now();
    this.moves.unqueue(id, c);
    this.core.openTickets.remove(id);
    this.core.answeredIndex.remove(id);
    this.core.move(c, 'cancel');
    c[FIELD.updatedAt] = String(now);
    this.core.activity.add(id, now);
    return this.core.done(id, c);
  }

  async peek(limit = 50): Promise<readonly QueuedEntry[]> {
    const all: QueuedEntry[] = [];
    for (const index of [...this.core.queues.values(), ...this.core.reserved.values()]) {
      for (const e of index.head(limit)) {
        const c = this.core.conversations.get(e.id);
        const reservedFor = c?.[FIELD.reservedFor];
        all.push({
          conversationId: e.id,
          queue: c?.[FIELD.queue] ?? '',
          score: e.score,
          ...(reservedFor ? { reservedFor } : {}),
        });
      }
    }
    all.sort((a, b) => a.score - b.score || (a.conversationId < b.conversationId ? -1 : 1));
    return all.slice(0, limit);
  }
}
