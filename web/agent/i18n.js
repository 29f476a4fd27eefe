// @ts-check
import { en } from './texts/en.js';
import { fr } from './texts/fr.js';

/** @typedef {import('./texts/fr.js').Texts} Texts */
/** @typedef {'fr' | 'en'} Language */
/** @typedef {{ [K in keyof Texts]: Texts[K] extends string ? K : never }[keyof Texts]} PlainKey */

const STORAGE_KEY = 'relais-agent-language';
/** @type {Record<Language, Texts>} */
const TEXTS = { fr, en };

/** @param {string | null | undefined} value @returns {value is Language} */
const isLanguage = (value) => value === 'fr' || value === 'en';

/** The agent's own choice, else the browser's language (French for any fr-*, English otherwise). */
function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** @type {Language} */
let current = initialLanguage();

/** @returns {Language} */
export const language = () => current;
/** @returns {Texts} */
export const t = () => TEXTS[current];

/** @param {string} value */
export function setLanguage(value) {
  if (!isLanguage(value)) return;
  current = value;
  localStorage.setItem(STORAGE_KEY, value);
  applyStatic();
}

/** @param {string} key @returns {key is PlainKey} */
function isPlainKey(key) {
  return key in fr && typeof fr[/** @type {keyof Texts} */ (key)] === 'string';
}

/** @param {string} key */
function plain(key) {
  return isPlainKey(key) ? t()[key] : key;
}

/** The page's fixed texts: `data-t` (text), `data-t-placeholder`, `data-t-label` (aria-label). */
export function applyStatic() {
  document.documentElement.lang = current;
  document.title = plain('pageTitle');
  for (const node of document.querySelectorAll('[data-t]'))
    node.textContent = plain(node.getAttribute('data-t') ?? '');
  for (const node of document.querySelectorAll('[data-t-placeholder]'))
    node.setAttribute('placeholder', plain(node.getAttribute('data-t-placeholder') ?? ''));
  for (const node of document.querySelectorAll('[data-t-label]'))
    node.setAttribute('aria-label', plain(node.getAttribute('data-t-label') ?? ''));
}

/**
 * A code the server sent, worded in the agent's language (the code itself when unknown).
 * @param {'reasons' | 'states' | 'decisions' | 'paths' | 'priorities'} table
 * @param {string | undefined} code
 */
export function word(table, code) {
  if (!code) return '';
  /** @type {Record<string, string>} */
  const words = t()[table];
  return words[code] ?? code;
}
