// @ts-check
// The results: one button per conversation, newest first, with its facets.
import { el } from './dom.js';
import { dateTime } from './format.js';

/** @typedef {import('./texts.js').Texts} Texts */
/** @typedef {import('./types.js').Summary} Summary */

/**
 * @param {Summary} item
 * @param {Texts} t
 * @returns {string[]}
 */
function facets(item, t) {
  return [
    t.states[item.state],
    t.languages[item.language],
    ...(item.queue ? [t.queues[item.queue]] : []),
    ...(item.path ? [t.paths[item.path]] : []),
    ...(item.agents.length > 0 ? [item.agents.join(', ')] : []),
    ...(item.ces !== undefined ? [t.cesValue(item.ces)] : []),
    t.lineCount(item.lineCount),
  ];
}

/**
 * @param {HTMLOListElement} list
 * @param {Summary[]} items
 * @param {Texts} t
 * @param {(conversationId: string) => void} open
 */
export function renderList(list, items, t, open) {
  list.replaceChildren(
    ...items.map((item) => {
      const li = el('li', 'result');
      li.dataset.id = item.conversationId;
      li.dataset.state = item.state;
      const button = el('button', 'open');
      button.type = 'button';
      button.append(
        el('span', 'title', item.title || t.noTitle),
        el('time', 'when', dateTime(item.startedAt, t.lang)),
      );
      const tags = el('span', 'facets');
      for (const facet of facets(item, t)) tags.append(el('span', 'facet', facet));
      button.append(tags);
      button.addEventListener('click', () => open(item.conversationId));
      li.append(button);
      return li;
    }),
  );
}
