// @ts-check
// The customer beside the conversation: who, segment, and their previous conversations.
import { api, conversationPath } from './api.js';
import { byId, el } from './dom.js';
import { t, word } from './i18n.js';
import { state } from './state.js';

/** @typedef {import('./types.js').Profile} Profile */

/** The profile drawn now (redrawn in the other language). @type {{ profile: Profile | null }} */
const shown = { profile: null };

/** @param {string} conversationId */
export async function loadProfile(conversationId) {
  shown.profile = null;
  byId('profile', HTMLElement).replaceChildren();
  /** @type {Profile} */
  const profile = await api('GET', `${conversationPath(conversationId)}/profile`);
  if (state.openId !== conversationId) return;
  shown.profile = profile;
  renderProfile();
}

/** Whether there is anything to show about this customer beyond "someone". @param {Profile} p */
const known = (p) => p.identified || Boolean(p.name || p.email) || p.previous.length > 0;

export function renderProfile() {
  const panel = byId('profile', HTMLElement);
  const profile = shown.profile;
  const texts = t();
  panel.replaceChildren(el('h3', '', texts.profile));
  if (!profile) return;
  if (!known(profile)) {
    panel.append(el('p', 'empty profile-empty', texts.noProfile));
    return;
  }
  const dl = el('dl', 'facts');
  /** @param {string} term @param {string | undefined} value @param {string} key */
  const add = (term, value, key) => {
    if (!value) return;
    const dd = el('dd', '', value);
    dd.dataset.field = key;
    dl.append(el('dt', '', term), dd);
  };
  add(texts.name, profile.name ?? texts.anonymous, 'name');
  add(texts.email, profile.email, 'email');
  const segment = [profile.segment.vip ? 'VIP' : '', profile.segment.b2b ? 'B2B' : '']
    .filter(Boolean)
    .join(' · ');
  add(texts.segment, segment || texts.standard, 'segment');
  add(
    texts.accountManager,
    profile.segment.accountManagerName ?? profile.segment.accountManagerId,
    'account-manager',
  );
  panel.append(dl, el('h4', '', texts.previous));
  if (profile.previous.length === 0) {
    panel.append(el('p', 'empty', texts.noPrevious));
    return;
  }
  const list = el('ul', 'previous');
  for (const c of profile.previous) {
    const li = el('li');
    const outcome = c.path ? word('paths', c.path) : word('states', c.state);
    const facts = [new Date(c.startedAt).toLocaleDateString(), outcome];
    if (c.ces !== undefined) facts.push(`${texts.ces} ${c.ces}`);
    li.append(el('div', 'title', c.title), el('div', 'meta', facts.join(' · ')));
    list.append(li);
  }
  panel.append(list);
}
