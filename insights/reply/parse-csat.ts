import { isCsatPoint, type CsatPoint } from '../scales';
import { parseScaleReply } from './parse-scale';
import { phrases } from './reply-words';
import type { SurveyReply } from './survey-reply';

/**
 * Labels of the 1…5 satisfaction scale. A bare "oui"/"yes" to "Êtes-vous satisfait du service
 * Client ?" counts as 4 (satisfied) and "non"/"no" as 2: customers answer the question as worded,
 * and dropping those answers would bias CSAT towards the ones who bothered with a number.
 */
const CSAT_LABELS = phrases<CsatPoint>([
  ['pas du tout satisfait', 1],
  ['tres insatisfait', 1],
  ['tres mecontent', 1],
  ['pas du tout', 1],
  ['not at all satisfied', 1],
  ['very dissatisfied', 1],
  ['very unsatisfied', 1],
  ['not at all', 1],
  ['peu satisfait', 2],
  ['pas satisfait', 2],
  ['pas tres satisfait', 2],
  ['insatisfait', 2],
  ['mecontent', 2],
  ['pas content', 2],
  ['non', 2],
  ['not very satisfied', 2],
  ['not satisfied', 2],
  ['dissatisfied', 2],
  ['unsatisfied', 2],
  ['unhappy', 2],
  ['no', 2],
  ['moyennement satisfait', 3],
  ['moyennement', 3],
  ['moyen', 3],
  ['neutre', 3],
  ['bof', 3],
  ['somewhat satisfied', 3],
  ['neutral', 3],
  ['so so', 3],
  ['average', 3],
  ['satisfait', 4],
  ['content', 4],
  ['oui', 4],
  ['oui satisfait', 4],
  ['satisfied', 4],
  ['happy', 4],
  ['yes', 4],
  ['tres satisfait', 5],
  ['tres content', 5],
  ['oui tres', 5],
  ['oui tres satisfait', 5],
  ['ravi', 5],
  ['very satisfied', 5],
  ['very happy', 5],
  ['yes very', 5],
  ['delighted', 5],
]);

/** The reply to "Êtes-vous satisfait du service Client ?" (1 … 5). */
export function parseCsatReply(text: string): SurveyReply<CsatPoint> {
  return parseScaleReply(text, CSAT_LABELS, isCsatPoint);
}
