import type { Locale } from './locale';

/** One FAQ entry in one language. The same id in two languages is the same entry translated. */
export interface Entry {
  readonly id: string;
  readonly locale: Locale;
  readonly question: string;
  readonly alternates: readonly string[];
  readonly answer: string;
  readonly tags: readonly string[];
  /** Always hand the conversation to a person (e.g. a complaint about a provider's work). */
  readonly escalate: boolean;
  /** Shown in the help center; false (the KB file's `public: false`) keeps it for the chat only. */
  readonly public?: boolean;
  readonly followUps: readonly string[];
  /** The answer's words count as evidence for this entry (the file's `matchAnswers`). */
  readonly matchAnswer?: boolean;
  /** Where the entry was read from, for error messages and the admin. */
  readonly source?: string;
}

/** A scored candidate; `score` is on the same [0,1] scale as the decision's confidence. */
export interface Candidate {
  readonly id: string;
  readonly score: number;
  readonly question: string;
}

export type EscalationReason = 'low-confidence' | 'entry-escalate' | 'no-content';

interface DecisionBase {
  readonly locale: Locale;
  /** Probability-like confidence that the best candidate is the right answer. */
  readonly confidence: number;
  /** Top candidates, best first (at most 3). */
  readonly candidates: readonly Candidate[];
  /** Short, human-readable reason an agent can read later (matched terms, corrections). */
  readonly explanation: string;
  readonly matchedTerms: readonly string[];
}

export type Decision =
  | (DecisionBase & { readonly decision: 'answer'; readonly entry: Entry })
  | (DecisionBase & { readonly decision: 'clarify'; readonly options: readonly Entry[] })
  | (DecisionBase & {
      readonly decision: 'escalate';
      readonly reason: EscalationReason;
      readonly entry?: Entry;
    });

export type DecisionKind = Decision['decision'];
