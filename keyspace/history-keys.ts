import { deploymentTag, spreadTag } from './slots';

/**
 * Every Redis key of the conversation history. The index is in the deployment slot: a search
 * intersects several index keys in one script, and an append indexes a conversation's summary,
 * terms and facets in one script, so on a Redis Cluster they must share a slot. The lines, the
 * bulk, live in the conversation's own slot, pushed after the index script.
 */
export interface HistoryKeys {
  /** Hash conversation id → its number (index sets hold numbers: smaller than ids). */
  readonly ids: string;
  /** Hash number → conversation id. */
  readonly names: string;
  /** Counter numbering conversations. */
  readonly seq: string;
  /** Sorted set number → startedAt (ms): every conversation, newest-first order of every search. */
  readonly all: string;
  /** Hash of one conversation's summary fields. */
  conversation(conversationId: string): string;
  /** List of one conversation's lines (JSON), in order. */
  lines(conversationId: string): string;
  /** Set of the terms one conversation was indexed under (what an erasure removes it from). */
  terms(conversationId: string): string;
  /** Sorted set (score: start time) of the numbers of the conversations whose customer or agent wrote this term. */
  term(term: string): string;
  /** Sorted set (score: start time) of the numbers of the conversations with this facet value (`state`, `bot`). */
  facet(name: string, value: string): string;
  /** Scratch key of one search (created and deleted inside its script). */
  scratch(nonce: string, index: number): string;
}

export function historyKeys(prefix: string): HistoryKeys {
  const base = `${deploymentTag(prefix)}:history`;
  return {
    ids: `${base}:ids`,
    names: `${base}:names`,
    seq: `${base}:seq`,
    all: `${base}:all`,
    conversation: (id) => `${base}:conv:${id}`,
    lines: (id) => `${spreadTag(prefix, 'c', id)}:history:lines`,
    terms: (id) => `${base}:terms:${id}`,
    term: (term) => `${base}:term:${term}`,
    facet: (name, value) => `${base}:f:${name}:${value}`,
    scratch: (nonce, index) => `${base}:tmp:${nonce}:${index}`,
  };
}
