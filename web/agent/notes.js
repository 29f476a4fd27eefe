// @ts-check
// Internal notes (agents only; the server never relays them to the customer) and @mention toasts.
import { act, beep } from './alerts.js';
import { api, conversationPath } from './api.js';
import { byId, el, truncate } from './dom.js';
import { t } from './i18n.js';
import { liveLine, openConversation } from './conversation-view.js';
import { titleOf } from './queue-list.js';
import { state, summaryOf } from './state.js';

/** @typedef {import('./types.js').Line} Line */
/** @typedef {import('./types.js').MentionEvent} MentionEvent */

/** Toasts shown now (the badge counts them). @type {HTMLLIElement[]} */
const shown = [];

function renderBadge() {
  const badge = byId('mention-badge', HTMLElement);
  badge.hidden = shown.length === 0;
  badge.textContent = t().mentions(shown.length);
}

/** A colleague named this agent in a note: a toast that opens the conversation, and a count. @param {MentionEvent} data */
export function showMention(data) {
  beep();
  const item = el('li');
  const title = summaryOf(data.conversationId);
  const button = el(
    'button',
    'mention',
    `${t().mentioned(data.fromName, title ? titleOf(title) : truncate(data.excerpt, 40))}\n${data.excerpt}`,
  );
  button.type = 'button';
  button.addEventListener('click', () => {
    item.remove();
    shown.splice(shown.indexOf(item), 1);
    renderBadge();
    void openConversation(data.conversationId);
  });
  item.append(button);
  byId('mentions', HTMLUListElement).append(item);
  shown.push(item);
  renderBadge();
}

/** A colleague's note, live: drawn when its conversation is open (lines are deduplicated by seq). @param {string} conversationId @param {Line} line */
export function noteArrived(conversationId, line) {
  if (conversationId === state.openId) liveLine(line);
  else state.unread.add(conversationId);
}

export function setUpNotes() {
  byId('note-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    const box = byId('note', HTMLTextAreaElement);
    const text = box.value.trim();
    const id = state.openId;
    if (!text || !id) return;
    void act(async () => {
      /** @type {Line} */
      const line = await api('POST', `${conversationPath(id)}/notes`, { text });
      box.value = '';
      liveLine(line);
      return t().noteAdded;
    });
  });
}

export const rerenderNotes = renderBadge;
