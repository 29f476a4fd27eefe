import type { ConversationRecord } from '../conversation';
import type { HandoffQueue } from '../handoff-queue';
import type { TransitionResult } from '../results';
import type { Mailer, MailMessage } from './mailer';
import { ticketTexts } from './ticket-texts';

/** The bot side: delivers a message in the chat if the customer is still connected. */
export interface ChatDelivery {
  /** false when the customer is no longer connected (nothing was sent). */
  deliver(conversationId: string, text: string): Promise<boolean>;
}

export type TicketAnswerResult =
  | {
      readonly ok: true;
      readonly conversation: ConversationRecord;
      /** The SMTP message id, or null when the customer left no e-mail address. */
      readonly messageId: string | null;
      readonly deliveredInChat: boolean;
    }
  | Extract<TransitionResult, { ok: false }>;

export interface TicketDeskDeps {
  readonly queue: HandoffQueue;
  readonly mailer: Mailer;
  readonly chat?: ChatDelivery;
  /** A link that reopens this conversation in the chat (signed, expiring), or undefined for none. */
  readonly reopenLink?: (conversation: ConversationRecord) => string | undefined;
}

/**
 * Offline tickets: listed oldest first; an answer moves the ticket to answered (exactly once,
 * atomically: the case stays open for the customer's reply), then goes out by e-mail and, if the
 * customer is still connected, in the chat too.
 * When the e-mail fails the ticket stays answered with its answer stored, and the error
 * (code MAIL_FAILED) reaches the caller so the agent console can say so and resend.
 */
export class TicketDesk {
  constructor(private readonly deps: TicketDeskDeps) {}

  /** Open tickets in chronological order (the order agents handle them). */
  async pending(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.deps.queue.tickets(limit);
  }

  async answer(conversationId: string, agentId: string, answer: string): Promise<TicketAnswerResult> {
    const answered = await this.deps.queue.answerTicket(conversationId, agentId, answer);
    if (!answered.ok) return answered;
    const conversation = answered.conversation;
    const email = conversation.contact.email;
    const deliveredInChat = this.deps.chat ? await this.deps.chat.deliver(conversation.id, answer) : false;
    const messageId = email
      ? (
          await this.deps.mailer.send(
            composeAnswer(conversation, email, answer, this.deps.reopenLink?.(conversation)),
          )
        ).messageId
      : null;
    return { ok: true, conversation, messageId, deliveredInChat };
  }
}

export function composeAnswer(
  conversation: ConversationRecord,
  to: string,
  answer: string,
  reopenLink?: string,
): MailMessage {
  const t = ticketTexts(conversation.language);
  const question = conversation.transcript
    .filter((line) => line.from === 'customer')
    .map((line) => `> ${line.text}`)
    .join('\n');
  const text = [
    t.greeting(conversation.contact.name),
    '',
    answer,
    '',
    ...(reopenLink ? [t.reopen, reopenLink, ''] : []),
    ...(question ? [t.yourMessage, question, ''] : []),
    t.signature,
  ].join('\n');
  return { to, subject: t.subject, text };
}
