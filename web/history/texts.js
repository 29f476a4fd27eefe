// @ts-check
// The page's language: the agent's choice ('relais.agent.lang'), else the browser's.
import { en } from './texts/en.js';
import { fr } from './texts/fr.js';

/** @typedef {typeof fr} Texts */

export const LANG_KEY = 'relais.agent.lang';

/** @returns {'fr' | 'en'} */
export function pageLanguage() {
  const chosen = localStorage.getItem(LANG_KEY) ?? navigator.language ?? 'fr';
  return chosen.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

/**
 * @param {'fr' | 'en'} lang
 * @returns {Texts}
 */
export function textsFor(lang) {
  return lang === 'en' ? en : fr;
}
