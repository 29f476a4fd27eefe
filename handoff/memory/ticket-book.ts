import type { ConversationRecord } from '../conversation';
import { FIELD, decodeConversation } from '../conversation-fields';
import type { TransitionResult } from '../results';
import type { TicketBook } from '../roles/ticket-book';
import type { MemoryCore } from './core';
import type { MemoryMoves } from './moves';
/** The memory store's tickets: answers, the customer's reply, confirmation, offers, lists. */
export class MemoryTicketBook implements TicketBook {
  constructor(
    private readonly core: MemoryCore,
    private readonly moves: MemoryMoves,
  ) {}

  async answerTicket(conversationId: string, agentId: string, answer: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.core.allows(c, 'answerTicket')) return this.core.wrongState(c);
    const now = this.core.policy.now();
    this.core.openTickets.remove(id);
    this.core.move(c, 'answerTicket');
    Object.assign(c, {
      [FIELD.agent]: aid,
      [FIELD.answer]: answer,
      [FIELD.answeredBy]: aid,
      [FIELD.answeredAt]: String(now),
      [FIELD.updatedAt]: String(now),
    });
    // No silence timer: the answer may reach the customer by e-mail, days later (the quiet sweep).
    this.core.answeredIndex.add(id, now);
    return this.core.done(id, c);
  }

  async customerReplied(conversationId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    const now = this.core.policy.now();
    const agentId = c[FIELD.answeredBy] ?? '';
    const agent = this.core.agents.get(agentId);
    const room =
      agent !== undefined &&
      this.core.isAvailable(agentId, this.core.policy.heartbeatCutoff(now)) &&
      agent.conversations.size < agent.capacity;
    // Each of the two moves checks its own row of the table.
    if (!this.core.allows(c, room ? 'replyToAnswer' : 'reopenTicket')) return this.core.wrongState(c);
    this.core.answeredIndex.remove(id);
    delete c[FIELD.agent];
    c[FIELD.updatedAt] = String(now);
    if (room) {
      this.core.move(c, 'replyToAnswer');
      c[FIELD.reservedFor] = agentId;
      this.core.indexOf(this.core.reserved, agentId).add(id, Number(c[FIELD.score] ?? 0));
      this.core.poolDue.add(id, now + this.core.policy.config.accountManagerWaitMs);
      return this.core.done(id, c);
    }
    this.core.move(c, 'reopenTicket');
    this.core.openTickets.add(id, Number(c[FIELD.ticketAt] ?? now));
    return this.core.done(id, c);
  }

  async resolveTicket(conversationId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.core.allows(c, 'resolveTicket')) return this.core.wrongState(c);
    this.moves.resolveAnswered(id, c, this.core.policy.now(), 'resolveTicket');
    return this.core.done(id, c);
  }

  async offerTickets(agentId: string): Promise<readonly string[]> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const now = this.core.policy.now();
    const agent = this.core.agents.get(aid);
    if (
      !this.core.policy.hours.isOpen(now) ||
      !agent ||
      !this.core.isAvailable(aid, this.core.policy.heartbeatCutoff(now))
    )
      return [];
    const present = this.core.policy.presentCutoff(now);
    const offered: string[] = [];
    for (const e of this.core.openTickets.head(this.core.policy.config.sweepLimit)) {
      const c = this.core.conversations.get(e.id);
      if (!c || !this.core.allows(c, 'offerTicket')) continue;
      if (!agent.languages.includes(c[FIELD.language] ?? '')) continue;
      const lastSeen = Math.max(Number(c[FIELD.lastActivityAt] ?? 0), Number(c[FIELD.ticketAt] ?? 0));
      if (lastSeen < present) continue;
      this.core.openTickets.remove(e.id);
      this.core.indexOf(this.core.queues, c[FIELD.queue] ?? '').add(e.id, Number(c[FIELD.score] ?? 0));
      this.core.move(c, 'offerTicket');
      c[FIELD.updatedAt] = String(now);
      offered.push(e.id);
    }
    return offered;
  }

  async tickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.core.openTickets.head(limit).flatMap((e) => {
      const c = this.core.conversations.get(e.id);
      return c ? [decodeConversation(e.id, c)] : [];
    });
  }

  async answeredTickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.core.answeredIndex.head(limit).flatMap((e) => {
      const c = this.core.conversations.get(e.id);
      return c ? [decodeConversation(e.id, c)] : [];
    });
  }
}
