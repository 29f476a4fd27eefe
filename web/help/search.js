// @ts-check
// Search as you type: fuse.js over the entries' questions (not their ~30 phrasings each: one
// string per entry keeps a keystroke within budget on a 2,000-entry KB). Each word typed is a
// fuzzy term (typos; a word being typed matches as a prefix), the terms OR-ed with fuse's extended
// search (`a | b`): faster than its token search on 2,000 entries and better ranked
// (bench/search). Both sides are read by searchWords().
import { searchWords } from './normalize.js';

/** @typedef {{ id: string, question: string, answer: string, tags: readonly string[] }} HelpEntry */
/** @typedef {typeof import('fuse.js').default} FuseClass */

/** fuse.js's browser ES module, served by Relais from node_modules (bot/help/files.ts). */
const FUSE_URL = '/help-center/vendor/fuse.mjs';

/** At most this many suggestions: they must fit a 360 × 520 panel. */
export const MAX_RESULTS = 5;

/**
 * The first words of what is typed that are searched: each one more is a pass over every entry,
 * and a search box gets a few words (a long message belongs in the chat).
 */
export const MAX_WORDS = 6;

/** @returns {Promise<FuseClass>} */
export async function loadFuse() {
  const url = FUSE_URL;
  const module = /** @type {{ default: FuseClass }} */ (await import(url));
  return module.default;
}

/**
 * @param {FuseClass} Fuse
 * @param {readonly HelpEntry[]} entries
 * @param {'fr' | 'en'} lang
 * @returns {(text: string) => HelpEntry[]} the best entries for what is typed, best first
 */
export function createSearch(Fuse, entries, lang) {
  const items = entries.map((entry) => ({ entry, text: searchWords(entry.question, lang).join(' ') }));
  const fuse = new Fuse(items, {
    keys: ['text'],
    useExtendedSearch: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.4,
  });
  return (text) => {
    // Words are letters and digits only: none can be read as an extended-search operator.
    const query = searchWords(text, lang).slice(0, MAX_WORDS).join(' | ');
    if (query.length < 2) return [];
    return fuse.search(query, { limit: MAX_RESULTS }).map((result) => result.item.entry);
  };
}
