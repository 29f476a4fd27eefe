// @ts-check
// One entry's page: its question, its answer, "was this helpful?".
import { sendFeedback } from './api.js';
import { chatUrl } from './chat-link.js';
import { el } from './dom.js';

/** @typedef {import('./search.js').HelpEntry} HelpEntry */
/** @typedef {import('./texts.js').Texts} Texts */
/** @typedef {ReturnType<typeof import('./embed.js').embedMode>} Embed */

/**
 * @param {HelpEntry} entry
 * @param {{ texts: Texts, lang: 'fr' | 'en', root: string, embed: Embed }} deps
 */
export function entryView(entry, deps) {
  const { texts } = deps;
  // Answers are plain text: one paragraph per line of the KB's answer.
  const answer = entry.answer
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => el('p', { text: line }));
  const thanks = el('p', { className: 'help-thanks', attrs: { role: 'status' } });
  const yes = el('button', { text: texts.yes, attrs: { type: 'button', 'data-helpful': 'yes' } });
  const no = el('button', { text: texts.no, attrs: { type: 'button', 'data-helpful': 'no' } });
  const ask = el('a', {
    className: 'help-ask',
    text: texts.askChat,
    attrs: { href: chatUrl(entry.question, deps.lang), hidden: '' },
  });
  ask.addEventListener('click', (event) => {
    if (!deps.embed.embedded) return;
    event.preventDefault();
    deps.embed.post({ type: 'relais:open-chat', text: entry.question });
  });
  /** @param {boolean} helpful */
  const vote = async (helpful) => {
    yes.disabled = true;
    no.disabled = true;
    const ok = await sendFeedback(entry.id, deps.lang, helpful);
    thanks.textContent = ok
      ? helpful
        ? texts.thanks
        : `${texts.thanks} ${texts.notHelpedAsk}`
      : texts.failed;
    if (ok && !helpful) ask.hidden = false;
    if (!ok) {
      yes.disabled = false;
      no.disabled = false;
    }
  };
  yes.addEventListener('click', () => void vote(true));
  no.addEventListener('click', () => void vote(false));
  return el('article', { className: 'help-entry', attrs: { 'data-entry-id': entry.id } }, [
    el('a', {
      className: 'help-back',
      text: `← ${texts.back}`,
      attrs: { href: `${deps.root}${deps.embed.query}` },
    }),
    el('h1', { text: entry.question }),
    el('div', { className: 'help-answer' }, answer),
    el('div', { className: 'help-feedback' }, [
      el('p', { text: texts.helpfulQuestion, attrs: { id: 'help-feedback-question' } }),
      el(
        'div',
        {
          className: 'help-feedback-buttons',
          attrs: { role: 'group', 'aria-labelledby': 'help-feedback-question' },
        },
        [yes, no],
      ),
      thanks,
      ask,
    ]),
  ]);
}
