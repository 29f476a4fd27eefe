// @ts-check
// One conversation: its facts, then every line in order, the bot's decisions in words and the
// agents' internal notes marked as such.
import { el } from './dom.js';
import { dateTime, percent, time } from './format.js';

/** @typedef {import('./texts.js').Texts} Texts */
/** @typedef {import('./types.js').Conversation} Conversation */
/** @typedef {import('./types.js').Line} Line */
/** @typedef {import('./types.js').DecisionLine} DecisionLine */

/**
 * A decision's reason split in two: the code the page knows, in words, and the matcher's own
 * explanation, which is English text from the engine ("low-confidence: best score 0.31 …").
 * @param {string} reason
 * @param {Texts} t
 * @returns {{ words?: string, explanation?: string }}
 */
export function readableReason(reason, t) {
  const [code = '', ...rest] = reason.split(': ');
  const known = /** @type {Record<string, string>} */ (t.reasons)[code];
  if (!known) return { explanation: reason };
  const explanation = rest.join(': ');
  return explanation ? { words: known, explanation } : { words: known };
}

/**
 * The engine's explanation, folded away and marked as English on a page in another language.
 * @param {string} explanation
 * @param {Texts} t
 * @returns {HTMLDetailsElement}
 */
function engineDetail(explanation, t) {
  const details = el('details', 'engine');
  const text = el('p', '', explanation);
  text.lang = 'en';
  details.append(el('summary', '', t.engineDetail), text);
  return details;
}

/**
 * @param {DecisionLine} line
 * @param {Texts} t
 * @returns {HTMLLIElement}
 */
function decision(line, t) {
  const li = el('li', `line decision decision-${line.decision}`);
  li.append(el('span', 'who', `${t.decisionTitle} · ${time(line.at, t.lang)}`));
  const what = [t.decisions[line.decision]];
  if (line.decision !== 'handoff' || line.entryId)
    what.push(line.entryId ? t.entry(line.entryId) : t.noEntry);
  if (line.confidence !== undefined) what.push(`— ${t.confidence(percent(line.confidence))}`);
  li.append(el('p', 'what', what.join(' ')));
  const reason = line.reason ? readableReason(line.reason, t) : {};
  if (reason.words) li.append(el('p', 'why', `${t.reasonLabel} ${reason.words}`));
  if (reason.explanation) li.append(engineDetail(reason.explanation, t));
  const others = (line.candidates ?? []).filter((c) => c.id !== line.entryId);
  if (others.length > 0)
    li.append(
      el(
        'p',
        'candidates',
        `${t.candidates} ${others.map((c) => t.candidate(c.id, percent(c.score))).join(', ')}`,
      ),
    );
  return li;
}

/**
 * @param {Line} line
 * @param {Texts} t
 * @returns {HTMLLIElement}
 */
function lineItem(line, t) {
  const at = time(line.at, t.lang);
  switch (line.kind) {
    case 'message': {
      const who =
        line.from === 'customer'
          ? t.customer
          : line.from === 'agent'
            ? t.agentSays(line.agentId ?? '?')
            : line.agentId
              ? t.botForAgent(line.agentId)
              : t.bot;
      const li = el('li', `line message ${line.from}`);
      li.append(el('span', 'who', `${who} · ${at}`), el('p', 'text', line.text));
      return li;
    }
    case 'decision':
      return decision(line, t);
    case 'note': {
      const li = el('li', 'line note');
      li.append(el('span', 'who', `${t.internalNote(line.agentId)} · ${at}`), el('p', 'text', line.text));
      if (line.mentions && line.mentions.length > 0)
        li.append(el('p', 'mentions', t.mentions(line.mentions)));
      return li;
    }
    case 'event': {
      const label = /** @type {Record<string, string>} */ (t.events)[line.event] ?? line.event;
      const li = el('li', `line event event-${line.event}`);
      // A queue step names its agent; a console line carries its own words.
      const detail = line.text ? (line.event === 'system' ? line.text : t.byAgent(line.text)) : '';
      li.append(el('span', 'who', at), el('span', 'text', detail ? `${label} — ${detail}` : label));
      return li;
    }
  }
}

/**
 * @param {HTMLElement} facts a <dl>
 * @param {HTMLOListElement} list
 * @param {Conversation} conversation
 * @param {Texts} t
 */
export function renderConversation(facts, list, conversation, t) {
  /** @type {[string, string][]} */
  const rows = [
    [t.state, t.states[conversation.state]],
    [t.convLanguage, t.languages[conversation.language]],
    [t.startedAt, dateTime(conversation.startedAt, t.lang)],
  ];
  if (conversation.closedAt !== undefined) rows.push([t.closedAt, dateTime(conversation.closedAt, t.lang)]);
  if (conversation.queue) rows.push([t.queue, t.queues[conversation.queue]]);
  if (conversation.path) rows.push([t.path, t.paths[conversation.path]]);
  if (conversation.agents.length > 0) rows.push([t.agents, conversation.agents.join(', ')]);
  if (conversation.ces !== undefined) rows.push([t.ces, String(conversation.ces)]);
  if (conversation.channel) rows.push([t.channel, conversation.channel]);
  facts.replaceChildren(
    ...rows.flatMap(([term, value]) => {
      const div = el('div', 'fact');
      div.append(el('dt', undefined, term), el('dd', undefined, value));
      return [div];
    }),
  );
  list.replaceChildren(...conversation.lines.map((line) => lineItem(line, t)));
}
