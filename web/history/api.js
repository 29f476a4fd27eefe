// @ts-check
// The agent session, shared with the console (same sessionStorage keys), and the history calls.

/** @typedef {import('./types.js').AgentInfo} AgentInfo */
/** @typedef {import('./types.js').Page} Page */
/** @typedef {import('./types.js').Conversation} Conversation */

const TOKEN_KEY = 'relais-agent-token';
const AGENT_KEY = 'relais-agent';

/** The API refused the session: log in again. */
export class SessionExpired extends Error {}

/** A refusal with the server's message (`{ error: { code, message } }`). */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} message
   */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @returns {string | null} */
export function sessionToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** @returns {AgentInfo | null} */
export function sessionAgent() {
  try {
    const parsed = /** @type {unknown} */ (JSON.parse(sessionStorage.getItem(AGENT_KEY) ?? 'null'));
    return parsed && typeof parsed === 'object' ? /** @type {AgentInfo} */ (parsed) : null;
  } catch {
    return null;
  }
}

export function forgetSession() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(AGENT_KEY);
}

/**
 * @param {unknown} json
 * @param {string} fallback
 * @returns {string}
 */
function messageOf(json, fallback) {
  if (json && typeof json === 'object' && 'error' in json) {
    const error = /** @type {{ error?: { message?: unknown } }} */ (json).error;
    if (error && typeof error.message === 'string') return error.message;
  }
  return fallback;
}

/**
 * POST /api/agent/login. Logging in here sets no presence: reading the history takes no conversation.
 * @param {string} agentId
 * @param {string} password
 * @returns {Promise<AgentInfo>}
 */
export async function logIn(agentId, password) {
  const res = await fetch('/api/agent/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agentId, password }),
  });
  const json = /** @type {unknown} */ (await res.json().catch(() => ({})));
  if (!res.ok) throw new ApiError(res.status, messageOf(json, `HTTP ${res.status}`));
  const { token, agent } = /** @type {{ token: string, agent: AgentInfo }} */ (json);
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(AGENT_KEY, JSON.stringify(agent));
  return agent;
}

/**
 * @param {string} path under /api/agent/history
 * @returns {Promise<unknown>}
 */
async function get(path) {
  const res = await fetch(`/api/agent/history${path}`, {
    headers: { authorization: `Bearer ${sessionToken() ?? ''}` },
  });
  const json = /** @type {unknown} */ (await res.json().catch(() => ({})));
  if (res.status === 401) {
    forgetSession();
    throw new SessionExpired(messageOf(json, 'session expired'));
  }
  if (!res.ok) throw new ApiError(res.status, messageOf(json, `HTTP ${res.status}`));
  return json;
}

/**
 * @param {URLSearchParams} query
 * @returns {Promise<Page>}
 */
export async function searchHistory(query) {
  return /** @type {Page} */ (await get(`?${query.toString()}`));
}

/**
 * @param {string} conversationId
 * @returns {Promise<Conversation>}
 */
export async function openConversation(conversationId) {
  return /** @type {Conversation} */ (await get(`/${encodeURIComponent(conversationId)}`));
}
