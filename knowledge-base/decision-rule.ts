import type { DecisionThresholds } from './calibration';
import type { EscalationReason } from './types';

export type Verdict =
  | { readonly kind: 'answer' }
  | { readonly kind: 'clarify' }
  | { readonly kind: 'escalate'; readonly reason: EscalationReason };

export interface DecisionInput {
  /** Content words in the message (function words and greetings aside). */
  readonly contentWords: number;
  /** Entries with any evidence. */
  readonly candidates: number;
  /** P(best candidate is right). */
  readonly confidence: number;
  /** P(right entry among the top three). */
  readonly shortlist: number;
  /** The best candidate must always go to a person (entry marked `escalate`). */
  readonly bestEscalates: boolean;
}

/**
 * answer when confident; otherwise "did you mean" when the right entry is likely among the top
 * three; otherwise a person. A confident match on an entry marked `escalate` goes to a person.
 */
export function decide(input: DecisionInput, thresholds: DecisionThresholds): Verdict {
  if (input.contentWords === 0 || input.candidates === 0) return { kind: 'escalate', reason: 'no-content' };
  if (input.confidence >= thresholds.answerAt) {
    return input.bestEscalates ? { kind: 'escalate', reason: 'entry-escalate' } : { kind: 'answer' };
  }
  if (input.candidates >= 2 && Math.max(input.confidence, input.shortlist) >= thresholds.clarifyAt)
    return { kind: 'clarify' };
  return { kind: 'escalate', reason: 'low-confidence' };
}
