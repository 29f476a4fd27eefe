import type { Storage } from 'botbuilder';
import type { ConversationRecord, HandoffQueue } from '../../handoff/index';
import { toLocale, type Locale } from '../../knowledge-base/index';
import { readReference, type CustomerFacingAgent, type CustomerRelay } from '../agent/customer-relay';
import type { BotDeps } from '../conversation/deps';
import type { Turn } from '../conversation/turn';
import { sayConversationEnded } from '../directline/conversation-ended';
import type { Log } from '../log';
import type { RelayLog } from '../agent/relay-log';
import { trailOf } from '../survey/trail';
import { agentTimesOf } from './agent-times';
import { textFor } from '../text';
import type { AgentResolve, CloseInfo, TicketAnswerDelivery } from './close-info';
import { ProactiveTurns } from './proactive-turn';
import { knownCustomer, recordFromQueue } from './record-from-queue';
import { recordClose, startClosingSurvey } from './survey-turn';
import type { SweptClosings } from './sweep-feed';

/** The closes that happen in the customer's own turn (the bot's deps carry them: BotDeps.closing). */
export interface ConversationClosing {
  /** The customer confirmed the bot solved it: thanks, then the survey (once per conversation). */
  botResolved(turn: Turn): Promise<void>;
  /** The customer confirmed a ticket answer settled it: the ticket is resolved, then the survey. */
  ticketResolved(turn: Turn, agentId: string | undefined): Promise<void>;
  /** The customer stopped waiting, or withdrew the ticket: the bot takes over again (no survey). */
  cancelled(turn: Turn): Promise<void>;
}

/** What the closes outside a customer's turn need: the queue, the channel and the bot's state. */
export interface ClosingServiceDeps {
  readonly queue: HandoffQueue;
  /** `say` is the agent-message send: what is said there comes from the agent's side. */
  readonly relay: Pick<CustomerRelay, 'proactive' | 'say'>;
  /** The bot's conversation state storage (the same one RelaisBot reads). */
  readonly storage: Storage;
  readonly bot: BotDeps;
  readonly log: Log;
  /** The lines relayed with agents: when the closing agent first answered, who held it before. */
  readonly relayLog?: Pick<RelayLog, 'lines'>;
}

/**
 * Every way a conversation ends goes through here, and this is the one place that decides whether
 * and when the survey is asked (once per conversation: the trail's `surveyed`):
 *
 * - bot resolved (the customer's turn): thanks, survey;
 * - agent resolved: the agent's closing words, as the agent's message, then the survey;
 * - ticket answered: the answer in the chat, nothing closes (the customer may reply);
 * - ticket resolved: the customer confirmed it (their turn), or no reply within TICKET_QUIET_HOURS
 *   (the sweep): the survey, path "ticket";
 * - cancelled: the bot takes over again, no survey;
 * - expired (customer silence, the sweep): recorded, nothing said.
 *
 * Without a survey store nothing is recorded or asked; without the queue and channels (a bot
 * without agents) only the in-turn closes exist.
 */
export class ClosingService implements ConversationClosing {
  private readonly turns: ProactiveTurns | undefined;

  constructor(private readonly deps?: ClosingServiceDeps) {
    this.turns = deps ? new ProactiveTurns(deps) : undefined;
  }

  async botResolved(turn: Turn): Promise<void> {
    await turn.say(turn.text.resolved);
    // Without a survey (or once it was asked) the close is the end: the web chat page starts afresh.
    if (!(await startClosingSurvey(turn))) await sayConversationEnded(turn.context);
  }

  async ticketResolved(turn: Turn, agentId: string | undefined): Promise<void> {
    backToBot(turn);
    await turn.say(turn.text.ticketSettled);
    const asked = await startClosingSurvey(turn, {
      path: 'ticket',
      ...(agentId ? { agentId } : {}),
      customerConfirmedAnswer: true,
    });
    if (!asked) await sayConversationEnded(turn.context);
  }

  async cancelled(turn: Turn): Promise<void> {
    // The queue takes it out of the waiting line or the ticket list in one step.
    await turn.deps.handoff.cancelHandoff(turn.context.activity.conversation.id);
    backToBot(turn);
    await turn.say(turn.text.handoffCancelled);
  }

  /**
   * The agent resolved a conversation they held (the queue already says resolved): their closing
   * words go out as their message, then the bot asks the survey. If the channel refuses, the
   * conversation is recorded from the queue; the agent's action stands either way.
   */
  async agentResolved(resolve: AgentResolve): Promise<void> {
    const record = await this.recordOf(resolve.conversationId);
    if (!record || !this.turns) return;
    const close: CloseInfo = {
      ...knownCustomer(record),
      agentId: resolve.agent.id,
      ...(record.escalatedAt !== undefined && record.claimedAt !== undefined
        ? { waitMs: Math.max(0, record.claimedAt - record.escalatedAt) }
        : {}),
      agentTimes: agentTimesOf(
        record,
        resolve.agent.id,
        (await this.deps?.relayLog?.lines(record.id).catch(() => undefined)) ?? [],
        this.deps?.bot.clock().getTime() ?? Date.now(),
      ),
    };
    // Said, not in the relay log: the history records these words from the send itself.
    await this.sayAsAgent(record, resolve.agent, textFor(this.localeOf(record)).agentResolved, false);
    const done = await this.turns.run(record, (turn) => surveyAfterAgent(turn, close));
    if (!done) await this.recordOnly(record, close);
  }

  /**
   * An answered ticket, for a customer who still has the chat open: the answer as the agent's
   * message. Nothing closes: the customer may reply (the queue routes it back), and the survey
   * waits for the case to be resolved. false when the channel refused it.
   */
  async ticketAnswered(answer: TicketAnswerDelivery): Promise<boolean> {
    const record = await this.recordOf(answer.conversationId);
    if (!record) return false;
    // The ticket desk's caller appends the answer to the relay log.
    return this.sayAsAgent(record, answer.agent, answer.text, true);
  }

  /** A waiting ticket became a live conversation (an agent came online): the customer is told. */
  async ticketOffered(conversationId: string): Promise<void> {
    const record = await this.recordOf(conversationId);
    if (!record || !this.deps) return;
    const reference = readReference(record.context.reference);
    if (!reference) return;
    await this.deps.relay
      .say(reference, textFor(this.localeOf(record)).ticketNowLive, record.language)
      .catch((error: unknown) =>
        this.deps?.log.error(`conversation ${record.id}: not told of the agent`, error),
      );
  }

  /** What a sweep closed: answered tickets left quiet are surveyed, silent conversations recorded. */
  async swept(closings: SweptClosings): Promise<void> {
    for (const id of closings.quietTickets) await this.ticketQuiet(id);
    for (const id of closings.expired) await this.expired(id);
  }

  /** No reply to a ticket answer within TICKET_QUIET_HOURS: resolved, so the survey is asked now. */
  private async ticketQuiet(conversationId: string): Promise<void> {
    const record = await this.recordOf(conversationId);
    if (!record || !this.turns || !this.deps?.bot.surveys) return;
    const close: CloseInfo = {
      ...knownCustomer(record),
      path: 'ticket',
      ...(record.ticket?.answeredBy ? { agentId: record.ticket.answeredBy } : {}),
    };
    const done = await this.turns.run(record, async (turn) => {
      backToBot(turn);
      // Direct Line keeps it in the conversation: a customer who comes back reads the question.
      await startClosingSurvey(turn, close);
    });
    if (!done) await this.recordOnly(record, close);
  }

  /** Closed on customer silence: recorded, nothing said, no survey. */
  private async expired(conversationId: string): Promise<void> {
    const record = await this.recordOf(conversationId);
    if (!record || !this.turns || !this.deps?.bot.surveys) return;
    const close: CloseInfo = {
      ...knownCustomer(record),
      outcome: 'closed-silent',
      ...(record.agentId ? { agentId: record.agentId } : {}),
    };
    const clock = this.deps.bot.clock;
    const done = await this.turns.run(record, async (turn) => {
      const trail = trailOf(turn.data, clock());
      backToBot(turn);
      turn.data.survey = undefined;
      // Over: the web chat page starts afresh at the visitor's next visit.
      await sayConversationEnded(turn.context);
      // Already closed and recorded (the survey was offered, then left unanswered): nothing to add.
      if (trail.surveyed) return;
      trail.surveyed = true;
      trail.close = close;
      await recordClose(turn, {});
    });
    if (!done) await this.recordOnly(record, close);
  }

  /**
   * Through the same send as the agent's own messages (AgentService.send), so it is shown as theirs:
   * with the agent's name.
   */
  private async sayAsAgent(
    record: ConversationRecord,
    agent: CustomerFacingAgent,
    text: string,
    logged: boolean,
  ): Promise<boolean> {
    const reference = readReference(record.context.reference);
    if (!reference || !this.deps) return false;
    return this.deps.relay.say(reference, text, record.language, undefined, { agent, logged }).then(
      () => true,
      (error: unknown) => {
        this.deps?.log.error(`conversation ${record.id}: the agent's message was refused`, error);
        return false;
      },
    );
  }

  private async recordOnly(record: ConversationRecord, close: CloseInfo): Promise<void> {
    const deps = this.deps;
    const surveys = deps?.bot.surveys;
    if (!deps || !surveys) return;
    await recordFromQueue(
      { surveys, clock: deps.bot.clock, log: deps.log },
      deps.bot.faq.defaultLocale,
      record,
      close,
    );
  }

  private async recordOf(conversationId: string): Promise<ConversationRecord | null> {
    return this.deps ? this.deps.queue.get(conversationId) : null;
  }

  private localeOf(record: ConversationRecord): Locale {
    return toLocale(record.language) ?? this.deps?.bot.faq.defaultLocale ?? 'fr';
  }
}

/**
 * The bot's part of an agent's resolve, in a turn of the customer's conversation (after the
 * agent's closing words): the bot has the conversation again, and asks the survey, once.
 */
export async function surveyAfterAgent(turn: Turn, close: CloseInfo): Promise<void> {
  backToBot(turn);
  turn.data.misses = 0;
  if (!(await startClosingSurvey(turn, close))) await sayConversationEnded(turn.context);
}

/** The bot answers again: no person asked for, nothing pending. */
function backToBot(turn: Turn): void {
  turn.data.phase = 'bot';
  turn.data.handoff = undefined;
  turn.data.pending = undefined;
}
