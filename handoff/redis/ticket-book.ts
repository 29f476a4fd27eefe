import type { ConversationRecord } from '../conversation';
import { decodeConversation } from '../conversation-fields';
import type { TransitionResult } from '../results';
import type { TicketBook } from '../roles/ticket-book';
import { asFields, asString } from './replies';
import type { RedisCore } from './core';

/** The Redis store's tickets: answers, the customer's reply, confirmation, offers, lists. */
export class RedisTicketBook implements TicketBook {
  constructor(private readonly core: RedisCore) {}

  async answerTicket(conversationId: string, agentId: string, answer: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    return this.core.transition(
      'answerTicket',
      id,
      [this.core.keys.conversation(id), this.core.keys.tickets, this.core.keys.answered],
      [id, aid, this.core.policy.now(), answer],
    );
  }

  async customerReplied(conversationId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const now = this.core.policy.now();
    return this.core.transition(
      'customerReplied',
      id,
      [this.core.keys.conversation(id), this.core.keys.tickets, this.core.keys.answered],
      [id, now, this.core.policy.heartbeatCutoff(now), now + this.core.policy.config.accountManagerWaitMs],
    );
  }

  async resolveTicket(conversationId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    return this.core.transition(
      'resolveTicket',
      id,
      [this.core.keys.conversation(id), this.core.keys.answered, this.core.keys.activity],
      [id, this.core.policy.now()],
    );
  }

  async offerTickets(agentId: string): Promise<readonly string[]> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const now = this.core.policy.now();
    // Out of hours a ticket stays a ticket, as at escalation.
    if (!this.core.policy.hours.isOpen(now)) return [];
    const reply = await this.core.run(
      'offerTickets',
      [this.core.keys.agent(aid), this.core.keys.tickets],
      [
        aid,
        now,
        this.core.policy.heartbeatCutoff(now),
        this.core.policy.presentCutoff(now),
        this.core.policy.config.sweepLimit,
      ],
    );
    return reply.map(asString);
  }

  async tickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.listed(this.core.keys.tickets, limit);
  }

  async answeredTickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.listed(this.core.keys.answered, limit);
  }

  /** The records of a sorted set of conversations (tickets, answered tickets), in its order. */
  private async listed(index: string, limit: number): Promise<readonly ConversationRecord[]> {
    const reply = await this.core.run('listTickets', [index], [limit]);
    const out: ConversationRecord[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2)
      out.push(decodeConversation(asString(reply[i]), asFields(reply[i + 1])));
    return out;
  }
}
