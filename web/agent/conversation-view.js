// @ts-check
import { act, status } from './alerts.js';
import { api, authHeaders, conversationPath } from './api.js';
import { byId, el } from './dom.js';
import { t, word } from './i18n.js';
import { titleOf } from './queue-list.js';
import { state, summaryOf } from './state.js';

/** @typedef {import('./types.js').Line} Line */
/** @typedef {import('./types.js').ConversationView} ConversationView */
/** @typedef {import('./types.js').Context} Context */
/** @typedef {'queued' | 'mine' | 'ticket' | 'ended'} Mode */

/** What the open conversation shows; reset on every open. */
const open = {
  /** @type {ConversationView | null} */
  view: null,
  /** Lines already drawn, by seq (events and reloads may bring one twice). */
  seqs: /** @type {Set<number>} */ (new Set()),
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  typingTimer: undefined,
};

/** @type {(view: ConversationView) => void} */
let onOpened = () => {};
/** @param {(view: ConversationView) => void} handler the panels beside the conversation */
export const whenOpened = (handler) => {
  onOpened = handler;
};

/** The conversation's language (canned answers are searched in it). */
export const openLanguage = () => open.view?.conversation.language ?? open.view?.context.language ?? 'fr';

/**
 * Which controls show: every control names the modes it belongs to in `data-when`.
 * @param {Mode} mode
 */
export function setMode(mode) {
  const box = byId('open', HTMLElement);
  box.dataset.mode = mode;
  for (const node of box.querySelectorAll('[data-when]'))
    if (node instanceof HTMLElement) node.hidden = !(node.dataset.when ?? '').split(' ').includes(mode);
}

/** @param {string} state */
const modeOf = (state) => (state === 'with-agent' ? 'mine' : state === 'ticket' ? 'ticket' : 'queued');

/** Narrow screens show the list or the conversation, never both. @param {'list' | 'conversation'} view */
export function showView(view) {
  byId('console', HTMLElement).dataset.view = view;
}

/** The relay log's own system lines, in the agent's words. @param {string} text */
function systemText(text) {
  const transferred = /^transferred by (\S+) to (.+)$/.exec(text);
  if (transferred) return t().systemTransferred(transferred[1] ?? '', transferred[2] ?? '');
  const resolved = /^resolved: (.*)$/s.exec(text);
  if (resolved) return t().systemResolved(resolved[1] ?? '');
  return text;
}

/** @param {Line} line */
function who(line) {
  const texts = t();
  if (line.from === 'note') return texts.noteBy(line.agentId ?? '?');
  if (line.from === 'customer') return texts.customer;
  if (line.from === 'bot') return texts.bot;
  if (line.from === 'agent') return texts.agent;
  return '';
}

/** @param {Line} line */
export function addLine(line) {
  if (line.seq !== undefined) {
    if (open.seqs.has(line.seq)) return;
    open.seqs.add(line.seq);
  }
  const li = el('li', line.from);
  const label = who(line);
  const at = new Date(line.at).toLocaleTimeString();
  li.append(el('span', 'who', label ? `${label} · ${at}` : at));
  li.append(document.createTextNode(line.from === 'system' ? systemText(line.text) : line.text));
  for (const file of line.attachments ?? []) li.append(attachmentButton(file));
  const transcript = byId('transcript', HTMLOListElement);
  transcript.append(li);
  transcript.scrollTop = transcript.scrollHeight;
}

/**
 * A file the customer sent: fetched with the session token (never a bare link), saved by the browser.
 * @param {import('./types.js').Attachment} file
 */
function attachmentButton(file) {
  const button = el(
    'button',
    'attachment',
    `${t().file(file.name)} (${Math.ceil(file.size / 1024)} ${t().kb})`,
  );
  button.type = 'button';
  button.addEventListener('click', () =>
    act(async () => {
      const res = await fetch(`/api/agent/uploads/${encodeURIComponent(file.uploadId)}`, {
        headers: authHeaders(),
      });
      if (!res.ok) throw new Error(`${t().fileUnavailable} (${res.status})`);
      const url = URL.createObjectURL(await res.blob());
      const link = el('a');
      link.href = url;
      link.download = file.name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    }),
  );
  return button;
}

/** The bot's context in words: why an agent, the decision, the closest questions with their confidence. */
function renderContext() {
  const view = open.view;
  const dl = byId('context', HTMLDListElement);
  dl.replaceChildren();
  if (!view) return;
  const texts = t();
  /** @param {string} term @param {string | Node | undefined} value */
  const add = (term, value) => {
    if (value === undefined || value === '') return;
    const dd = el('dd');
    dd.append(value);
    dl.append(el('dt', '', term), dd);
  };
  const { context, conversation } = view;
  add(texts.contextState, word('states', conversation.state));
  add(texts.contextLanguage, (context.language ?? conversation.language ?? '').toUpperCase());
  add(texts.contextReason, word('reasons', context.trigger ?? conversation.reason));
  add(texts.contextLast, context.lastMessage);
  if (context.match) {
    add(
      texts.contextDecision,
      `${word('decisions', context.match.decision)} (${texts.confidence(context.match.confidence)})`,
    );
    const candidates = context.match.candidates ?? [];
    if (candidates.length > 0) {
      const list = el('ol', 'candidates');
      for (const c of candidates.slice(0, 3)) {
        const li = el('li');
        li.append(el('span', 'question', c.question), ' ', el('span', 'score', texts.confidence(c.score)));
        list.append(li);
      }
      add(texts.contextCandidates, list);
    }
  }
}

function renderTitle() {
  const view = open.view;
  if (!view) return;
  const name = view.context.customer?.name;
  const summary = summaryOf(view.conversation.id) ?? view.conversation;
  const firstCustomerLine = view.botTranscript.find((l) => l.from === 'customer')?.text;
  byId('conv-title', HTMLElement).textContent = name
    ? name
    : titleOf({ ...summary, firstLines: firstCustomerLine ? [firstCustomerLine] : summary.firstLines });
}

/** Draws the open conversation again (after a language switch). */
export function rerender() {
  const view = open.view;
  if (!view) return;
  renderTitle();
  renderContext();
  open.seqs = new Set();
  byId('transcript', HTMLOListElement).replaceChildren();
  for (const line of view.botTranscript) addLine(line);
  for (const line of view.lines) addLine(line);
}

/** @param {string} id */
export async function openConversation(id) {
  state.openId = id;
  state.unread.delete(id);
  hideCustomerTyping();
  /** @type {ConversationView} */
  let view;
  try {
    view = await api('GET', conversationPath(id));
  } catch (error) {
    status(error instanceof Error ? error.message : String(error));
    return;
  }
  if (state.openId !== id) return;
  open.view = view;
  byId('empty', HTMLElement).hidden = true;
  byId('open', HTMLElement).hidden = false;
  rerender();
  setMode(modeOf(view.conversation.state));
  showView('conversation');
  onOpened(view);
}

/** A line arrived live: kept with the view (a redraw keeps it) and drawn. @param {Line} line */
export function liveLine(line) {
  open.view?.lines.push(line);
  addLine(line);
}

export function closeConversation() {
  state.openId = null;
  open.view = null;
  byId('open', HTMLElement).hidden = true;
  byId('empty', HTMLElement).hidden = false;
  showView('list');
}

export function showCustomerTyping() {
  byId('typing', HTMLElement).hidden = false;
  clearTimeout(open.typingTimer);
  open.typingTimer = setTimeout(() => (byId('typing', HTMLElement).hidden = true), 5000);
}

export function hideCustomerTyping() {
  clearTimeout(open.typingTimer);
  byId('typing', HTMLElement).hidden = true;
}
