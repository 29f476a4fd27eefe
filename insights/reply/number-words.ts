import { collapseLetters } from './reply-words';

/** Small numbers as customers type them, digits or words, in both languages. */
const WRITTEN: Readonly<Record<string, number>> = {
  zero: 0,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** Keyed as replies are read: "three" arrives as "thre". */
const NUMBER_WORDS = new Map(Object.entries(WRITTEN).map(([w, n]) => [collapseLetters(w), n]));

/** The number one word spells, if it spells one. */
export function numberOf(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}
