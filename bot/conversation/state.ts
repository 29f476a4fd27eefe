import type { Locale } from '../../knowledge-base/index';
import type { AnswerTrail, ConversationOutcome, ConversationPath } from '../../insights/index';
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
  | { readonly kind: 'person-offered'; readonly reason: HandoffReason }
  /** A ticket was opened for a visitor with no address: asked once, re-asked once (`retried`). */
  | { readonly kind: 'contact-email'; readonly retried: boolean };

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
  handoff?: { readonly reason: HandoffReason; readonly at: string; readonly ticket?: boolean };
  /** The address the customer typed in this conversation (their ticket's contact). */
  contactEmail?: string;
  welcomed?: boolean;
  /** What the closing survey and the reports need to know about this conversation. */
  insights?: InsightsTrail;
  /** The closing survey in progress (plain JSON, read back with insights' parseSurveyState). */
  survey?: unknown;
}

/** How the conversation went so far, for the record stored at its close. */
export interface InsightsTrail {
  startedAt: number;
  /** KB entries the bot answered with, in order of first use. */
  kbEntryIds: string[];
  /** The customer picked an option of a "did you mean". */
  clarified: boolean;
  /** The last message that went to the FAQ: the question a refusal or a handoff leaves unanswered. */
  lastQuestion?: string;
  missedQuestions: string[];
  /** Why and how it went to people: a ticket when support was closed at the time. */
  escalation?: { readonly reason: string; readonly ticket: boolean };
  /** When the close was first reached (ms): the time the reports go by. */
  closedAt?: number;
  /** What the closing side said about the close (path, agent, wait), kept for the later records. */
  close?: {
    readonly path?: ConversationPath;
    readonly agentId?: string;
    readonly waitMs?: number;
    readonly customerId?: string;
    readonly outcome?: ConversationOutcome;
  };
  /** The customer said the last answer helped: the survey does not ask "did we answer" again. */
  answerConfirmed?: boolean;
  /** When the bot answered, missed, and was asked again: what the deflection rule reads (insights). */
  answers?: AnswerTrail;
  /** The survey was offered: it is asked once per conversation. */
  surveyed: boolean;
}

/** The ConversationState property RelaisBot keeps a conversation under (proactive turns read it too). */
export const CONVERSATION_PROPERTY = 'relais';

export const TRANSCRIPT_LIMIT = 60;

export function newConversation(): ConversationData {
  return { phase: 'bot', misses: 0, transcript: [], backOffice: [] };
}

export function remember(data: ConversationData, line: TranscriptLine): void {
  // Conversations stored before the transcript had one type kept `at` as an ISO string.
  for (const old of data.transcript)
    if (typeof old.at === 'string') (old as { at: number }).at = Date.parse(old.at) || 0;
  data.transcript.push(line);
  if (data.transcript.length > TRANSCRIPT_LIMIT)
    data.transcript.splice(0, data.transcript.length - TRANSCRIPT_LIMIT);
}
