import { randomUUID } from 'node:crypto';
import { HELP_CENTER_CHANNEL, type SurveyAnswerInput } from '../../insights/index';
import type { Feedback, UnansweredSearch } from './schemas';

/**
 * The help center's events as the survey store's records, read by the reports the way the chat's
 * "did this answer?" is (insights/reports/help-center-figures.ts). Each event is a record of its
 * own, with an id the server makes: a request never names a record or a channel.
 */
const base = (lang: Feedback['lang'], now: number) => ({
  conversationId: `help-${randomUUID()}`,
  path: 'bot-only' as const,
  language: lang,
  channel: HELP_CENTER_CHANNEL,
  startedAt: now,
  closedAt: now,
});

/** The entry was the answer; a yes confirms it, like "Oui" to the chat's "did this answer?". */
export function feedbackRecord(feedback: Feedback, now: number): SurveyAnswerInput {
  return {
    context: {
      ...base(feedback.lang, now),
      kbEntryIds: [feedback.entryId],
      answeredAt: now,
      answerConfirmed: feedback.helpful,
    },
    recordedAt: now,
  };
}

/** The searched text is a missed question: the KB suggestions group it with the chat's. */
export function unansweredRecord(search: UnansweredSearch, now: number): SurveyAnswerInput {
  return {
    context: { ...base(search.lang, now), missedQuestions: [search.text], missedAt: now },
    recordedAt: now,
  };
}
