import type { Locale } from '../../knowledge-base/index';
import type { HandoffReason, TranscriptLine } from '../ports/handoff';

/** What the bot is waiting for after its last message, if anything. */
export type Pending =
  | {
      readonly kind: 'answer-check';
      readonly entryId: string;
      readonly followUps: readonly { id: string; question: string }[];
    }
  | { readonly kind: 'clarify'; readonly options: readonly { id: string; question: string }[] }
  | { readonly kind: 'booking-offer' }
  | { readonly kind: 'no-show-mission'; readonly missions: readonly { id: string; label: string }[] }
  | { readonly kind: 'rebook-offer'; readonly missionId: string }
  | { readonly kind: 'person-offered'; readonly reason: HandoffReason };

export interface BackOfficeRecord {
  readonly action: 'no-show' | 'rebook';
  readonly missionId: string;
  readonly status: string;
  readonly at: string;
}

/** One conversation as the bot remembers it (persisted through ConversationState). */
export interface ConversationData {
  locale?: Locale;
  /** "bot" while the bot answers; "handoff-requested" once a person has been asked for. */
  phase: 'bot' | 'handoff-requested';
  pending?: Pending;
  /** Consecutive customer messages the bot could not answer. */
  misses: number;
  transcript: TranscriptLine[];
  backOffice: BackOfficeRecord[];
  handoff?: { readonly reason: HandoffReason; readonly at: string };
  welcomed?: boolean;
}

export const TRANSCRIPT_LIMIT = 60;

export function newConversation(): ConversationData {
  return { phase: 'bot', misses: 0, transcript: [], backOffice: [] };
}

export function remember(data: ConversationData, line: TranscriptLine): void {
  data.transcript.push(line);
  if (data.transcript.length > TRANSCRIPT_LIMIT)
    data.transcript.splice(0, data.transcript.length - TRANSCRIPT_LIMIT);
}
