// @ts-check
// The agents' history page (/agent/history): log in (or reuse the console's session in this tab),
// search and filter past conversations, page through them, open one.
import {
  ApiError,
  forgetSession,
  logIn,
  openConversation,
  searchHistory,
  SessionExpired,
  sessionAgent,
  sessionToken,
} from './api.js';
import { byId } from './dom.js';
import { fillChoices, queryOf } from './filters.js';
import { renderList } from './list.js';
import { LANG_KEY, pageLanguage, textsFor } from './texts.js';
import { renderConversation } from './transcript.js';

/** @typedef {import('./texts.js').Texts} Texts */

const page = {
  login: byId('login', HTMLElement),
  loginForm: byId('login-form', HTMLFormElement),
  loginError: byId('login-error', HTMLElement),
  app: byId('app', HTMLElement),
  who: byId('who', HTMLElement),
  logout: byId('logout', HTMLButtonElement),
  lang: byId('lang', HTMLSelectElement),
  filters: byId('filters', HTMLFormElement),
  clear: byId('clear-filters', HTMLButtonElement),
  status: byId('status', HTMLElement),
  results: byId('results', HTMLOListElement),
  previous: byId('previous', HTMLButtonElement),
  next: byId('next', HTMLButtonElement),
  range: byId('range', HTMLElement),
  detail: byId('detail', HTMLElement),
  back: byId('back', HTMLButtonElement),
  detailTitle: byId('detail-title', HTMLElement),
  facts: byId('facts', HTMLElement),
  transcript: byId('transcript', HTMLOListElement),
};

const state = {
  /** @type {Texts} */
  t: textsFor(pageLanguage()),
  /** The cursor of each page seen so far: [undefined, "20", "40"…]; the last is the current one. */
  /** @type {(string | undefined)[]} */
  cursors: [undefined],
  /** @type {string | undefined} */
  nextCursor: undefined,
  /** @type {URLSearchParams} */
  query: new URLSearchParams(),
  /** @type {string | undefined} */
  openId: undefined,
  /** Numbers the list requests: an answer to an older one (filters changed since) is dropped. */
  listRequest: 0,
};

/** The static texts of the page, by their data-t key. */
function applyTexts() {
  const t = state.t;
  document.documentElement.lang = t.lang;
  document.title = `Relais — ${t.title}`;
  for (const node of document.querySelectorAll('[data-t]')) {
    const key = /** @type {HTMLElement} */ (node).dataset.t ?? '';
    const value = /** @type {Record<string, unknown>} */ (t)[key];
    if (typeof value === 'string') node.textContent = value;
  }
  const q = page.filters.elements.namedItem('q');
  if (q instanceof HTMLInputElement) q.placeholder = t.searchPlaceholder;
  page.lang.value = t.lang;
  fillChoices(page.filters, t);
}

/** @param {unknown} error */
function failed(error) {
  if (error instanceof SessionExpired) {
    showLogin(state.t.sessionExpired);
    return;
  }
  page.status.textContent = error instanceof Error ? error.message : String(error);
}

async function loadPage() {
  const query = new URLSearchParams(state.query);
  const cursor = state.cursors[state.cursors.length - 1];
  if (cursor) query.set('cursor', cursor);
  page.status.textContent = state.t.loading;
  const request = ++state.listRequest;
  try {
    const result = await searchHistory(query);
    if (request !== state.listRequest) return;
    state.nextCursor = result.nextCursor;
    renderList(page.results, result.items, state.t, (id) => void open(id));
    const first = (Number(cursor ?? '0') || 0) + 1;
    page.status.textContent = state.t.results(result.total);
    page.range.textContent =
      result.items.length > 0 ? state.t.range(first, first + result.items.length - 1, result.total) : '';
    page.previous.disabled = state.cursors.length <= 1;
    page.next.disabled = state.nextCursor === undefined;
  } catch (error) {
    failed(error);
  }
}

/** @param {string} conversationId */
async function open(conversationId) {
  try {
    const conversation = await openConversation(conversationId);
    state.openId = conversationId;
    page.detailTitle.textContent = conversation.title || state.t.noTitle;
    renderConversation(page.facts, page.transcript, conversation, state.t);
    page.detail.hidden = false;
    document.body.classList.add('reading');
    page.back.focus();
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) page.status.textContent = state.t.notFound;
    else failed(error);
  }
}

function closeDetail() {
  state.openId = undefined;
  page.detail.hidden = true;
  document.body.classList.remove('reading');
}

function search() {
  state.query = queryOf(page.filters);
  state.cursors = [undefined];
  closeDetail();
  void loadPage();
}

/** @param {string} [message] */
function showLogin(message) {
  page.app.hidden = true;
  page.login.hidden = false;
  page.loginError.textContent = message ?? '';
}

function showApp() {
  page.login.hidden = true;
  page.app.hidden = false;
  const agent = sessionAgent();
  page.who.textContent = agent ? agent.name : '';
  search();
}

page.loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(page.loginForm);
  const agentId = String(data.get('agentId') ?? '');
  const password = String(data.get('password') ?? '');
  logIn(agentId, password).then(
    () => {
      page.loginForm.reset();
      showApp();
    },
    (error) => {
      page.loginError.textContent =
        error instanceof Error ? `${state.t.loginFailed} — ${error.message}` : state.t.loginFailed;
    },
  );
});
page.logout.addEventListener('click', () => {
  forgetSession();
  showLogin();
});
page.lang.addEventListener('change', () => {
  const lang = page.lang.value === 'en' ? 'en' : 'fr';
  localStorage.setItem(LANG_KEY, lang);
  state.t = textsFor(lang);
  applyTexts();
  if (!page.app.hidden) {
    void loadPage();
    if (state.openId) void open(state.openId);
  }
});
page.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  search();
});
page.filters.addEventListener('change', (event) => {
  // Selects and dates apply at once; the text fields on Enter or the button.
  if (
    event.target instanceof HTMLSelectElement ||
    (event.target instanceof HTMLInputElement &&
      (event.target.type === 'date' || event.target.type === 'number'))
  )
    search();
});
page.clear.addEventListener('click', () => {
  page.filters.reset();
  search();
});
page.previous.addEventListener('click', () => {
  if (state.cursors.length <= 1) return;
  state.cursors.pop();
  void loadPage();
});
page.next.addEventListener('click', () => {
  if (state.nextCursor === undefined) return;
  state.cursors.push(state.nextCursor);
  void loadPage();
});
page.back.addEventListener('click', closeDetail);

applyTexts();
if (sessionToken()) showApp();
else showLogin();
