// @ts-check
import { act } from './alerts.js';
import { api, conversationPath } from './api.js';
import { byId, el } from './dom.js';
import { t } from './i18n.js';
import { closeConversation } from './conversation-view.js';
import { refreshQueue } from './queue-list.js';
import { state } from './state.js';

/** @typedef {import('./types.js').Colleagues} Colleagues */
/** @typedef {{ kind: 'agent', agentId: string } | { kind: 'queue', language: string }} Target */

/** The options' targets, by option value (no JSON in the DOM to parse back). @type {Map<string, Target>} */
const targets = new Map();

/** Colleagues online now, then the queues of each language. */
export async function loadTransferTargets() {
  /** @type {Colleagues} */
  const { agents, queues } = await api('GET', '/colleagues');
  const select = byId('transfer-target', HTMLSelectElement);
  targets.clear();
  select.replaceChildren();
  /** @param {string} value @param {string} label @param {Target} target */
  const add = (value, label, target) => {
    targets.set(value, target);
    const option = el('option', '', label);
    option.value = value;
    select.append(option);
  };
  for (const agent of agents)
    add(`agent:${agent.id}`, `${agent.name} (${agent.languages.join(', ').toUpperCase()})`, {
      kind: 'agent',
      agentId: agent.id,
    });
  for (const language of queues) add(`queue:${language}`, t().queueOf(language), { kind: 'queue', language });
}

export function setUpTransfer() {
  byId('transfer', HTMLButtonElement).addEventListener('click', () =>
    act(async () => {
      const select = byId('transfer-target', HTMLSelectElement);
      const target = targets.get(select.value);
      const id = state.openId;
      if (!target || !id) throw new Error(t().chooseTarget);
      const noteBox = byId('transfer-note', HTMLInputElement);
      const note = noteBox.value.trim();
      await api('POST', `${conversationPath(id)}/transfer`, { target, ...(note ? { note } : {}) });
      noteBox.value = '';
      const label = select.selectedOptions[0]?.textContent ?? '';
      closeConversation();
      await refreshQueue();
      return t().transferred(label);
    }),
  );
}
