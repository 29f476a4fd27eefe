import type { ConversationReference } from 'botbuilder';
import type { TranscriptLine as QueueTranscriptLine } from '../../handoff/index';
import type { Candidate, Locale } from '../../knowledge-base/index';
import type { Customer } from './customer';

export const HANDOFF_REASONS = [
  'low-confidence',
  'customer-request',
  'answer-refused',
  'repeated-misses',
  'frustration',
  'entry-escalate',
  'needs-login',
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** The queue's transcript line (at: epoch ms) as the bot writes it: before any agent joined. */
export type TranscriptLine = Omit<QueueTranscriptLine, 'from'> & { readonly from: 'customer' | 'bot' };

/** What an agent needs to pick the conversation up without asking again. */
export interface HandoffContext {
  readonly reason: HandoffReason;
  readonly lastMessage: string;
  readonly match?: {
    readonly decision: 'answer' | 'clarify' | 'escalate';
    readonly confidence: number;
    readonly candidates: readonly Candidate[];
    readonly explanation: string;
    readonly matchedTerms: readonly string[];
    readonly entryId?: string;
  };
  readonly customer?: Customer;
}

export interface HandoffRequest {
  readonly conversationId: string;
  readonly channelId: string;
  readonly locale: Locale;
  readonly reason: HandoffReason;
  readonly transcript: readonly TranscriptLine[];
  readonly context: HandoffContext;
  /** Lets the handoff side write to the customer later (continueConversation). */
  readonly reference: Partial<ConversationReference>;
  /** An address the customer typed earlier in this conversation (no signed identity gave one). */
  readonly contactEmail?: string;
}

/** setContactEmail: stored, kept (one was on file and only-if-empty was asked), or no such request. */
export type ContactOutcome = 'stored' | 'kept' | 'not-found';

/**
 * Where the bot hands a conversation to people. The handoff queue implements it; until then
 * the recorder below keeps the requests so nothing is lost and nobody pretends to be an agent.
 */
/** What became of a handoff request: recorded only, in the agents' queue, or a ticket. */
export type HandoffOutcome =
  | { readonly status: 'recorded' }
  | { readonly status: 'queued'; readonly position: number; readonly waitMs: number | null }
  | { readonly status: 'ticket'; readonly promisedReplyAt: number };

/**
 * Where a customer message goes once a person was asked for: relayed to the agent who owns the
 * conversation (the bot stays silent), still waiting (with the position when known), or back
 * with the bot (the agent handed it back, or the request ended).
 */
export type CustomerMessageRoute =
  | { readonly route: 'agent' }
  | { readonly route: 'waiting'; readonly position?: number; readonly waitMs?: number | null }
  /** The customer confirmed a ticket answer settled it: the ticket is resolved (the bot closes it). */
  | { readonly route: 'ticket-resolved'; readonly agentId?: string }
  | { readonly route: 'bot' };

export interface CustomerMessageOptions {
  /** The bot read the message as "that settled it" ("merci c'est réglé"): it closes an answered ticket. */
  readonly confirmsAnswer?: boolean;
}

export interface HandoffPort {
  requestHandoff(request: HandoffRequest): Promise<HandoffOutcome>;
  cancelHandoff(conversationId: string): Promise<void>;
  /**
   * A customer message while a person was asked for; the queue decides who reads it. With the
   * channel's `messageId`, a message handled again (a turn replayed after a crash) is kept once.
   */
  customerMessage(
    conversationId: string,
    text: string,
    messageId?: string,
    options?: CustomerMessageOptions,
  ): Promise<CustomerMessageRoute>;
  /** The customer is typing (channel typing activity): shown to the agent who owns the conversation. */
  customerTyping?(conversationId: string): Promise<void>;
  /** The address the customer typed, on their own handoff request (the ticket's contact). */
  setContactEmail?(
    conversationId: string,
    email: string,
    options?: { readonly onlyIfEmpty?: boolean },
  ): Promise<ContactOutcome>;
}

export class InMemoryHandoffRecorder implements HandoffPort {
  readonly requests: HandoffRequest[] = [];
  readonly cancelled: string[] = [];
  /** Addresses given per conversation (setContactEmail). */
  readonly contacts = new Map<string, string>();

  async requestHandoff(request: HandoffRequest): Promise<HandoffOutcome> {
    this.requests.push(request);
    return { status: 'recorded' };
  }

  async cancelHandoff(conversationId: string): Promise<void> {
    this.cancelled.push(conversationId);
  }

  async setContactEmail(
    conversationId: string,
    email: string,
    options: { readonly onlyIfEmpty?: boolean } = {},
  ): Promise<ContactOutcome> {
    if (!this.requests.some((r) => r.conversationId === conversationId)) return 'not-found';
    if (options.onlyIfEmpty && this.contacts.has(conversationId)) return 'kept';
    this.contacts.set(conversationId, email);
    return 'stored';
  }

  async customerMessage(): Promise<CustomerMessageRoute> {
    return { route: 'waiting' };
  }
}
