// @ts-check
// One reading for the entries' questions and for what the customer types: case and accents
// folded, elisions and punctuation cut ("l’heure" → "heure"), one-letter words and the
// language's stop words dropped.
import { STOP_WORDS } from './stopwords.js';

/**
 * @param {string} text
 * @param {'fr' | 'en'} lang
 * @returns {string[]} the words that count, in order
 */
export function searchWords(text, lang) {
  const stop = STOP_WORDS[lang];
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word.length > 1 && !stop.has(word));
}
