// @ts-check
// One reading for the entries' questions and for what the customer types: case and accents
// folded, elisions and punctuation cut ("l’heure" → "heure"), one-letter words dropped.

/**
 * @param {string} text
 * @returns {string}
 */
export function normalize(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word.length > 1)
    .join(' ');
}
