import { isSkip } from './skip';
import { answer, NOT_AN_ANSWER, SKIP, type SurveyReply } from './survey-reply';

export const MAX_COMMENT_LENGTH = 2000;

/**
 * The reply to the comment prompt: any text is a comment (trimmed, cut at 2,000 characters),
 * a skip word declines. Whether a comment is really a new question is the bot's call (its matcher
 * knows; this module does not), so an empty message is the only "not an answer".
 */
export function parseCommentReply(text: string): SurveyReply<string> {
  const trimmed = text.trim();
  if (trimmed === '') return NOT_AN_ANSWER;
  if (isSkip(trimmed)) return SKIP;
  return answer(trimmed.slice(0, MAX_COMMENT_LENGTH));
}
