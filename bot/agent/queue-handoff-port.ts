import type { HandoffQueue, Priority } from '../../handoff/index';
import type {
  CustomerMessageOptions,
  ContactOutcome,
  CustomerMessageRoute,
  HandoffOutcome,
  HandoffPort,
  HandoffRequest,
} from '../ports/handoff';
import type { AgentEventBus } from './events';
import type { RelayLine, RelayLog } from './relay-log';
import type { WaitNotices } from './wait-notices';
import { waitSignature } from './wait-notifier';
import type { EmailLinks } from '../privacy/email-links';

/** At most one "customer is typing" event per conversation this often (channels repeat it every few s). */
const TYPING_EVERY_MS = 2_000;

/** The ids the handoff queue accepts (handoff/conversation.ts `idSchema`). */
const QUEUEABLE_ID = /^[^\s{}]{1,200}$/;

export interface QueueHandoffPortDeps {
  readonly queue: HandoffQueue;
  readonly store: RelayLog;
  readonly bus: AgentEventBus;
  readonly clock: () => Date;
  /** Remembers where an e-mail address was left (the profile links anonymous visitors by it). */
  readonly emailLinks?: Pick<EmailLinks, 'link'>;
  /** Remembers what the customer was told, so the wait notifier only sends changes, and not too soon. */
  readonly waitNotices?: { readonly notices: WaitNotices; readonly gapMs: number };
}

/**
 * The bot's handoff port over the real queue. The queue's state is the one ownership flag every
 * instance reads: with-agent → the bot stays silent and the message goes to the agent.
 */
export class QueueHandoffPort implements HandoffPort {
  private readonly typingSent = new Map<string, number>();

  constructor(private readonly deps: QueueHandoffPortDeps) {}

  async customerTyping(conversationId: string): Promise<void> {
    if (!QUEUEABLE_ID.test(conversationId)) return;
    const now = performance.now();
    const last = this.typingSent.get(conversationId);
    if (last !== undefined && now - last < TYPING_EVERY_MS) return;
    const record = await this.deps.queue.get(conversationId);
    if (record?.state !== 'with-agent' || !record.agentId) return;
    // Forget old entries so the map stays as small as the number of live conversations.
    for (const [id, at] of this.typingSent) if (now - at > TYPING_EVERY_MS) this.typingSent.delete(id);
    this.typingSent.set(conversationId, now);
    await this.deps.bus.publish({ type: 'customer-typing', conversationId, agentId: record.agentId });
  }

  async requestHandoff(request: HandoffRequest): Promise<HandoffOutcome> {
    const { queue, bus } = this.deps;
    // The queue refuses ids it cannot key (whitespace, braces): such a channel keeps the recorder's honest answer.
    if (!QUEUEABLE_ID.test(request.conversationId)) return { status: 'recorded' };
    const customer = request.context.customer;
    const priority: Priority = customer?.vip ? 'vip' : customer?.b2b ? 'b2b' : 'standard';
    const result = await queue.enqueue({
      conversationId: request.conversationId,
      language: request.locale,
      priority,
      ...(customer?.b2b && customer.accountManagerId ? { accountManagerId: customer.accountManagerId } : {}),
      reason: request.reason,
      contact: {
        ...(customer?.name ? { name: customer.name } : {}),
        ...(customer?.email
          ? { email: customer.email }
          : request.contactEmail
            ? { email: request.contactEmail }
            : {}),
      },
      transcript: request.transcript.map((line) => ({ at: line.at, from: line.from, text: line.text })),
      context: {
        trigger: request.reason,
        language: request.locale,
        channelId: request.channelId,
        lastMessage: request.context.lastMessage,
        ...(request.context.match ? { match: request.context.match } : {}),
        ...(customer ? { customer } : {}),
        reference: request.reference,
      },
    });
    const email = customer?.email ?? request.contactEmail;
    if (result.ok && email) await this.deps.emailLinks?.link(email, request.conversationId);
    if (!result.ok) {
      // Already waiting: say where. Any other state (e.g. a closed conversation) cannot be queued again.
      if (result.reason !== 'already-queued') return { status: 'recorded' };
      return this.waitingOutcome(request.conversationId);
    }
    if (result.outcome === 'ticket') return { status: 'ticket', promisedReplyAt: result.promisedReplyAt };
    await bus.publish({ type: 'queued', conversationId: request.conversationId, language: request.locale });
    return this.waitingOutcome(request.conversationId);
  }

  async setContactEmail(
    conversationId: string,
    email: string,
    options: { readonly onlyIfEmpty?: boolean } = {},
  ): Promise<ContactOutcome> {
    if (!QUEUEABLE_ID.test(conversationId)) return 'not-found';
    const set = await this.deps.queue.setContactEmail(conversationId, email, options);
    if (!set.ok) return 'not-found';
    await this.deps.emailLinks?.link(email, conversationId);
    // The ticket list shows the contact: consoles reload it.
    if (set.stored) await this.deps.bus.publish({ type: 'queue-changed', conversationId });
    return set.stored ? 'stored' : 'kept';
  }

  async cancelHandoff(conversationId: string): Promise<void> {
    if (!QUEUEABLE_ID.test(conversationId)) return;
    const cancelled = await this.deps.queue.cancel(conversationId);
    if (cancelled.ok) await this.deps.bus.publish({ type: 'queue-changed', conversationId });
  }

  async customerMessage(
    conversationId: string,
    text: string,
    messageId?: string,
    options: CustomerMessageOptions = {},
  ): Promise<CustomerMessageRoute> {
    const { queue, store, bus, clock } = this.deps;
    const keep = async (): Promise<RelayLine> => {
      const line = { from: 'customer' as const, text, at: clock().getTime() };
      if (messageId === undefined) return store.append(conversationId, line);
      return (await store.appendOnce(conversationId, `customer:${messageId}`, line)).line;
    };
    if (!QUEUEABLE_ID.test(conversationId)) return { route: 'waiting' };
    const record = await queue.get(conversationId);
    if (!record) return { route: 'waiting' };
    switch (record.state) {
      case 'with-agent': {
        await queue.touch(conversationId);
        const line = await keep();
        if (record.agentId)
          await bus.publish({ type: 'customer-message', conversationId, agentId: record.agentId, line });
        return { route: 'agent' };
      }
      case 'queued':
      case 'ticket': {
        // Kept for the agent who takes it: they read it with the transcript. The customer is still here.
        await queue.touch(conversationId);
        await keep();
        if (record.state === 'ticket') return { route: 'waiting' };
        const wait = await queue.estimatedWait(conversationId);
        if (!wait.ok) return { route: 'waiting' };
        await this.told(conversationId, wait.position, wait.waitMs);
        return { route: 'waiting', position: wait.position, waitMs: wait.waitMs };
      }
      case 'answered':
        return this.replyToAnswer(conversationId, keep, options);
      default:
        return { route: 'bot' };
    }
  }

  /**
   * A message after a ticket answer: "that settled it" resolves the ticket; anything else goes
   * back to the agent who answered (their reserved queue) or to the ticket list, the line kept for them.
   */
  private async replyToAnswer(
    conversationId: string,
    keep: () => Promise<RelayLine>,
    options: CustomerMessageOptions,
  ): Promise<CustomerMessageRoute> {
    const { queue, bus } = this.deps;
    await queue.touch(conversationId);
    await keep();
    if (options.confirmsAnswer) {
      const resolved = await queue.resolveTicket(conversationId);
      if (resolved.ok) {
        await bus.publish({ type: 'queue-changed', conversationId });
        const agentId = resolved.conversation.ticket?.answeredBy;
        return { route: 'ticket-resolved', ...(agentId ? { agentId } : {}) };
      }
    }
    const replied = await queue.customerReplied(conversationId);
    if (!replied.ok)
      return replied.reason === 'wrong-state'
        ? this.customerMessageAgain(conversationId)
        : { route: 'waiting' };
    await bus.publish({ type: 'queue-changed', conversationId });
    const back = replied.conversation;
    if (back.state !== 'queued') return { route: 'waiting' };
    if (back.language) await bus.publish({ type: 'queued', conversationId, language: back.language });
    const wait = await queue.estimatedWait(conversationId);
    if (!wait.ok) return { route: 'waiting' };
    await this.told(conversationId, wait.position, wait.waitMs);
    return { route: 'waiting', position: wait.position, waitMs: wait.waitMs };
  }

  /** Another instance moved it meanwhile: the route its state gives now (the line is kept). */
  private async customerMessageAgain(conversationId: string): Promise<CustomerMessageRoute> {
    const state = (await this.deps.queue.get(conversationId))?.state;
    if (state === 'with-agent') return { route: 'agent' };
    if (state === 'queued' || state === 'ticket') return { route: 'waiting' };
    return { route: 'bot' };
  }

  private async waitingOutcome(conversationId: string): Promise<HandoffOutcome> {
    const wait = await this.deps.queue.estimatedWait(conversationId);
    if (!wait.ok) return { status: 'recorded' };
    await this.told(conversationId, wait.position, wait.waitMs);
    return { status: 'queued', position: wait.position, waitMs: wait.waitMs };
  }

  private async told(conversationId: string, position: number, waitMs: number | null): Promise<void> {
    const marks = this.deps.waitNotices;
    if (marks) await marks.notices.told(conversationId, waitSignature(position, waitMs), marks.gapMs);
  }
}
