// @ts-check
// Search as you type: fuse.js over the entries' questions (not their ~30 phrasings each: one
// string per entry keeps a keystroke within budget on a 2,000-entry KB), token by token, fuzzy
// (typos) and by prefix (the word being typed), both sides read by normalize().
import { normalize } from './normalize.js';

/** @typedef {{ id: string, question: string, answer: string, tags: readonly string[] }} HelpEntry */
/** @typedef {typeof import('fuse.js').default} FuseClass */

/** fuse.js's browser ES module, served by Relais from node_modules (bot/help/files.ts). */
const FUSE_URL = '/help-center/vendor/fuse.mjs';

/** At most this many suggestions: they must fit a 360 × 520 panel. */
export const MAX_RESULTS = 5;

/** @returns {Promise<FuseClass>} */
export async function loadFuse() {
  const url = FUSE_URL;
  const module = /** @type {{ default: FuseClass }} */ (await import(url));
  return module.default;
}

/**
 * @param {FuseClass} Fuse
 * @param {readonly HelpEntry[]} entries
 * @returns {(text: string) => HelpEntry[]} the best entries for what is typed, best first
 */
export function createSearch(Fuse, entries) {
  const items = entries.map((entry) => ({ entry, text: normalize(entry.question) }));
  const fuse = new Fuse(items, {
    keys: ['text'],
    useTokenSearch: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.35,
    minMatchCharLength: 2,
  });
  return (text) => {
    const query = normalize(text);
    if (query.length < 2) return [];
    return fuse.search(query, { limit: MAX_RESULTS }).map((result) => result.item.entry);
  };
}
