// @ts-check
// The page's language comes from the server (the /aide or /help address), never the browser.
import { en } from './texts/en.js';
import { fr } from './texts/fr.js';

/** @typedef {typeof fr} Texts */

/**
 * @param {'fr' | 'en'} lang
 * @returns {Texts}
 */
export function textsFor(lang) {
  return lang === 'en' ? en : fr;
}
