import type { InsightsIssue } from '../errors';
import type { SurveyAnswer, SurveyAnswerInput } from '../survey-answer';

/** Half-open time range on `context.closedAt`, in ms since the epoch: from ≤ t < to. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

export type RecordResult =
  | {
      readonly ok: true;
      readonly survey: SurveyAnswer;
      /** A survey of this conversation was there and is replaced. */
      readonly replaced: boolean;
    }
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly InsightsIssue[] }
  /** The stored survey of this conversation has a later recordedAt: a delayed write, dropped. */
  | { readonly ok: false; readonly reason: 'stale' };

/** What an erasure deleted from the survey store. */
export interface CustomerErasure {
  readonly erased: number;
  /** The erased conversations, by id order. */
  readonly conversations: readonly { readonly conversationId: string; readonly channel: string }[];
}

/**
 * Where closing surveys live: one record per conversation. Recording again for the same
 * conversation replaces the record, so the bot may store after each answer and never loses a
 * partial survey; a write older (by recordedAt) than the stored one is refused as stale, so two
 * bot instances cannot put an earlier state back. Lists come in closedAt order (ties by conversation id).
 */
export interface SurveyStore {
  record(survey: SurveyAnswerInput): Promise<RecordResult>;
  get(conversationId: string): Promise<SurveyAnswer | undefined>;
  list(range: TimeRange): Promise<readonly SurveyAnswer[]>;
  /** One customer's conversations (id order), read before an erasure reaches the other stores. */
  conversationsOf(customerId: string): Promise<CustomerErasure['conversations']>;
  /**
   * Deletes every survey of one customer (GDPR erasure); returns how many, and which conversations
   * they were (with their channel), so the caller can erase those conversations' other traces.
   */
  eraseCustomer(customerId: string): Promise<CustomerErasure>;
  /** Deletes every survey closed before `cutoff` (retention); returns how many. */
  purgeClosedBefore(cutoff: number): Promise<{ readonly purged: number }>;
  /** Releases what the store opened itself (not a connection it was given). */
  dispose(): Promise<void>;
}
