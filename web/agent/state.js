// @ts-check
// The console's whole state, in one place: the session and what the lists and the open view show.

/** @typedef {import('./types.js').AgentAccount} AgentAccount */
/** @typedef {import('./types.js').Summary} Summary */
/** @typedef {import('./types.js').Ticket} Ticket */

const TOKEN_KEY = 'relais-agent-token';
const AGENT_KEY = 'relais-agent';

/** @returns {AgentAccount | null} */
function savedAgent() {
  try {
    const parsed = /** @type {unknown} */ (JSON.parse(sessionStorage.getItem(AGENT_KEY) ?? 'null'));
    return parsed && typeof parsed === 'object' && 'id' in parsed && 'name' in parsed
      ? /** @type {AgentAccount} */ (parsed)
      : null;
  } catch {
    return null;
  }
}

export const state = {
  /** @type {string | null} */
  token: sessionStorage.getItem(TOKEN_KEY),
  /** @type {AgentAccount | null} */
  agent: savedAgent(),
  /** @type {Summary[]} */
  waiting: [],
  /** @type {Summary[]} */
  mine: [],
  /** @type {Ticket[]} */
  tickets: [],
  /** When the queue was read: wait times count on from there. */
  fetchedAt: Date.now(),
  /** @type {string | null} */
  openId: null,
  /** Conversations with something the agent has not read. */
  unread: /** @type {Set<string>} */ (new Set()),
};

/** @param {string} token @param {AgentAccount} agent */
export function startSession(token, agent) {
  state.token = token;
  state.agent = agent;
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(AGENT_KEY, JSON.stringify(agent));
}

export function endSession() {
  state.token = null;
  state.openId = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(AGENT_KEY);
}

/** The title of a conversation: the customer's name, else their first message, never an id. @param {string} id */
export function summaryOf(id) {
  return [...state.waiting, ...state.mine].find((s) => s.id === id) ?? state.tickets.find((s) => s.id === id);
}
