// @ts-check
import { api } from './api.js';
import { byId, el, truncate } from './dom.js';
import { t, word } from './i18n.js';
import { state } from './state.js';

/** @typedef {import('./types.js').Summary} Summary */
/** @typedef {import('./types.js').Ticket} Ticket */

const TITLE_MAX = 60;

/**
 * What a conversation is called: the customer's name, else their first message (cut), never an id.
 * @param {{ customerName?: string, contact?: { name?: string }, firstLines: readonly string[] } | undefined} item
 */
export function titleOf(item) {
  const name = item?.customerName ?? item?.contact?.name;
  if (name) return name;
  const first = item?.firstLines[0];
  return first ? truncate(first, TITLE_MAX) : t().anonymous;
}

/** @param {number} ms */
function duration(ms) {
  const total = Math.floor(ms / 1000);
  return t().duration(Math.floor(total / 60), total % 60);
}

/** @type {(id: string) => void} */
let open = () => {};
/** @param {(id: string) => void} handler what a click on an item does */
export const onOpen = (handler) => {
  open = handler;
};

/**
 * @param {string} id the conversation
 * @param {HTMLElement[]} meta
 * @param {readonly string[]} firstLines
 * @param {string} title
 */
function item(id, meta, firstLines, title) {
  const li = el('li');
  li.dataset.id = id;
  li.classList.toggle('selected', id === state.openId);
  li.classList.toggle('unread', state.unread.has(id));
  const button = el('button', 'item');
  button.type = 'button';
  const head = el('div', 'meta');
  meta.forEach((part, i) => head.append(...(i === 0 ? [part] : [' · ', part])));
  button.append(el('div', 'title', title), head, el('div', 'first', firstLines.join(' / ')));
  button.addEventListener('click', () => open(id));
  li.append(button);
  return li;
}

/** @param {Summary} summary @param {boolean} waiting */
function conversationItem(summary, waiting) {
  const priority = summary.priority ?? 'standard';
  const meta = [
    el('span', priority === 'vip' ? 'vip' : '', word('priorities', priority)),
    el('span', '', (summary.language ?? '?').toUpperCase()),
    el('span', 'reason', word('reasons', summary.reason)),
  ];
  if (waiting && summary.waitMs !== undefined) {
    const wait = el('span', 'wait');
    wait.dataset.waitMs = String(summary.waitMs);
    meta.push(wait);
  }
  return item(summary.id, meta, summary.firstLines, titleOf(summary));
}

/** @param {Ticket} ticket */
function ticketItem(ticket) {
  const opened = ticket.openedAt ? new Date(ticket.openedAt).toLocaleString() : '';
  const who = [ticket.contact.name, ticket.contact.email].filter(Boolean).join(' · ') || t().anonymous;
  const meta = [
    el('span', '', (ticket.language ?? '?').toUpperCase()),
    el('span', '', opened),
    el('span', '', who),
  ];
  return item(ticket.id, meta, ticket.firstLines, titleOf(ticket));
}

export function renderLists() {
  byId('waiting', HTMLUListElement).replaceChildren(...state.waiting.map((s) => conversationItem(s, true)));
  byId('mine', HTMLUListElement).replaceChildren(...state.mine.map((s) => conversationItem(s, false)));
  byId('tickets', HTMLUListElement).replaceChildren(...state.tickets.map(ticketItem));
  tickWaits();
}

export function tickWaits() {
  const elapsed = Date.now() - state.fetchedAt;
  for (const node of document.querySelectorAll('.wait'))
    if (node instanceof HTMLElement)
      node.textContent = t().waitingFor(duration(Number(node.dataset.waitMs) + elapsed));
}

export async function refreshQueue() {
  const view = await api('GET', '/queue').then(
    (v) => /** @type {{ waiting: Summary[], mine: Summary[] }} */ (v),
  );
  const tickets = await api('GET', '/tickets').then((v) => /** @type {{ tickets: Ticket[] }} */ (v));
  state.waiting = view.waiting;
  state.mine = view.mine;
  state.tickets = tickets.tickets;
  state.fetchedAt = Date.now();
  renderLists();
}
