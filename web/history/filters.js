// @ts-check
// The filter form: its selects filled in the page's language, read as the API's query.
import { el } from './dom.js';

/** @typedef {import('./texts.js').Texts} Texts */

/** The API's values for each select (bot/history/history-store.ts). */
const CHOICES = /** @type {const} */ ({
  state: ['bot', 'queued', 'with-agent', 'ticket', 'resolved', 'closed'],
  language: ['fr', 'en'],
  queue: ['standard', 'b2b', 'vip'],
  path: ['bot-only', 'clarified', 'escalated', 'ticket'],
  ces: ['1', '2', '3', '4', '5'],
});

/**
 * @param {Texts} t
 * @param {keyof typeof CHOICES} name
 * @param {string} value
 * @returns {string}
 */
function labelOf(t, name, value) {
  switch (name) {
    case 'state':
      return t.states[/** @type {keyof Texts['states']} */ (value)];
    case 'language':
      return t.languages[/** @type {keyof Texts['languages']} */ (value)];
    case 'queue':
      return t.queues[/** @type {keyof Texts['queues']} */ (value)];
    case 'path':
      return t.paths[/** @type {keyof Texts['paths']} */ (value)];
    case 'ces':
      return value;
  }
}

/**
 * Fills (or refills, on a language change) the selects of the form, keeping what was chosen.
 * @param {HTMLFormElement} form
 * @param {Texts} t
 */
export function fillChoices(form, t) {
  for (const name of /** @type {(keyof typeof CHOICES)[]} */ (Object.keys(CHOICES))) {
    const select = form.elements.namedItem(name);
    if (!(select instanceof HTMLSelectElement)) continue;
    const chosen = select.value;
    select.replaceChildren(el('option', undefined, t.any));
    select.options[0]?.setAttribute('value', '');
    for (const value of CHOICES[name]) {
      const option = el('option', undefined, labelOf(t, name, value));
      option.value = value;
      select.append(option);
    }
    select.value = chosen;
  }
}

/**
 * A date input's day as the local midnight, in ISO (the API reads ISO instants).
 * @param {string} day "2026-03-11"
 * @param {number} plusDays
 * @returns {string | undefined}
 */
function localMidnight(day, plusDays) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return date.toISOString();
}

/**
 * The query for GET /api/agent/history: empty fields left out; "to" includes its day.
 * @param {HTMLFormElement} form
 * @returns {URLSearchParams}
 */
export function queryOf(form) {
  const data = new FormData(form);
  const query = new URLSearchParams();
  /** @param {string} name */
  const text = (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  for (const name of ['q', 'state', 'language', 'queue', 'path', 'agent', 'ces', 'limit']) {
    const value = text(name);
    if (value !== '') query.set(name, value);
  }
  const from = localMidnight(text('from'), 0);
  const to = localMidnight(text('to'), 1);
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  return query;
}
