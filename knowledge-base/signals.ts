import type { RankedEntry, ScoredQuery } from './ranker';
import { FUNCTION_WORDS } from './stopwords';
import type { Locale } from './locale';

/** Content words of a message: what it says beyond function words. */
export function contentWords(words: readonly string[], locale: Locale): string[] {
  const fn = FUNCTION_WORDS[locale];
  return words.filter((w) => !fn.has(w));
}

/** Where `signals` puts the learned scorer's probability of the best entry. */
export const LEARNED_PROBABILITY_SIGNAL = 6;

/**
 * The evidence the confidence models read for one message, all scale-free so a fitted model means
 * the same on another KB: blended scores of the top three, the nearest-phrasing similarity, the
 * learned scorer's probability, how much of the message the KB's vocabulary covers, and how close
 * the KB's out-of-scope examples come (`noneScore`: their blended score; undefined when the KB has none).
 */
export function signals(
  scored: ScoredQuery,
  ranked: readonly RankedEntry[],
  locale: Locale,
  noneScore?: number,
): number[] {
  const [a, b, c] = ranked;
  const r1 = a?.score ?? 0;
  const r2 = b?.score ?? 0;
  const r3 = c?.score ?? 0;
  const content = contentWords(scored.analysis.words, locale);
  const unknownContent = contentWords(scored.analysis.unknown, locale).length;
  const coverage = content.length === 0 ? 0 : 1 - unknownContent / content.length;
  return [
    r1,
    r1 - r2,
    r2 - r3,
    a?.knn ?? 0,
    a?.whole ?? 0,
    a ? scored.coverage(a.index) : 0,
    a?.probability ?? 0, // LEARNED_PROBABILITY_SIGNAL
    (a?.probability ?? 0) - (b?.probability ?? 0),
    coverage,
    Math.log1p(content.length),
    unknownContent,
    // Constant without examples, so the fitted model gives it no weight (not a copy of r1).
    noneScore === undefined ? 0 : noneScore - r1,
    // The sentence encoder's view (constant 0 without one): its similarity to the best entry, and its margin.
    a?.dense ?? 0,
    (a?.dense ?? 0) - (b?.dense ?? 0),
  ];
}
