import { BOT_PATHS, type ConversationContext } from '../conversation-context';

/**
 * Who settled a conversation, for the dashboard's three shares (they add up to every conversation):
 * - `assistant`: the bot gave a KB answer and the customer confirmed it, or let it stand (no new
 *   question within the quiet period);
 * - `people`: handed to a person (queued, with an agent, a ticket; open or closed);
 * - `unresolved`: the rest: the bot's last word was "je n'ai pas compris", it never answered, or the
 *   customer came back at once with a question it did not settle.
 */
export type Resolution = 'assistant' | 'people' | 'unresolved';

/** DEFLECTION_QUIET_MIN's default: an answer left alone this long counts as having settled it. */
export const DEFAULT_DEFLECTION_QUIET_MS = 30 * 60_000;

type Facts = Pick<
  ConversationContext,
  'path' | 'kbEntryIds' | 'answeredAt' | 'missedAt' | 'followUpAt' | 'answerConfirmed'
>;

export function resolutionOf(c: Facts, quietMs: number = DEFAULT_DEFLECTION_QUIET_MS): Resolution {
  if (!BOT_PATHS.has(c.path)) return 'people';
  // Records from before these facts existed know only the entries used: answered, nothing more.
  const answered = c.answeredAt !== undefined || c.kbEntryIds.length > 0;
  if (!answered) return 'unresolved';
  // A miss after the last answer, then the end: the customer left without an answer.
  if (c.missedAt !== undefined && (c.answeredAt === undefined || c.missedAt > c.answeredAt))
    return 'unresolved';
  if (c.answerConfirmed) return 'assistant';
  if (c.followUpAt !== undefined && c.answeredAt !== undefined && c.followUpAt - c.answeredAt < quietMs)
    return 'unresolved';
  return 'assistant';
}
