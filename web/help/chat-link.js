// @ts-check
// From the help center to the chat, with what the customer typed as their first message.

/** The chat page caps ?ask= the same way (web/chat.js), and the server the unanswered texts. */
export const MAX_ASK = 300;

/**
 * The chat page's address: `/?ask=<text>` (and `&lang=en` in English).
 * @param {string} text
 * @param {'fr' | 'en'} lang
 */
export function chatUrl(text, lang) {
  const params = new URLSearchParams({ ask: text.trim().slice(0, MAX_ASK) });
  if (lang === 'en') params.set('lang', 'en');
  return `/?${params.toString()}`;
}
