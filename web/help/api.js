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
