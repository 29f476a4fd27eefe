import type { ConversationReference } from 'botbuilder';
import type { Candidate, Locale } from '../../knowledge-base/index';
import type { Customer } from './customer';

export type HandoffReason =
  | 'low-confidence'
  | 'customer-request'
  | 'answer-refused'
  | 'repeated-misses'
  | 'frustration'
  | 'entry-escalate'
  | 'needs-login';

export interface TranscriptLine {
  readonly from: 'customer' | 'bot';
  readonly text: string;
  readonly at: string;
}

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
}

/**
 * Where the bot hands a conversation to people. The handoff queue implements it; until then
 * the recorder below keeps the requests so nothing is lost and nobody pretends to be an agent.
 */
export interface HandoffPort {
  requestHandoff(request: HandoffRequest): Promise<{ readonly status: 'recorded' }>;
  cancelHandoff(conversationId: string): Promise<void>;
}

export class InMemoryHandoffRecorder implements HandoffPort {
  readonly requests: HandoffRequest[] = [];
  readonly cancelled: string[] = [];

  async requestHandoff(request: HandoffRequest): Promise<{ readonly status: 'recorded' }> {
    this.requests.push(request);
    return { status: 'recorded' };
  }

  async cancelHandoff(conversationId: string): Promise<void> {
    this.cancelled.push(conversationId);
  }
}
