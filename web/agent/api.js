// @ts-check
import { t } from './i18n.js';
import { state } from './state.js';

/** Called when the server says the session is over (401). */
let onExpired = () => {};
/** @param {() => void} handler */
export const whenExpired = (handler) => {
  onExpired = handler;
};

/** @param {string} [token] */
export const authHeaders = (token = state.token ?? '') => ({ authorization: `Bearer ${token}` });

/**
 * One call to the agent API; the answer typed by the caller (docs/agent.md gives the shapes).
 * @template T
 * @param {'GET' | 'POST'} method
 * @param {string} path under /api/agent
 * @param {unknown} [body]
 * @returns {Promise<T>}
 */
export async function api(method, path, body) {
  const res = await fetch(`/api/agent${path}`, {
    method,
    headers: { ...authHeaders(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = /** @type {unknown} */ (await res.json().catch(() => ({})));
  if (res.status === 401) {
    onExpired();
    throw new Error(t().sessionExpired);
  }
  if (!res.ok) throw new Error(errorMessage(json) ?? `${res.status}`);
  return /** @type {T} */ (json);
}

/** @param {unknown} json @returns {string | undefined} */
export function errorMessage(json) {
  if (!json || typeof json !== 'object' || !('error' in json)) return undefined;
  const error = json.error;
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string'
    ? error.message
    : undefined;
}

/** @param {string} id */
export const conversationPath = (id) => `/conversations/${encodeURIComponent(id)}`;
