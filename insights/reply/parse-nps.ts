import { isNpsPoint, type NpsPoint } from '../scales';
import { parseScaleReply } from './parse-scale';
import type { SurveyReply } from './survey-reply';

/**
 * The reply to the recommendation question (0 … 10): digits or number words in either language
 * ("8", "huit", "9/10", "je dirais sept", "ten"). The scale has no labels, so a word that is not a
 * number is not an answer; "11" is off the scale and re-asked once.
 */
export function parseNpsReply(text: string): SurveyReply<NpsPoint> {
  return parseScaleReply(text, [], isNpsPoint);
}
