import { Synonyms, type Entry, type Locale } from '../../knowledge-base/index';
import { questionTerms, type TermReading } from './question-terms';

/** The parts of a loaded knowledge base the suggestions read (a Faq's `source`). */
export interface KbVocabularySource {
  readonly entries: readonly Entry[];
  readonly synonyms: Partial<Record<Locale, ReadonlyArray<readonly string[]>>>;
}

export type TermReadings = (locale: Locale) => TermReading;

const cache = new WeakMap<KbVocabularySource, Map<Locale, TermReading>>();

function readingOf(kb: KbVocabularySource, locale: Locale): TermReading {
  const synonyms = new Synonyms(kb.synonyms[locale] ?? [], locale);
  const rewrite = (words: string[]) => synonyms.apply(words);
  // In how many entries each term appears (question or any alternate phrasing).
  const entriesWith = new Map<string, number>();
  for (const entry of kb.entries) {
    if (entry.locale !== locale) continue;
    const terms = new Set<string>();
    for (const text of [entry.question, ...entry.alternates])
      for (const t of questionTerms(text, locale, { rewrite })) terms.add(t);
    for (const t of terms) entriesWith.set(t, (entriesWith.get(t) ?? 0) + 1);
  }
  return { rewrite, weight: (term) => 1 / (1 + Math.log2(1 + (entriesWith.get(term) ?? 0))) };
}

/**
 * Each language read as its KB reads it: the KB's synonyms, and terms weighed by how few entries
 * use them (1 for a term no entry uses, 0.5 for one entry, about 0.2 for twenty). Made once per
 * loaded KB (a reload gives a new one).
 */
export function kbTermReadings(kb: KbVocabularySource): TermReadings {
  let readings = cache.get(kb);
  if (!readings) {
    readings = new Map();
    cache.set(kb, readings);
  }
  const byLocale = readings;
  return (locale) => {
    let reading = byLocale.get(locale);
    if (!reading) {
      reading = readingOf(kb, locale);
      byLocale.set(locale, reading);
    }
    return reading;
  };
}
