import type { SurveyAnswer } from '../survey-answer';

/**
 * The channel of the help center's records (/aide, /help): a "was this helpful?" vote, or a search
 * that found nothing the customer took. Written by the server, never taken from a request.
 */
export const HELP_CENTER_CHANNEL = 'help-center';

export const isHelpCenterRecord = (s: SurveyAnswer): boolean => s.context.channel === HELP_CENTER_CHANNEL;

export interface HelpCenterFigures {
  /** "Yes" to "was this helpful?" out of the votes (rate absent without votes). */
  readonly helpful: { readonly count: number; readonly total: number; readonly rate?: number };
  /** Searches that ended with no result or "none of these" (their texts feed the KB suggestions). */
  readonly unansweredSearches: number;
  /** Votes per entry, most voted first, ties by id. */
  readonly entries: readonly { readonly entryId: string; readonly yes: number; readonly no: number }[];
}

/**
 * The help center's figures. Its records are kept apart from the conversations' figures (a vote is
 * not a conversation), and read the way the chat's "did this answer?" is: `answerConfirmed` on an
 * answer (kbEntryIds) is a yes; a missed question without an answer is an unanswered search.
 */
export function helpCenterFigures(records: readonly SurveyAnswer[]): HelpCenterFigures {
  const votes = new Map<string, { yes: number; no: number }>();
  let unansweredSearches = 0;
  let yes = 0;
  let total = 0;
  for (const r of records) {
    const entryId = r.context.kbEntryIds[0];
    if (entryId === undefined) {
      if (r.context.missedQuestions.length > 0) unansweredSearches += 1;
      continue;
    }
    const v = votes.get(entryId) ?? { yes: 0, no: 0 };
    if (r.context.answerConfirmed) v.yes += 1;
    else v.no += 1;
    votes.set(entryId, v);
    total += 1;
    if (r.context.answerConfirmed) yes += 1;
  }
  return {
    helpful: total === 0 ? { count: yes, total } : { count: yes, total, rate: yes / total },
    unansweredSearches,
    entries: [...votes]
      .map(([entryId, v]) => ({ entryId, ...v }))
      .sort(
        (a, b) =>
          b.yes + b.no - (a.yes + a.no) || (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0),
      ),
  };
}
