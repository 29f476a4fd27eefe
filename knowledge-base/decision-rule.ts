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
  /** A one-word message that many entries use (see `isVague`). */
  readonly vague: boolean;
}

/**
 * A message of one content word that a tenth of the entries or more use ("annuler", "mon compte",
 * "facture" on the demo KB) does not say which one the customer means, however peaked the scores:
 * offer the choice rather than answer. Measured in docs/knowledge-base.md.
 */
export function isVague(sharedBy: number, entryCount: number): boolean {
  return sharedBy >= Math.max(VAGUE_MIN_ENTRIES, VAGUE_MIN_SHARE * entryCount);
}

const VAGUE_MIN_ENTRIES = 3;
const VAGUE_MIN_SHARE = 0.1;

/**
 * answer when confident; otherwise "did you mean" when the right entry is likely among the top
 * three; otherwise a person. A confident match on an entry marked `escalate` goes to a person.
 */
export function decide(input: DecisionInput, thresholds: DecisionThresholds): Verdict {
  if (input.contentWords === 0 || input.candidates === 0) return { kind: 'escalate', reason: 'no-content' };
  if (input.confidence >= thresholds.answerAt) {
    // A vague message gets the choice it would have got below the threshold.
    if (input.vague && input.candidates >= 2) return { kind: 'clarify' };
    return input.bestEscalates ? { kind: 'escalate', reason: 'entry-escalate' } : { kind: 'answer' };
  }
  if (input.candidates >= 2 && Math.max(input.confidence, input.shortlist) >= thresholds.clarifyAt)
    return { kind: 'clarify' };
  return { kind: 'escalate', reason: 'low-confidence' };
}
