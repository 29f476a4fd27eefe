// @ts-check
// Every listed entry, grouped by its first tag, groups in the order the KB first uses them.
import { el } from './dom.js';

/** @typedef {import('./search.js').HelpEntry} HelpEntry */
/** @typedef {import('./texts.js').Texts} Texts */

/**
 * @param {readonly HelpEntry[]} entries
 * @returns {Map<string, HelpEntry[]>} first tag ('' for none) → entries, KB order
 */
export function groupByTag(entries) {
  /** @type {Map<string, HelpEntry[]>} */
  const groups = new Map();
  for (const entry of entries) {
    const tag = entry.tags[0] ?? '';
    const group = groups.get(tag) ?? [];
    group.push(entry);
    groups.set(tag, group);
  }
  // The untagged ones last.
  const untagged = groups.get('');
  if (untagged) {
    groups.delete('');
    groups.set('', untagged);
  }
  return groups;
}

/**
 * @param {readonly HelpEntry[]} entries
 * @param {{ texts: Texts, root: string, query: string }} deps
 */
export function catalogueView(entries, deps) {
  const sections = [...groupByTag(entries)].map(([tag, group]) =>
    el('section', { className: 'help-group', attrs: { 'data-tag': tag } }, [
      el('h2', { text: tag ? (deps.texts.tags[tag] ?? tag) : deps.texts.otherTag }),
      el(
        'ul',
        {},
        group.map((entry) =>
          el('li', {}, [
            el('a', { text: entry.question, attrs: { href: `${deps.root}/${entry.id}${deps.query}` } }),
          ]),
        ),
      ),
    ]),
  );
  return el('nav', { className: 'help-catalogue', attrs: { 'aria-label': deps.texts.browseTitle } }, [
    el('h2', { className: 'help-catalogue-title', text: deps.texts.browseTitle }),
    ...sections,
  ]);
}
