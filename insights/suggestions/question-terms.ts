import { FUNCTION_WORDS, normalize, type Locale } from '../../knowledge-base/index';

/**
 * How one KB language reads a missed question: its synonym groups (every variant read as the
 * group's first term) and how much a term tells a topic apart (a term many entries use, such as
 * "prestataire", says little; one the KB never uses, such as "peinture", says the most).
 */
export interface TermReading {
  readonly rewrite?: (words: string[]) => string[];
  readonly weight?: (term: string) => number;
}

/** Words every question is made of, whatever its topic: they never make two questions alike. */
const FILLER: Record<Locale, readonly string[]> = {
  fr: [
    'faire',
    'faites',
    'fait',
    'pouvoir',
    'peut',
    'peux',
    'pouvez',
    'possible',
    'vouloir',
    'veux',
    'voudrais',
    'savoir',
    'question',
    'bonjour',
    'merci',
    'svp',
    'comment',
    'besoin',
    'chez',
    'proposez',
    'proposer',
    'est',
    'avez',
    'avoir',
    'quoi',
    'aussi',
  ],
  en: [
    'do',
    'does',
    'can',
    'could',
    'would',
    'want',
    'need',
    'possible',
    'please',
    'hello',
    'hi',
    'thanks',
    'get',
    'make',
    'know',
    'question',
    'offer',
    'also',
    'you',
  ],
};

const fillerStems = new Map<Locale, ReadonlySet<string>>();
function fillerOf(locale: Locale): ReadonlySet<string> {
  let stems = fillerStems.get(locale);
  if (!stems) {
    stems = new Set(FILLER[locale].flatMap((w) => normalize(w, locale).stems));
    fillerStems.set(locale, stems);
  }
  return stems;
}

/**
 * A question as a set of terms for clustering: the knowledge base's own normalisation (accents
 * and case folded, elisions split, stop words out, stemmed per language) and, when given, its
 * synonyms, so "réserver", "Reservation" and "rdv" meet, and the clusters speak the matcher's
 * language. Function words ("les", "vous", the KB's list) and filler words ("faire", "possible",
 * "can") are left out: they are in every question, whatever its topic.
 */
export function questionTerms(text: string, locale: Locale, reading: TermReading = {}): ReadonlySet<string> {
  const filler = fillerOf(locale);
  const functionWords = FUNCTION_WORDS[locale];
  const { words, stems } = normalize(text, locale, reading.rewrite);
  return new Set(
    stems.filter((s, i) => s.length > 1 && !filler.has(s) && !functionWords.has(words[i] ?? '')),
  );
}

/** Two stems of one word family: equal, or the shorter (5 letters or more) begins or ends the longer ("peindr", "repeindr"). */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && (long.startsWith(short) || long.endsWith(short));
}

/**
 * How alike two questions are, 0 … 1: the weight of the terms they share (word families count)
 * over the weight of the smaller one, provided the shared part is also a third of the larger
 * one; a long question about painting and a short "peinture ?" are alike, two questions that
 * share only "prestataire" are not.
 */
export function termSimilarity(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  weight: (term: string) => number = () => 1,
): number {
  if (a.size === 0 || b.size === 0) return 0;
  const mass = (terms: ReadonlySet<string>) => [...terms].reduce((sum, t) => sum + weight(t), 0);
  let shared = 0;
  for (const t of a) if ([...b].some((u) => sameFamily(t, u))) shared += weight(t);
  const [small, large] = [mass(a), mass(b)].sort((x, y) => x - y) as [number, number];
  if (small === 0 || shared * 3 < large) return 0;
  return Math.min(1, shared / small);
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}
