import {
  CUSTOMER_PRESENT_MS,
  HandoffError,
  TicketDesk,
  type ChatDelivery,
  type ConversationRecord,
  type HandoffQueue,
  type Mailer,
} from '../../handoff/index';
import type { TicketAnswerDelivery } from '../closing/close-info';
import type { AgentAccount } from './accounts';
import type { Result } from './agent-service';
import { readReference, type CustomerRelay } from './customer-relay';
import type { AgentEventBus } from './events';
import type { RelayLog } from './relay-log';

const TICKET_LIST_LIMIT = 200;

/** An open ticket as the console lists it. */
export interface TicketSummary {
  readonly id: string;
  readonly language?: string;
  readonly reason?: string;
  readonly openedAt?: number;
  readonly promisedReplyAt?: number;
  readonly contact: { readonly name?: string; readonly email?: string };
  readonly firstLines: readonly string[];
}

export interface TicketAnswer {
  readonly id: string;
  readonly state: string;
  readonly deliveredInChat: boolean;
  /** sent: the SMTP message id; not sent: why (no address, no SMTP, the server refused). */
  readonly email:
    | { readonly sent: true; readonly messageId: string }
    /** `reason` for the console's own words (either language); `why` the server's detail. */
    | { readonly sent: false; readonly reason: 'no-address' | 'failed'; readonly why: string };
}

/** Used when SMTP_HOST is unset: the answer is stored and shown in the chat, the e-mail is reported unsent. */
export const noMailer: Mailer = {
  send: async () => {
    throw new HandoffError('MAIL_FAILED', 'no SMTP server is configured (SMTP_HOST)');
  },
  close: async () => undefined,
};

export interface AgentTicketsDeps {
  readonly queue: HandoffQueue;
  readonly store: RelayLog;
  readonly bus: AgentEventBus;
  readonly relay: CustomerRelay;
  readonly mailer: Mailer;
  readonly clock: () => Date;
  /**
   * The closing service's side of a ticket answer (bot/closing/): the answer in the chat as the
   * agent's message, the case left open for the customer's reply. Absent, the relay says it.
   */
  readonly closing?: TicketClosing;
  /** The link the answer's e-mail carries to reopen the conversation (bot/contact/reopen-link.ts). */
  readonly reopenLink?: (conversation: ConversationRecord) => string | undefined;
}

/** What a ticket answer asks of the closing service. */
export interface TicketClosing {
  ticketAnswered(answer: TicketAnswerDelivery): Promise<boolean>;
}

/** Offline tickets in the console: listed oldest first, read with their transcript, answered once. */
export class AgentTickets {
  constructor(private readonly deps: AgentTicketsDeps) {}

  /** Open tickets in the agent's languages, in the order they were opened. */
  async list(agent: AgentAccount): Promise<Result<{ tickets: TicketSummary[] }>> {
    const open = await this.deps.queue.tickets(TICKET_LIST_LIMIT);
    return {
      ok: true,
      value: { tickets: open.filter((t) => speaks(agent, t)).map(summary) },
    };
  }

  async answer(agent: AgentAccount, conversationId: string, text: string): Promise<Result<TicketAnswer>> {
    const record = await this.deps.queue.get(conversationId);
    if (!record) return fail(404, 'NotFound', `no conversation ${conversationId}`);
    if (record.state !== 'ticket')
      return fail(409, 'NotATicket', 'this conversation is not an open ticket (already answered?)');
    if (!speaks(agent, record)) return fail(403, 'Forbidden', 'this ticket is not in your languages');
    // One desk per answer: its chat relay remembers whether this answer reached the chat.
    let deliveredInChat = false;
    const chat: ChatDelivery = {
      deliver: async (id, answer) => (deliveredInChat = await this.deliverInChat(id, agent, answer)),
    };
    const desk = new TicketDesk({
      queue: this.deps.queue,
      mailer: this.deps.mailer,
      chat,
      ...(this.deps.reopenLink ? { reopenLink: this.deps.reopenLink } : {}),
    });
    let outcome: Awaited<ReturnType<TicketDesk['answer']>>;
    let mailError: string | undefined;
    try {
      outcome = await desk.answer(conversationId, agent.id, text);
    } catch (error) {
      // The desk stored the answer (the ticket is answered) before the e-mail failed: report, don't fail.
      if (!(error instanceof HandoffError) || error.code !== 'MAIL_FAILED') throw error;
      mailError = error.message;
      const after = await this.deps.queue.get(conversationId);
      outcome = after
        ? { ok: true, conversation: after, messageId: null, deliveredInChat }
        : { ok: false, reason: 'not-found' };
    }
    if (!outcome.ok)
      return outcome.reason === 'not-found'
        ? fail(404, 'NotFound', `no conversation ${conversationId}`)
        : fail(409, 'NotATicket', 'this ticket was answered meanwhile');
    await this.deps.store.append(conversationId, {
      from: 'agent',
      text,
      at: this.deps.clock().getTime(),
      agentId: agent.id,
    });
    await this.deps.bus.publish({ type: 'queue-changed', conversationId });
    const email: TicketAnswer['email'] =
      outcome.messageId !== null
        ? { sent: true, messageId: outcome.messageId }
        : mailError !== undefined
          ? { sent: false, reason: 'failed', why: mailError }
          : { sent: false, reason: 'no-address', why: 'the customer left no e-mail address' };
    return {
      ok: true,
      value: {
        id: conversationId,
        state: outcome.conversation.state,
        deliveredInChat: outcome.deliveredInChat,
        email,
      },
    };
  }

  /** In the chat too, when the customer wrote recently enough to still have it open. */
  private async deliverInChat(conversationId: string, agent: AgentAccount, text: string): Promise<boolean> {
    const record = await this.deps.queue.get(conversationId);
    const reference = readReference(record?.context.reference);
    // The customer's last message, or the ticket's opening (they were there to be told about it).
    const lastSeen = Math.max(record?.lastCustomerActivityAt ?? 0, record?.ticket?.openedAt ?? 0);
    const connected = this.deps.clock().getTime() - lastSeen <= CUSTOMER_PRESENT_MS;
    if (!record || !reference || !connected) return false;
    if (this.deps.closing) return this.deps.closing.ticketAnswered({ conversationId, agent, text });
    // The ticket is answered whatever the chat does: a refused send means "not delivered in the chat".
    // The answer is appended to the relay log once the desk is done (answer below).
    return this.deps.relay.say(reference, text, record.language, undefined, { agent, logged: true }).then(
      () => true,
      () => false,
    );
  }
}

function speaks(agent: AgentAccount, record: ConversationRecord): boolean {
  return record.language === undefined || agent.languages.includes(record.language);
}

function summary(record: ConversationRecord): TicketSummary {
  return {
    id: record.id,
    ...(record.language ? { language: record.language } : {}),
    ...(record.reason ? { reason: record.reason } : {}),
    ...(record.ticket
      ? { openedAt: record.ticket.openedAt, promisedReplyAt: record.ticket.promisedReplyAt }
      : {}),
    contact: {
      ...(record.contact.name ? { name: record.contact.name } : {}),
      ...(record.contact.email ? { email: record.contact.email } : {}),
    },
    firstLines: record.transcript
      .filter((l) => l.from === 'customer')
      .slice(0, 3)
      .map((l) => l.text.slice(0, 200)),
  };
}

function fail(status: 403 | 404 | 409, code: string, message: string): Result<never> {
  return { ok: false, status, code, message };
}
