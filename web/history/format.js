// @ts-check
// Dates and numbers in the page's language.

/**
 * @param {number} at ms since the epoch
 * @param {string} lang
 * @returns {string}
 */
export function dateTime(at, lang) {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));
}

/**
 * @param {number} at
 * @param {string} lang
 * @returns {string}
 */
export function time(at, lang) {
  return new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(at));
}

/**
 * A confidence or a score (0…1) as a whole percentage.
 * @param {number} value
 * @returns {number}
 */
export function percent(value) {
  return Math.round(Math.max(0, Math.min(1, value)) * 100);
}
