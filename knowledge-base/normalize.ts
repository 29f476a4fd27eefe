import nlp from 'compromise';
import { newStemmer } from 'snowball-stemmers';
import { readFrenchChat, shortenHeldLetters } from './chat-french';
import type { Locale } from './locale';
import { normalizeQuantities } from './quantities';
import { STOP_WORDS } from './stopwords';

/**
 * Bumped whenever a change here changes the words of any text (a cache of phrasing vectors keys
 * on it). 2: French chat spellings ("jpeux", "bjr", "c possible", held letters).
 */
export const NORMALIZER_VERSION = 2;

/**
 * The one place text is normalised for matching (and the only file that imports compromise).
 * Originals are kept by callers for display; everything here is for comparison only.
 */
export interface NormalizedText {
  /** Accent-free, lower-case words after elisions and quantities, stop words removed. */
  readonly words: readonly string[];
  /** Light stems or lemmas, aligned with `words`. */
  readonly stems: readonly string[];
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** Lower-case, unify apostrophes, expand elisions and contractions; accents kept (stemmers need them). */
function lowerAndSplitElisions(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\b(jusqu|lorsqu|puisqu|quoiqu|qu|l|d|j|n|s|t|m|c)'(?=\p{L})/gu, '$1 ')
    .replace(/\b(can)'t\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/'(s|m|re|ve|ll|d)\b/g, ' ');
}

/**
 * Accent-free lower-case words joined by single spaces: elisions and contractions split, and in
 * French the chat spellings read (chat-french.ts); no quantities, no stop words. What the bot's
 * intents read, and the first step of `foldWords`.
 */
export function foldText(text: string, locale?: Locale): string {
  const lower = locale === 'fr' ? shortenHeldLetters(text.toLowerCase()) : text;
  const tokens = stripAccents(lowerAndSplitElisions(lower))
    .replace(/(\d)[.,](\d)/g, '$1_$2')
    .replace(/€/g, ' euros ')
    .replace(/[^a-z0-9_]+/g, ' ')
    .replace(/(\d)_(\d)/g, '$1.$2')
    .split(' ')
    .filter(Boolean);
  return (locale === 'fr' ? readFrenchChat(tokens) : tokens).join(' ');
}

/**
 * Accent-free lower-case tokens with quantities folded; no stop-word removal, no stemming. With a
 * locale, that language's chat spellings are read too (French only so far); without one, none.
 */
export function foldWords(text: string, locale?: Locale): string[] {
  return normalizeQuantities(foldText(text, locale)).split(' ').filter(Boolean);
}

const frenchStemmer = newStemmer('french');
const englishLemmaCache = new Map<string, string>();
const LEMMA_CACHE_LIMIT = 100_000;

function englishLemma(word: string): string {
  const cached = englishLemmaCache.get(word);
  if (cached !== undefined) return cached;
  // compromise on one word: no sentence context, but cached per word, so a query costs no parse.
  let lemma = word;
  if (/^[a-z]{4,}$/.test(word)) {
    const doc = nlp(word);
    doc.compute('root');
    lemma = doc.text('root').trim() || word;
    if (lemma.includes(' ')) lemma = word;
  }
  if (englishLemmaCache.size >= LEMMA_CACHE_LIMIT) englishLemmaCache.clear();
  englishLemmaCache.set(word, lemma);
  return lemma;
}

/**
 * Fills the lemma cache for many English words with one compromise parse (one word per sentence,
 * so no neighbour changes a tag); 2.6× faster than one parse per word on CLINC150's 4,372 words,
 * with the same lemma for all but contractions.
 */
export function prepareLemmas(words: Iterable<string>, locale: Locale): void {
  if (locale !== 'en') return;
  const wanted = new Set<string>();
  for (const w of words) if (/^[a-z]{4,}$/.test(w) && !englishLemmaCache.has(w)) wanted.add(w);
  if (wanted.size === 0) return;
  const doc = nlp([...wanted].join('. ') + '.');
  doc.compute('root');
  // root is filled by compute("root") and present in the JSON, though not in the option types.
  const terms = doc.terms().json({ terms: { normal: true } }) as Array<{
    terms?: Array<{ normal?: string; root?: string }>;
  }>;
  for (const t of terms) {
    const term = t.terms?.[0];
    const normal = term?.normal;
    if (!normal || !wanted.has(normal) || englishLemmaCache.has(normal)) continue;
    const root = term.root?.trim();
    englishLemmaCache.set(normal, root && !root.includes(' ') ? root : normal);
  }
}

export function stem(word: string, locale: Locale): string {
  if (word.startsWith('dur') && /^dur\d+$/.test(word)) return word;
  if (locale === 'fr') return word.length > 3 ? frenchStemmer.stem(word) : word;
  return englishLemma(word);
}

export function normalize(
  text: string,
  locale: Locale,
  rewrite?: (words: string[]) => string[],
): NormalizedText {
  return normalizeFolded(foldWords(text, locale), locale, rewrite);
}

/** `normalize` for words already folded by `foldWords` (a KB build folds each phrasing once). */
export function normalizeFolded(
  folded: string[],
  locale: Locale,
  rewrite?: (words: string[]) => string[],
  stemOf: (word: string) => string = (word) => stem(word, locale),
): NormalizedText {
  const stop = STOP_WORDS[locale];
  const words: string[] = [];
  const stems: string[] = [];
  for (const word of rewrite ? rewrite(folded) : folded) {
    if (stop.has(word)) continue;
    words.push(word);
    stems.push(stripAccents(stemOf(word)));
  }
  return { words, stems };
}
