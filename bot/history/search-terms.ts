import { foldWords, normalize, type Locale } from '../../knowledge-base/index';

const CACHE_LIMIT = 20_000;
const cache = new Map<string, readonly string[]>();

/**
 * The index terms of one line: the KB normaliser's stems (accents and case folded, elisions,
 * stop words and French/English stemming), each once. Cached per text: bot and customer lines
 * repeat (the same questions, the KB's answers).
 */
export function termsOf(text: string, locale: Locale): readonly string[] {
  const key = `${locale}\u0000${text}`;
  const known = cache.get(key);
  if (known) return known;
  const terms = [...new Set(normalize(text, locale).stems.filter((s) => s.length > 0))];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, terms);
  return terms;
}

/**
 * A search text as groups of alternatives: one group per word, holding its stem in each of the
 * given languages (a line is indexed in its conversation's language, a query's language is not
 * known). A word that is a stop word in any of the languages is dropped.
 */
export function queryTerms(text: string, locales: readonly Locale[]): readonly (readonly string[])[] {
  const groups: string[][] = [];
  for (const word of new Set(foldWords(text))) {
    const stems = locales.map((locale) => normalize(word, locale).stems);
    if (stems.some((s) => s.length === 0)) continue;
    const group = [...new Set(stems.flat())];
    if (group.length > 0 && !groups.some((g) => g.join(' ') === group.join(' '))) groups.push(group);
  }
  return groups;
}
