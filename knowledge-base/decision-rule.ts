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
  /** Entries that use every word of a one- or two-word message (0 for longer ones). */
  readonly sharedBy: number;
}

/**
 * A message of one or two words that many entries use ("modifier", "mon compte", "problème avec
 * le prestataire") does not say which one the customer means, however peaked the scores: offer
 * the choice rather than answer. Three entries or more, on the demo KB: see docs/knowledge-base.md.
 */
export const VAGUE_MIN_ENTRIES = 3;

/**
 * answer when confident; otherwise "did you mean" when the right entry is likely among the top
 * three; otherwise a person. A confident match on an entry marked `escalate` goes to a person.
 */
export function decide(input: DecisionInput, thresholds: DecisionThresholds): Verdict {
  if (input.contentWords === 0 || input.candidates === 0) return { kind: 'escalate', reason: 'no-content' };
  const vague = input.sharedBy >= VAGUE_MIN_ENTRIES && input.candidates >= 2;
  if (input.confidence >= thresholds.answerAt && !vague) {
    return input.bestEscalates ? { kind: 'escalate', reason: 'entry-escalate' } : { kind: 'answer' };
  }
  if (vague && input.confidence >= thresholds.answerAt) return { kind: 'clarify' };
  if (input.candidates >= 2 && Math.max(input.confidence, input.shortlist) >= thresholds.clarifyAt)
    return { kind: 'clarify' };
  return { kind: 'escalate', reason: 'low-confidence' };
}
