import type { Locale } from '../../knowledge-base/index';

/**
 * Where a conversation is in its life, as the history shows it: with the bot, waiting for an
 * agent, with an agent, a ticket, or ended (resolved, or closed on the customer's silence).
 */
export const HISTORY_STATES = ['bot', 'queued', 'with-agent', 'ticket', 'resolved', 'closed'] as const;
export type HistoryState = (typeof HISTORY_STATES)[number];

/** How it went (insights' ConversationPath): bot-only, clarified, escalated, ticket. */
export const HISTORY_PATHS = ['bot-only', 'clarified', 'escalated', 'ticket'] as const;
export type HistoryPath = (typeof HISTORY_PATHS)[number];

/** The handoff queue's priority classes (a queue is a language and a class). */
export const HISTORY_QUEUES = ['standard', 'b2b', 'vip'] as const;
export type HistoryQueue = (typeof HISTORY_QUEUES)[number];

/**
 * The steps of a conversation's life the history shows. `system` is a system line of the relay
 * log ("transferred by alice to bruno", "resolved: …"); it was stored as `note` before, which
 * read like an agent's internal note (`kind: note`): see `storedLine`.
 */
export const HISTORY_EVENTS = [
  'queued',
  'ticket',
  'recorded',
  'claimed',
  'transferred',
  'released',
  'handed-back',
  'resolved',
  'ticket-answered',
  'cancelled',
  'system',
] as const;
export type HistoryEvent = (typeof HISTORY_EVENTS)[number];

export const CES_POINTS = [1, 2, 3, 4, 5] as const;
export type CesPoint = (typeof CES_POINTS)[number];

/** One thing said or decided in a conversation, in the order the store accepted it. */
export type NewHistoryLine =
  | {
      readonly kind: 'message';
      readonly from: 'customer' | 'bot' | 'agent';
      readonly text: string;
      readonly at: number;
      readonly agentId?: string;
    }
  /** What the bot decided about a customer message (the matcher's decision, or a handoff). */
  | {
      readonly kind: 'decision';
      readonly at: number;
      readonly decision: 'answer' | 'clarify' | 'escalate' | 'handoff';
      readonly entryId?: string;
      readonly confidence?: number;
      readonly reason?: string;
      readonly candidates?: readonly { readonly id: string; readonly score: number }[];
    }
  /** An agent's internal note: agents only (the history is never shown to the customer). */
  | {
      readonly kind: 'note';
      readonly at: number;
      readonly agentId: string;
      readonly text: string;
      readonly mentions?: readonly string[];
    }
  /** A step of the conversation's life (queued, ticket opened, transfer, resolved…). */
  | { readonly kind: 'event'; readonly at: number; readonly event: HistoryEvent; readonly text?: string };

export type HistoryLine = NewHistoryLine & { readonly seq: number };

/** A line as read back from a store: the system lines stored as `event: note` read as `system`. */
export function storedLine(line: NewHistoryLine, seq: number): HistoryLine {
  if (line.kind !== 'event') return { ...line, seq };
  const event: string = line.event;
  return { ...line, event: event === 'note' ? 'system' : line.event, seq };
}

/** What is known about a conversation besides its lines; each given field replaces the stored one. */
export interface HistoryFacts {
  readonly state?: HistoryState;
  readonly language?: Locale;
  readonly queue?: HistoryQueue;
  /** Added to the agents who worked on it (an agent is never removed, a transfer adds one). */
  readonly agentId?: string;
  readonly path?: HistoryPath;
  readonly ces?: CesPoint;
  readonly closedAt?: number;
  readonly channel?: string;
}

export interface HistorySummary {
  readonly conversationId: string;
  readonly startedAt: number;
  readonly lastAt: number;
  readonly closedAt?: number;
  readonly state: HistoryState;
  readonly language: Locale;
  readonly queue?: HistoryQueue;
  readonly agents: readonly string[];
  readonly path?: HistoryPath;
  readonly ces?: CesPoint;
  readonly channel?: string;
  /** The customer's first message (cut to 120 characters): what the list shows as a title. */
  readonly title: string;
  readonly lineCount: number;
}

export interface HistoryConversation extends HistorySummary {
  readonly lines: readonly HistoryLine[];
}

/**
 * A history search. `languages` is the caller's scope (an agent's languages) and is required;
 * `text` must match every word (each word in any of the scope's languages, accents and case
 * ignored); facets must all match; `from`/`to` bound `startedAt` (from ≤ t < to).
 */
export interface HistoryQuery {
  readonly languages: readonly Locale[];
  readonly text?: string;
  readonly state?: HistoryState;
  readonly language?: Locale;
  readonly queue?: HistoryQueue;
  readonly agentId?: string;
  readonly path?: HistoryPath;
  readonly ces?: CesPoint;
  readonly from?: number;
  readonly to?: number;
  readonly offset: number;
  readonly limit: number;
}

export interface HistoryPage {
  /** Newest first (by startedAt, ties by conversation id). */
  readonly items: readonly HistorySummary[];
  /** How many conversations match in all. */
  readonly total: number;
  /** The offset of the next page, absent on the last one. */
  readonly nextOffset?: number;
}

/**
 * Every past conversation with its lines and facets, and the indexes that find them: built as
 * lines are stored (no scan of conversations at search time). Memory and Redis implementations
 * pass tests/contract/history-store.contract.ts.
 */
export interface HistoryStore {
  /**
   * Appends lines (in order) and applies the facts; the first call for a conversation creates it,
   * started at its first line's time. Customer and agent messages are indexed for search.
   */
  append(conversationId: string, lines: readonly NewHistoryLine[], facts?: HistoryFacts): Promise<void>;
  /** Applies facts to a known conversation; an unknown one is left alone (false). */
  note(conversationId: string, facts: HistoryFacts): Promise<boolean>;
  search(query: HistoryQuery): Promise<HistoryPage>;
  get(conversationId: string): Promise<HistoryConversation | undefined>;
  /** Deletes the conversation and every index entry of it (erasure); how many lines it had. */
  erase(conversationId: string): Promise<number>;
}

export const TITLE_LENGTH = 120;

/**
 * Lines whose words are indexed: what people wrote, agents' notes included (the search is for
 * agents); the bot's lines are the KB's own words.
 */
export const indexed = (
  line: NewHistoryLine,
): line is Extract<NewHistoryLine, { kind: 'message' | 'note' }> =>
  (line.kind === 'message' && line.from !== 'bot') || line.kind === 'note';
