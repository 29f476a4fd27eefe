// @ts-check
// The help center (/aide, /help; /aide/<entry-id>): data from the page (the KB in service when it
// was served), search as you type, the chat for what the help does not answer.
import { catalogueView } from './catalogue-view.js';
import { el } from './dom.js';
import { embedMode } from './embed.js';
import { entryView } from './entry-view.js';
import { createSearch, loadFuse } from './search.js';
import { searchBox } from './search-box.js';
import { textsFor } from './texts.js';

/** @typedef {{ lang: 'fr' | 'en', root: string, entries: import('./search.js').HelpEntry[], entryId?: string }} HelpData */

const dataElement = document.getElementById('help-data');
const mount = document.getElementById('help');
if (!dataElement || !mount) throw new Error('help page markup missing');
const data = /** @type {HelpData} */ (JSON.parse(dataElement.textContent ?? '{}'));
const texts = textsFor(data.lang);
const embed = embedMode(new URLSearchParams(window.location.search));
document.documentElement.classList.toggle('help-embedded', embed.embedded);

const header = embed.embedded
  ? []
  : [
      el('header', { className: 'help-site-header' }, [
        el('a', {
          className: 'help-brand',
          text: texts.site,
          attrs: { href: data.lang === 'en' ? '/?lang=en' : '/' },
        }),
      ]),
    ];

const opened = data.entryId ? data.entries.find((e) => e.id === data.entryId) : undefined;
if (opened) {
  document.title = `${opened.question} — ${texts.title}`;
  mount.replaceChildren(
    ...header,
    el('main', { className: 'help-main' }, [
      entryView(opened, { texts, lang: data.lang, root: data.root, embed }),
    ]),
  );
  embed.post({ type: 'relais:entry', id: opened.id });
} else {
  document.title = `${texts.title} — ${texts.site}`;
  const catalogue = catalogueView(data.entries, { texts, root: data.root, query: embed.query });
  const heading = el('h1', { text: texts.title });
  const intro = el('p', { className: 'help-intro', text: texts.intro });
  const main = el('main', { className: 'help-main' }, [heading, intro, catalogue]);
  mount.replaceChildren(...header, main);
  const Fuse = await loadFuse();
  const box = searchBox({
    texts,
    lang: data.lang,
    root: data.root,
    embed,
    search: createSearch(Fuse, data.entries, data.lang),
    byId: (id) => data.entries.find((e) => e.id === id),
    onActive: (active) => {
      catalogue.hidden = active;
    },
  });
  intro.after(box);
  // Ready for typing: the bench and the tests wait for this.
  document.documentElement.dataset.helpReady = 'true';
}
