import { z } from 'zod';
import { toLocale, type Locale } from '../../knowledge-base/index';
import { listsEntries, type FaqPort } from '../conversation/deps';

/** The FAQ as the server holds it now: read on every request, so a reloaded KB is seen at once. */
export type CurrentFaq = () => FaqPort;

export const cannedQuerySchema = z.strictObject({
  language: z
    .string()
    .refine((v) => toLocale(v) !== undefined, 'must be fr or en')
    .transform((v) => toLocale(v)!),
  q: z.string().max(200).default(''),
});

export interface CannedAnswer {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
}

const LIMIT = 20;

/** Lower case without accents, so "facture" finds "Où trouver mes factures ?" and "reserver" finds "réserver". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * KB answers an agent can start a reply from: entries of the conversation's language whose
 * question (or one of its phrasings) contains every word typed, in the KB's order.
 */
export function cannedAnswers(faq: FaqPort, language: Locale, query: string): CannedAnswer[] {
  if (!listsEntries(faq)) return [];
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const found: CannedAnswer[] = [];
  for (const entry of faq.entries(language)) {
    const haystack = fold([entry.question, ...entry.alternates].join('\n'));
    if (!words.every((w) => haystack.includes(w))) continue;
    found.push({ id: entry.id, question: entry.question, answer: entry.answer });
    if (found.length === LIMIT) break;
  }
  return found;
}
