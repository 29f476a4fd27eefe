// @ts-check
// The agent console's entry: login, presence, the conversation actions and the event stream.
import { act, alertNew, beep, clearAlert, status } from './alerts.js';
import { api, conversationPath, errorMessage, whenExpired } from './api.js';
import { resetComposer, setUpComposer } from './composer.js';
import {
  closeConversation,
  hideCustomerTyping,
  liveLine,
  openConversation,
  rerender,
  setMode,
  showCustomerTyping,
  showView,
  whenOpened,
} from './conversation-view.js';
import { byId } from './dom.js';
import { listen } from './events.js';
import { applyStatic, language, setLanguage, t, word } from './i18n.js';
import { noteArrived, rerenderNotes, setUpNotes, showMention } from './notes.js';
import { loadProfile, renderProfile } from './profile-panel.js';
import { onOpen, refreshQueue, renderLists, tickWaits } from './queue-list.js';
import { endSession, startSession, state } from './state.js';
import { loadTransferTargets, setUpTransfer } from './transfer.js';

/** @typedef {import('./events.js').AgentEvent} AgentEvent */
/** @typedef {import('./types.js').LoginAnswer} LoginAnswer */

/** The live connections of this session. */
const session = {
  /** @type {{ stop: () => void } | null} */
  stream: null,
  /** @type {ReturnType<typeof setInterval> | undefined} */
  heartbeat: undefined,
};

const quietly = () => void refreshQueue().catch(() => undefined);

/** @param {AgentEvent} event */
function onEvent(event) {
  switch (event.type) {
    case 'queued':
      alertNew();
      return quietly();
    case 'queue-changed':
      return quietly();
    case 'reset':
      // The server could not replay what this console missed: reload the queue and the open conversation.
      quietly();
      if (state.openId) void openConversation(state.openId);
      return;
    case 'conversation-ended':
      if (event.conversationId === state.openId) {
        setMode('ended');
        status(t().ended(word('reasons', event.reason)));
      }
      return quietly();
    case 'answer-timeout':
      if (event.conversationId === state.openId) setMode('ended');
      status(t().answerTimeout);
      return quietly();
    case 'transferred':
      // A colleague handed this agent a conversation: alert, and show it among theirs.
      alertNew();
      state.unread.add(event.conversationId);
      return quietly();
    case 'mention':
      return showMention(event);
    case 'note':
      return noteArrived(event.conversationId, event.line);
    case 'customer-typing':
      if (event.conversationId === state.openId) showCustomerTyping();
      return;
    case 'customer-message':
      if (event.conversationId === state.openId) {
        hideCustomerTyping();
        liveLine(event.line);
      } else {
        state.unread.add(event.conversationId);
        beep();
        renderLists();
      }
      return;
    case 'ready':
      return;
  }
}

/** @param {string} presence */
async function setPresence(presence) {
  await api('POST', '/presence', { presence });
  clearInterval(session.heartbeat);
  if (presence !== 'offline')
    session.heartbeat = setInterval(
      () => void api('POST', '/heartbeat').catch((e) => status(e instanceof Error ? e.message : String(e))),
      10000,
    );
  await refreshQueue();
}

function showConsole() {
  byId('login', HTMLElement).hidden = true;
  byId('console', HTMLElement).hidden = false;
  byId('agent-name', HTMLElement).textContent = state.agent?.name ?? '';
  showView('list');
  void act(() => setPresence(byId('presence', HTMLSelectElement).value));
  if (state.token)
    session.stream = listen(state.token, onEvent, { onUnauthorized: logout, onReconnect: quietly });
}

function logout() {
  const token = state.token;
  if (token)
    void fetch('/api/agent/presence', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ presence: 'offline' }),
    }).catch(() => undefined);
  endSession();
  clearInterval(session.heartbeat);
  session.stream?.stop();
  session.stream = null;
  closeConversation();
  byId('console', HTMLElement).hidden = true;
  byId('login', HTMLElement).hidden = false;
}

/**
 * A conversation action, then back to the lists (`close`) or the same conversation again.
 * @param {string} action the path after /conversations/:id
 * @param {{ close: boolean, body?: () => unknown }} options
 */
function conversationAction(action, options) {
  return () =>
    act(async () => {
      const id = state.openId;
      if (!id) return;
      await api('POST', `${conversationPath(id)}/${action}`, options.body?.());
      if (options.close) closeConversation();
      await refreshQueue();
      if (!options.close) await openConversation(id);
    });
}

function wire() {
  byId('login-form', HTMLFormElement).addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(byId('login-form', HTMLFormElement));
    const res = await fetch('/api/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agentId: form.get('agentId'), password: form.get('password') }),
    });
    const json = /** @type {unknown} */ (await res.json().catch(() => ({})));
    const error = byId('login-error', HTMLElement);
    if (!res.ok) {
      error.textContent = errorMessage(json) ?? t().loginFailed;
      return;
    }
    error.textContent = '';
    const answer = /** @type {LoginAnswer} */ (json);
    startSession(answer.token, answer.agent);
    showConsole();
  });
  const languageSwitch = byId('language', HTMLSelectElement);
  languageSwitch.value = language();
  languageSwitch.addEventListener('change', () => {
    setLanguage(languageSwitch.value);
    renderLists();
    rerender();
    renderProfile();
    rerenderNotes();
  });
  byId('presence', HTMLSelectElement).addEventListener('change', (e) => {
    const target = e.target;
    if (target instanceof HTMLSelectElement) void act(() => setPresence(target.value));
  });
  byId('logout', HTMLButtonElement).addEventListener('click', logout);
  byId('back', HTMLButtonElement).addEventListener('click', () => {
    closeConversation();
    renderLists();
  });
  document.addEventListener('click', clearAlert);
  byId('claim-next', HTMLButtonElement).addEventListener('click', () =>
    act(async () => {
      /** @type {{ id: string }} */
      const conversation = await api('POST', '/claim-next');
      await refreshQueue();
      await openConversation(conversation.id);
    }),
  );
  byId('claim', HTMLButtonElement).addEventListener('click', conversationAction('claim', { close: false }));
  byId('release', HTMLButtonElement).addEventListener(
    'click',
    conversationAction('release', { close: true }),
  );
  byId('hand-back', HTMLButtonElement).addEventListener(
    'click',
    conversationAction('hand-back', { close: true }),
  );
  byId('resolve', HTMLButtonElement).addEventListener(
    'click',
    conversationAction('resolve', {
      close: true,
      body: () => {
        const box = byId('resolve-reason', HTMLInputElement);
        const reason = box.value.trim() || t().resolvedDefault;
        box.value = '';
        return { reason };
      },
    }),
  );
  onOpen((id) => void openConversation(id));
  whenOpened((view) => {
    resetComposer();
    renderLists();
    void loadProfile(view.conversation.id).catch(() => undefined);
    if (view.conversation.state === 'with-agent')
      void loadTransferTargets().catch((e) => status(e instanceof Error ? e.message : String(e)));
  });
  whenExpired(logout);
  setUpComposer();
  setUpNotes();
  setUpTransfer();
}

applyStatic();
wire();
setInterval(tickWaits, 1000);
if (state.token) showConsole();
