// @ts-check
// Embed mode (?embed=1&parent=<origin>): the page sits in the "?" widget's panel on a customer's
// site and tells that page what happens, with targetOrigin = the given origin. Without a valid
// parent origin nothing is posted. See docs/help-center.md ("Embed contract").

/**
 * @typedef {{ type: 'relais:search', text: string, results: number }
 *   | { type: 'relais:entry', id: string }
 *   | { type: 'relais:open-chat', text: string }} EmbedMessage
 */

/**
 * The parent's origin, when `parent` is exactly an http(s) origin (no path, query or credentials).
 * @param {string | null} parent
 * @returns {string | undefined}
 */
export function parentOrigin(parent) {
  if (!parent) return undefined;
  let url;
  try {
    url = new URL(parent);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.origin === parent.replace(/\/$/, '') ? url.origin : undefined;
}

/**
 * @param {URLSearchParams} params the page's query
 * @returns {{ embedded: boolean, origin: string | undefined, query: string, post: (message: EmbedMessage) => void }}
 */
export function embedMode(params) {
  const embedded = params.get('embed') === '1';
  const origin = embedded ? parentOrigin(params.get('parent')) : undefined;
  // Links inside the panel keep the embed parameters.
  const query = embedded
    ? `?${new URLSearchParams({ embed: '1', ...(origin ? { parent: origin } : {}) }).toString()}`
    : '';
  return {
    embedded,
    origin,
    query,
    post: (message) => {
      if (origin && window.parent !== window) window.parent.postMessage(message, origin);
    },
  };
}
