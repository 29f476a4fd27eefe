// @ts-check
// The search box: suggestions at each keystroke (synchronously, in the same task as the input
// event), then once typing pauses the search is "settled": told to the embedding page, and kept
// when the customer gives up on it (no result, "none of these").
import { fetchLexical, sendUnanswered } from './api.js';
import { chatUrl, MAX_ASK } from './chat-link.js';
import { el } from './dom.js';
import { MAX_RESULTS } from './search.js';

/** @typedef {import('./search.js').HelpEntry} HelpEntry */
/** @typedef {import('./texts.js').Texts} Texts */
/** @typedef {ReturnType<typeof import('./embed.js').embedMode>} Embed */

/** A search is settled when nothing was typed for this long. */
export const SETTLE_MS = 400;
/** The server's lexical suggestions are asked once typing pauses this long (not per keystroke). */
export const LEXICAL_MS = 150;

/**
 * Two rankings interleaved (a's first, b's first, a's second…), each entry once: fuse.js finds
 * a word being typed, the chat's matcher the intent of a whole phrase (docs/help-center.md).
 * @param {readonly HelpEntry[]} a
 * @param {readonly HelpEntry[]} b
 * @returns {HelpEntry[]}
 */
export function interleave(a, b) {
  /** @type {HelpEntry[]} */
  const out = [];
  for (let i = 0; out.length < MAX_RESULTS && (i < a.length || i < b.length); i += 1)
    for (const entry of [a[i], b[i]])
      if (entry && !out.some((e) => e.id === entry.id) && out.length < MAX_RESULTS) out.push(entry);
  return out;
}

/**
 * @param {{
 *   texts: Texts, lang: 'fr' | 'en', root: string, embed: Embed,
 *   search: (text: string) => HelpEntry[],
 *   byId: (id: string) => HelpEntry | undefined,
 *   onActive: (active: boolean) => void,
 * }} deps
 * @returns {HTMLElement}
 */
export function searchBox(deps) {
  const { texts, embed } = deps;
  const input = el('input', {
    className: 'help-search-input',
    attrs: {
      id: 'help-search',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: String(MAX_ASK),
      placeholder: texts.searchPlaceholder,
    },
  });
  const label = el('label', {
    className: 'help-search-label',
    text: texts.searchLabel,
    attrs: { for: 'help-search' },
  });
  const status = el('p', {
    className: 'help-search-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const list = el('ol', { className: 'help-results', attrs: { 'aria-label': texts.resultsTitle } });
  const askLink = el('a', { className: 'help-ask', attrs: { href: '/' } });
  const results = el('div', { className: 'help-results-box', attrs: { hidden: '' } }, [
    status,
    list,
    askLink,
  ]);

  let settleTimer = 0;
  let lexicalTimer = 0;
  let shown = 0;

  /** @param {readonly HelpEntry[]} [lexical] the server's suggestions for the text typed now */
  const render = (lexical = []) => {
    const text = input.value;
    const found = interleave(deps.search(text), lexical);
    shown = found.length;
    list.replaceChildren(
      ...found.map((entry) =>
        el('li', {}, [
          el('a', {
            className: 'help-result',
            text: entry.question,
            attrs: { href: `${deps.root}/${entry.id}${embed.query}`, 'data-entry-id': entry.id },
          }),
        ]),
      ),
    );
    const active = text.trim().length > 0;
    results.hidden = !active;
    status.textContent = found.length === 0 ? texts.noResult : texts.resultCount(found.length);
    askLink.textContent = found.length === 0 ? texts.askChat : texts.noneOfThese;
    askLink.setAttribute('href', chatUrl(text, deps.lang));
    deps.onActive(active);
  };

  input.addEventListener('input', () => {
    render();
    window.clearTimeout(lexicalTimer);
    lexicalTimer = window.setTimeout(() => {
      const text = input.value;
      if (!text.trim()) return;
      void fetchLexical(text.trim(), deps.lang).then((ids) => {
        // Typing went on meanwhile: these suggestions are for an older text.
        if (input.value !== text || ids.length === 0) return;
        render(ids.flatMap((id) => deps.byId(id) ?? []));
      });
    }, LEXICAL_MS);
    window.clearTimeout(settleTimer);
    settleTimer = window.setTimeout(() => {
      const text = input.value.trim();
      if (text) embed.post({ type: 'relais:search', text, results: shown });
    }, SETTLE_MS);
  });

  // No result or "none of these": the search is kept as unanswered, then the chat opens with it.
  askLink.addEventListener('click', (event) => {
    const text = input.value.trim().slice(0, MAX_ASK);
    if (!text) return;
    event.preventDefault();
    const recorded = sendUnanswered(text, deps.lang);
    if (embed.embedded) {
      embed.post({ type: 'relais:open-chat', text });
      return;
    }
    // The record goes first (or fails) before the page is left; a slow server does not hold it long.
    void Promise.race([recorded, new Promise((r) => window.setTimeout(r, 800))]).then(() =>
      window.location.assign(chatUrl(text, deps.lang)),
    );
  });

  return el('section', { className: 'help-search', attrs: { role: 'search' } }, [label, input, results]);
}
