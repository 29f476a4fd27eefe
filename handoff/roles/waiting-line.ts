import type { Escalation } from '../conversation';
import type { EnqueueResult, PositionResult, TransitionResult, WaitEstimateResult } from '../results';

export interface QueuedEntry {
  readonly conversationId: string;
  /** "language:skill" */
  readonly queue: string;
  readonly score: number;
  /** Set while a B2B conversation waits for its own account manager. */
  readonly reservedFor?: string;
}

/**
 * The customer's side of the queue: escalating, waiting (position, estimate), giving up; and the
 * supervisors' look at who waits. Used by the bot while a customer waits.
 */
export interface WaitingLine {
  /** Customer activity: starts the silence timer (creates the conversation, with the bot, if new). */
  touch(conversationId: string): Promise<void>;
  /** bot|cancelled → queued, or → ticket outside business hours / with nobody online for the language. */
  enqueue(escalation: Escalation): Promise<EnqueueResult>;
  /** 1-based position in its queue; O(log n). */
  position(conversationId: string): Promise<PositionResult>;
  estimatedWait(conversationId: string): Promise<WaitEstimateResult>;
  /** queued|ticket|answered → cancelled: the customer stopped waiting (a ticket leaves the ticket list). */
  cancel(conversationId: string): Promise<TransitionResult>;
  /** Supervisors: the next `limit` waiting conversations in serving order across all queues. */
  peek(limit?: number): Promise<readonly QueuedEntry[]>;
}
