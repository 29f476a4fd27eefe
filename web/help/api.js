// @ts-check
// The help center's two writes (bot/help/routes.ts); both answer 204.

/**
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<boolean>} whether the server recorded it
 */
async function post(path, body) {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * "Was this helpful?" on an entry page.
 * @param {string} entryId
 * @param {'fr' | 'en'} lang
 * @param {boolean} helpful
 */
export const sendFeedback = (entryId, lang, helpful) =>
  post('/api/help/feedback', { entryId, lang, helpful });

/**
 * A search that ended with no result or "none of these": it joins the KB suggestions.
 * @param {string} text
 * @param {'fr' | 'en'} lang
 */
export const sendUnanswered = (text, lang) => post('/api/help/unanswered', { text, lang });

/**
 * The chat's lexical matcher's suggestions for what is typed (GET /api/help/search): listed entry
 * ids, best first; none when the server cannot answer (the page keeps its own suggestions).
 * @param {string} text
 * @param {'fr' | 'en'} lang
 * @returns {Promise<string[]>}
 */
export async function fetchLexical(text, lang) {
  try {
    const res = await fetch(`/api/help/search?${new URLSearchParams({ q: text, lang })}`);
    if (!res.ok) return [];
    const body = /** @type {{ ids?: unknown }} */ (await res.json());
    return Array.isArray(body.ids) ? body.ids.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
