/**
 * What a customer's message means for the survey question it follows: an answer, a skip, or not an
 * answer at all (the bot then treats the message as a new question and drops the survey).
 */
export type SurveyReply<T> =
  | { readonly ok: true; readonly kind: 'answer'; readonly value: T }
  | { readonly ok: true; readonly kind: 'skip' }
  | {
      readonly ok: false;
      /** out-of-range: a number off the scale ("7"), worth one re-ask rather than a new question. */
      readonly reason: 'not-an-answer' | 'out-of-range';
    };

export const answer = <T>(value: T): SurveyReply<T> => ({ ok: true, kind: 'answer', value });
export const SKIP: SurveyReply<never> = Object.freeze({ ok: true, kind: 'skip' });
export const NOT_AN_ANSWER: SurveyReply<never> = Object.freeze({ ok: false, reason: 'not-an-answer' });
export const OUT_OF_RANGE: SurveyReply<never> = Object.freeze({ ok: false, reason: 'out-of-range' });
