// @ts-check
// The agent event stream. EventSource cannot send a header, and the token must not go in a URL:
// this is the one small Server-Sent Events reader (fetch + a parser of `id:`, `event:`, `data:`).
import { authHeaders } from './api.js';

/**
 * @typedef {import('./types.js').Line} Line
 * @typedef {{ type: 'queued' | 'queue-changed' | 'reset' | 'ready' }
 *   | { type: 'customer-message', conversationId: string, line: Line }
 *   | { type: 'customer-typing', conversationId: string }
 *   | { type: 'transferred', conversationId: string }
 *   | { type: 'answer-timeout', conversationId: string }
 *   | { type: 'conversation-ended', conversationId: string, reason: string }
 *   | { type: 'note', conversationId: string, line: Line }
 *   | ({ type: 'mention' } & import('./types.js').MentionEvent)} AgentEvent
 */

/**
 * Splits a stream's text into events; keeps an unfinished block for the next chunk.
 * @param {string} buffer
 * @returns {{ events: { id?: string, type: string, data: string }[], rest: string }}
 */
export function parseSse(buffer) {
  const events = [];
  let rest = buffer;
  for (let end = rest.indexOf('\n\n'); end >= 0; end = rest.indexOf('\n\n')) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    /** @type {{ id?: string, type: string, data: string }} */
    const event = { type: 'message', data: '' };
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) event.id = line.slice(4);
      else if (line.startsWith('event: ')) event.type = line.slice(7);
      else if (line.startsWith('data: ')) event.data += line.slice(6);
    }
    if (event.data) events.push(event);
  }
  return { events, rest };
}

/**
 * Listens until `stop()`; reconnects after a drop with Last-Event-ID, so the server replays what
 * was missed (or sends `reset`).
 * @param {string} token
 * @param {(event: AgentEvent) => void} onEvent
 * @param {{ onUnauthorized: () => void, onReconnect: () => void }} hooks
 * @returns {{ stop: () => void, opened: Promise<void> }}
 */
export function listen(token, onEvent, hooks) {
  /** @type {string | null} */
  let lastEventId = null;
  let stopped = false;
  /** @type {AbortController} */
  let controller = new AbortController();
  /** @type {() => void} */
  let markOpened = () => {};
  const opened = new Promise((resolve) => (markOpened = () => resolve(undefined)));

  const connect = async () => {
    controller = new AbortController();
    try {
      /** @type {Record<string, string>} */
      const headers = authHeaders(token);
      if (lastEventId !== null) headers['last-event-id'] = lastEventId;
      const res = await fetch('/api/agent/events', { headers, signal: controller.signal });
      if (res.status === 401) return hooks.onUnauthorized();
      if (!res.body) throw new Error('no stream');
      markOpened();
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id !== undefined) lastEventId = event.id;
          const data = /** @type {Record<string, unknown>} */ (JSON.parse(event.data));
          onEvent(/** @type {AgentEvent} */ ({ ...data, type: event.type }));
        }
      }
    } catch {
      // Aborted (logout) or dropped: reconnect below unless stopped.
    }
    if (!stopped)
      setTimeout(() => {
        hooks.onReconnect();
        void connect();
      }, 2000);
  };
  void connect();
  return {
    opened,
    stop: () => {
      stopped = true;
      controller.abort();
    },
  };
}
