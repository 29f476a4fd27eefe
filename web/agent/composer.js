// @ts-check
// The reply box (Enter sends, typing relayed), canned answers, and the ticket answer.
import { act } from './alerts.js';
import { api, conversationPath } from './api.js';
import { byId, el } from './dom.js';
import { t } from './i18n.js';
import { addLine, closeConversation, openLanguage } from './conversation-view.js';
import { refreshQueue } from './queue-list.js';
import { state } from './state.js';

/** @typedef {import('./types.js').Line} Line */
/** @typedef {import('./types.js').CannedAnswer} CannedAnswer */
/** @typedef {import('./types.js').TicketDone} TicketDone */

/** A failed send keeps its id: sending the same text again is a retry, delivered once. */
const pending = {
  /** @type {{ text: string, conversationId: string, id: string } | null} */
  send: null,
  typingSentAt: 0,
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  cannedTimer: undefined,
};

/** @param {string} text @param {string} conversationId */
function clientMessageId(text, conversationId) {
  const same = pending.send && pending.send.text === text && pending.send.conversationId === conversationId;
  if (!same || !pending.send)
    pending.send = {
      text,
      conversationId,
      id: Date.now().toString(36) + Math.random().toString(36).slice(2, 12),
    };
  return pending.send.id;
}

async function searchCanned() {
  const q = byId('canned-search', HTMLInputElement).value.trim();
  const params = new URLSearchParams({ language: openLanguage(), q });
  /** @type {{ answers: CannedAnswer[] }} */
  const { answers } = await api('GET', `/canned?${params.toString()}`);
  byId('canned', HTMLUListElement).replaceChildren(
    ...answers.map((answer) => {
      const li = el('li');
      const button = el('button', 'item');
      button.type = 'button';
      button.append(el('div', 'first', answer.question), el('div', 'meta', answer.answer));
      button.addEventListener('click', () => insertAnswer(answer.answer));
      li.append(button);
      return li;
    }),
  );
}

/** @param {string} text */
function insertAnswer(text) {
  const box = byId('ticket-form', HTMLFormElement).hidden
    ? byId('reply', HTMLTextAreaElement)
    : byId('ticket-answer', HTMLTextAreaElement);
  box.value = box.value.trim() ? `${box.value.replace(/\s*$/, '')}\n${text}` : text;
  box.focus();
}

/** @param {TicketDone} done */
function ticketOutcome(done) {
  const texts = t();
  const email = done.email.sent
    ? texts.emailSent
    : done.email.reason === 'no-address'
      ? texts.emailNoAddress
      : texts.emailFailed;
  return [texts.ticketAnswered, email, done.deliveredInChat ? texts.chatDelivered : texts.chatAbsent].join(
    ' ',
  );
}

export function setUpComposer() {
  const reply = byId('reply', HTMLTextAreaElement);
  byId('reply-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    const text = reply.value.trim();
    const id = state.openId;
    if (!text || !id) return;
    const messageId = clientMessageId(text, id);
    void act(async () => {
      /** @type {Line} */
      const line = await api('POST', `${conversationPath(id)}/messages`, {
        text,
        clientMessageId: messageId,
      });
      pending.send = null;
      reply.value = '';
      addLine(line);
    });
  });
  reply.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      byId('reply-form', HTMLFormElement).requestSubmit();
    }
  });
  // The customer sees "typing…" while the agent writes: at most one request every 3 s.
  reply.addEventListener('input', () => {
    const id = state.openId;
    if (!id || Date.now() - pending.typingSentAt < 3000 || !reply.value.trim()) return;
    pending.typingSentAt = Date.now();
    void api('POST', `${conversationPath(id)}/typing`).catch(() => undefined);
  });
  byId('canned-search', HTMLInputElement).addEventListener('input', () => {
    clearTimeout(pending.cannedTimer);
    pending.cannedTimer = setTimeout(() => void act(searchCanned), 200);
  });
  const cannedBox = byId('canned-box', HTMLDetailsElement);
  cannedBox.addEventListener('toggle', () => {
    if (cannedBox.open) void act(searchCanned);
  });
  byId('ticket-form', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    const answer = byId('ticket-answer', HTMLTextAreaElement);
    const text = answer.value.trim();
    const id = state.openId;
    if (!text || !id) return;
    void act(async () => {
      /** @type {TicketDone} */
      const done = await api('POST', `/tickets/${encodeURIComponent(id)}/answer`, { text });
      answer.value = '';
      closeConversation();
      await refreshQueue();
      return ticketOutcome(done);
    });
  });
}

/** Empties what belonged to the previous conversation. */
export function resetComposer() {
  byId('canned-search', HTMLInputElement).value = '';
  byId('canned', HTMLUListElement).replaceChildren();
}
