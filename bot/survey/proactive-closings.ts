import { ConversationState, type StatePropertyAccessor, type Storage } from 'botbuilder';
import type { ChatRelay, ConversationRecord, HandoffQueue } from '../../handoff/index';
import type { ConversationPath, SurveyStore } from '../../insights/index';
import { toLocale } from '../../knowledge-base/index';
import { readReference, type CustomerRelay } from '../agent/customer-relay';
import type { BotDeps } from '../conversation/deps';
import { newConversation, type ConversationData } from '../conversation/state';
import { Turn } from '../conversation/turn';
import { sayConversationEnded } from '../directline/conversation-ended';
import type { Log } from '../log';
import { recordClose, startClosingSurvey, type CloseInfo } from './closing-survey';
import { CONVERSATION_PROPERTY } from './survey-closing';
import { trailOf } from './trail';

export interface ProactiveClosingsDeps {
  readonly queue: HandoffQueue;
  readonly relay: Pick<CustomerRelay, 'proactive'>;
  /** The bot's conversation state storage (the same one RelaisBot reads). */
  readonly storage: Storage;
  readonly bot: BotDeps & { readonly surveys: SurveyStore };
  readonly log: Log;
}

/**
 * The closes that happen outside a customer's turn and outside an agent's resolve: a ticket answered
 * later, and a conversation the sweeper closed on customer silence. Each runs a proactive turn in
 * the customer's conversation (so the record has the bot's trail: entries, reason, language); when
 * that is impossible (no stored reference, a channel that refuses) the conversation is recorded from
 * the handoff queue's record alone, so the reports still count it.
 */
export class ProactiveClosings implements ChatRelay {
  private readonly state: ConversationState;
  private readonly conversation: StatePropertyAccessor<ConversationData>;

  constructor(private readonly deps: ProactiveClosingsDeps) {
    this.state = new ConversationState(deps.storage);
    this.conversation = this.state.createProperty<ConversationData>(CONVERSATION_PROPERTY);
  }

  /**
   * TicketDesk's chat side: the agent's answer in the chat, then the survey with path "ticket".
   * false when the customer's channel could not be reached; the conversation is recorded anyway.
   */
  async deliver(conversationId: string, answer: string): Promise<boolean> {
    const record = await this.deps.queue.get(conversationId);
    if (!record) return false;
    const close = this.ticketClose(record);
    const delivered = await this.inConversation(record, async (turn) => {
      turn.data.phase = 'bot';
      turn.data.handoff = undefined;
      turn.data.pending = undefined;
      await turn.say(answer);
      // Direct Line keeps both in the conversation: a customer who comes back reads the answer and the question.
      await startClosingSurvey(turn, close);
    });
    if (!delivered) await this.recordFromQueue(record, close);
    return delivered;
  }

  /** A ticket answered while the customer is away: recorded with path "ticket", nothing said. */
  async recordUndelivered(conversationId: string): Promise<void> {
    const record = await this.deps.queue.get(conversationId);
    if (record) await this.recordFromQueue(record, this.ticketClose(record));
  }

  private ticketClose(record: ConversationRecord): CloseInfo {
    return {
      ...this.known(record),
      path: 'ticket',
      ...(record.ticket?.answeredBy ? { agentId: record.ticket.answeredBy } : {}),
    };
  }

  /** Conversations the sweeper closed on customer silence: recorded, nothing said, no survey. */
  async closedSilent(conversationIds: readonly string[]): Promise<void> {
    for (const id of conversationIds) {
      const record = await this.deps.queue.get(id);
      if (!record) continue;
      const close: CloseInfo = {
        ...this.known(record),
        outcome: 'closed-silent',
        ...(record.agentId ? { agentId: record.agentId } : {}),
      };
      const done = await this.inConversation(record, async (turn) => {
        const trail = trailOf(turn.data, this.deps.bot.clock());
        turn.data.phase = 'bot';
        turn.data.handoff = undefined;
        turn.data.pending = undefined;
        turn.data.survey = undefined;
        // Over: the web chat page starts afresh at the visitor's next visit.
        await sayConversationEnded(turn.context);
        // Already closed and recorded (the survey was offered, then left unanswered): nothing to add.
        if (trail.surveyed) return;
        trail.surveyed = true;
        trail.close = close;
        await recordClose(turn, {});
      });
      if (!done) await this.recordFromQueue(record, close);
    }
  }

  /** What the queue knows that a proactive turn does not: the customer the site vouched for. */
  private known(record: ConversationRecord): CloseInfo {
    const customer = record.context.customer;
    const id =
      typeof customer === 'object' && customer !== null ? (customer as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id !== '' ? { customerId: id } : {};
  }

  /** Runs `work` in a proactive turn with the conversation's state; false when that was impossible. */
  private async inConversation(
    record: ConversationRecord,
    work: (turn: Turn) => Promise<void>,
  ): Promise<boolean> {
    const reference = readReference(record.context.reference);
    if (!reference) return false;
    // Caught inside the turn: the adapter would otherwise hand it to onTurnError, which answers
    // with an apology on the very channel that just refused, and we could not tell it failed.
    let failure: unknown;
    try {
      await this.deps.relay.proactive(reference, async (context) => {
        try {
          const data = await this.conversation.get(context, newConversation());
          const locale = data.locale ?? toLocale(record.language) ?? this.deps.bot.faq.defaultLocale;
          await work(new Turn(context, data, this.deps.bot, locale, undefined));
          await this.state.saveChanges(context, false);
        } catch (error) {
          failure = error ?? new Error('closing turn failed');
        }
      });
    } catch (error) {
      failure = error ?? new Error('closing turn failed');
    }
    if (failure === undefined) return true;
    this.deps.log.error(
      `conversation ${record.id}: the closing turn failed; recorded from the queue`,
      failure,
    );
    return false;
  }

  /** The record the queue alone allows, unless the conversation is already recorded. */
  private async recordFromQueue(record: ConversationRecord, close: CloseInfo): Promise<void> {
    const { surveys, clock } = this.deps.bot;
    try {
      if (await surveys.get(record.id)) return;
      const now = clock().getTime();
      const firstLine = record.transcript[0]?.at ?? record.escalatedAt ?? now;
      const context = record.context;
      const lastMessage = typeof context.lastMessage === 'string' ? context.lastMessage.trim() : '';
      const channel =
        typeof context.channelId === 'string' && context.channelId !== '' ? context.channelId : 'unknown';
      const result = await surveys.record({
        context: {
          conversationId: record.id,
          ...(close.customerId ? { customerId: close.customerId } : {}),
          path: close.path ?? pathOfRecord(record),
          ...(close.outcome ? { outcome: close.outcome } : {}),
          language: toLocale(record.language) ?? this.deps.bot.faq.defaultLocale,
          channel: channel.slice(0, 64),
          ...(close.agentId ? { agentId: close.agentId } : {}),
          ...(record.reason ? { escalationReason: record.reason } : {}),
          missedQuestions: lastMessage ? [lastMessage.slice(0, 1000)] : [],
          startedAt: Math.min(firstLine, now),
          closedAt: now,
        },
        recordedAt: now,
      });
      if (!result.ok && result.reason === 'invalid')
        this.deps.log.error(`conversation ${record.id}: record refused`, result.issues);
    } catch (error) {
      this.deps.log.error(`conversation ${record.id}: not recorded`, error);
    }
  }
}

function pathOfRecord(record: ConversationRecord): ConversationPath {
  if (record.ticket) return 'ticket';
  return record.escalatedAt !== undefined ? 'escalated' : 'bot-only';
}
