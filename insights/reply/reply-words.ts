import { stripAccents } from '../../knowledge-base/index';

/** "ouiii", "nooon", "dificile": a letter typed once or many times is the same letter. */
export const collapseLetters = (word: string): string => word.replace(/([a-z])\1+/g, '$1');

/**
 * Survey replies as bare words: lower case, no accents, no punctuation or emoji, repeated letters
 * collapsed, "2/5" and "2 sur 5" reduced to "2". Vocabularies go through the same function.
 */
export function replyWords(text: string): string[] {
  const folded = stripAccents(text.toLowerCase())
    .replace(/[’‘`´']/g, ' ')
    .replace(/\b([a-z]+|\d{1,2})\s*(?:\/|sur|out\s+of|of)\s*(?:5|10)\b/g, ' $1 ');
  return folded
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .map(collapseLetters)
    .filter(Boolean);
}

/** Words that carry no answer: politeness, hesitation, "je dirais", "it was". */
const FILLERS = new Set(
  [
    'je',
    'j',
    'dirais',
    'dirai',
    'mettrais',
    'donne',
    'dis',
    'note',
    'c',
    'ca',
    'etait',
    'est',
    'a',
    'ete',
    'plutot',
    'merci',
    'beaucoup',
    'euh',
    'heu',
    'hum',
    'hmm',
    'bah',
    'ben',
    'bon',
    'alors',
    'ok',
    'okay',
    'it',
    'was',
    'is',
    'i',
    'd',
    'say',
    'would',
    'rather',
    'thanks',
    'thank',
    'you',
    'well',
    'um',
    'uh',
    'mm',
    'so',
    'the',
    'my',
    'answer',
    'reponse',
    'ma',
    'la',
    'le',
    'points',
    'point',
    'pts',
    'pt',
    'please',
    'svp',
    'stp',
    'voila',
  ].map(collapseLetters),
);

export function withoutFillers(words: readonly string[]): string[] {
  return words.filter((w) => !FILLERS.has(w));
}

/** Damerau–Levenshtein (optimal string alignment) distance, for typos in short label words. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Typos allowed in a word: none under 4 letters ("ni", "non", "peu" must be exact). */
function tolerance(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

export function sameWord(typed: string, expected: string): boolean {
  return typed === expected || editDistance(typed, expected) <= tolerance(expected);
}

/** A phrase of a vocabulary, as words (written accent-free, fillers already out). */
export interface Phrase<T> {
  readonly words: readonly string[];
  readonly value: T;
}

/** Phrases with fillers dropped, as replies are read; `keepFillers` for phrases made of them ("no thanks"). */
export function phrases<T>(table: readonly (readonly [string, T])[], keepFillers = false): Phrase<T>[] {
  return table.map(([text, value]) => {
    const words = replyWords(text);
    return { words: keepFillers ? words : withoutFillers(words), value };
  });
}

/** The value of the phrase the words spell, typos allowed; exact spellings win over fuzzy ones. */
export function matchPhrase<T>(words: readonly string[], vocabulary: readonly Phrase<T>[]): T | undefined {
  const sameLength = vocabulary.filter((p) => p.words.length === words.length && p.words.length > 0);
  const exact = sameLength.find((p) => p.words.every((w, i) => w === words[i]));
  if (exact) return exact.value;
  const fuzzy = sameLength.filter((p) => p.words.every((w, i) => sameWord(words[i] ?? '', w)));
  const values = new Set(fuzzy.map((p) => p.value));
  // Two different readings of one typo: not an answer rather than a guess.
  return values.size === 1 ? fuzzy[0]?.value : undefined;
}
