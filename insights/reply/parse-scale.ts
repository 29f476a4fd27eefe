import { numberOf } from './number-words';
import { matchPhrase, replyWords, withoutFillers, type Phrase } from './reply-words';
import { isSkip } from './skip';
import { answer, NOT_AN_ANSWER, OUT_OF_RANGE, SKIP, type SurveyReply } from './survey-reply';

/**
 * A reply to a question on a 1…n scale: a number ("2", "2/5", "deux"), a label of the scale (typos
 * allowed), the suggested action echoed back ("2 Facile"), or a skip word. Anything else is not an
 * answer. A number and a label that disagree ("1 très compliqué") are not an answer either.
 */
export function parseScaleReply<T extends number>(
  text: string,
  labels: readonly Phrase<T>[],
  inScale: (n: number) => n is T,
): SurveyReply<T> {
  if (isSkip(text)) return SKIP;
  const words = withoutFillers(replyWords(text));
  if (words.length === 0) return NOT_AN_ANSWER;
  const labelled = matchPhrase(words, labels);
  if (labelled !== undefined) return answer(labelled);
  const [first, ...rest] = words;
  const number = first === undefined ? undefined : numberOf(first);
  if (number === undefined) return NOT_AN_ANSWER;
  // "un peu compliqué" starts with "un": labels were tried first, so here "un" really is a number.
  if (rest.length > 0) {
    const restLabel = matchPhrase(rest, labels);
    if (restLabel === undefined || restLabel !== number) return NOT_AN_ANSWER;
  }
  return inScale(number) ? answer(number) : OUT_OF_RANGE;
}
