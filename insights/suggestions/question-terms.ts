import { normalize, type Locale } from '../../knowledge-base/index';

/**
 * A question as a set of terms for clustering: the knowledge base's own normalisation (accents
 * and case folded, elisions split, stop words out, stemmed per language), so "réserver",
 * "Reservation" and "réservé" meet, and the clusters speak the matcher's language.
 */
export function questionTerms(text: string, locale: Locale): ReadonlySet<string> {
  return new Set(normalize(text, locale).stems.filter((s) => s.length > 1));
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}
