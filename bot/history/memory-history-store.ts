import { LOCALES, type Locale } from '../../knowledge-base/index';
import {
  indexed,
  TITLE_LENGTH,
  type HistoryConversation,
  type HistoryFacts,
  type HistoryLine,
  type HistoryPage,
  type HistoryQuery,
  type HistoryStore,
  type HistorySummary,
  type NewHistoryLine,
} from './history-store';
import { queryTerms, termsOf } from './search-terms';

interface Stored {
  summary: Mutable<HistorySummary>;
  lines: HistoryLine[];
  terms: Set<string>;
}
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The history inside the server's process: the same indexes as Redis, as maps of sets. */
export class MemoryHistoryStore implements HistoryStore {
  private readonly conversations = new Map<string, Stored>();
  /** term → conversation ids; `facet:value` → conversation ids. */
  private readonly postings = new Map<string, Set<string>>();

  constructor(private readonly defaultLocale: Locale = 'fr') {}

  async append(
    conversationId: string,
    lines: readonly NewHistoryLine[],
    facts: HistoryFacts = {},
  ): Promise<void> {
    const first = lines[0];
    let stored = this.conversations.get(conversationId);
    if (!stored) {
      if (!first) return;
      const language = facts.language ?? this.defaultLocale;
      stored = {
        summary: {
          conversationId,
          startedAt: first.at,
          lastAt: first.at,
          state: 'bot',
          // Bot-only until an escalation or the closing says otherwise: a customer who just leaves
          // never closes the conversation, and the filter must still find it.
          path: 'bot-only',
          language,
          agents: [],
          title: '',
          lineCount: 0,
        },
        lines: [],
        terms: new Set(),
      };
      this.conversations.set(conversationId, stored);
      this.post(`state:bot`, conversationId);
      this.post(`path:bot-only`, conversationId);
      this.post(`language:${language}`, conversationId);
    }
    this.apply(stored, facts);
    for (const line of lines) {
      stored.lines.push({ ...line, seq: stored.lines.length + 1 });
      stored.summary.lastAt = Math.max(stored.summary.lastAt, line.at);
      if (line.kind === 'message' && line.from === 'customer' && stored.summary.title === '')
        stored.summary.title = line.text.slice(0, TITLE_LENGTH);
      if (!indexed(line)) continue;
      for (const term of termsOf(line.text, stored.summary.language)) {
        stored.terms.add(term);
        this.post(`term:${term}`, conversationId);
      }
    }
    stored.summary.lineCount = stored.lines.length;
  }

  async note(conversationId: string, facts: HistoryFacts): Promise<boolean> {
    const stored = this.conversations.get(conversationId);
    if (!stored) return false;
    this.apply(stored, facts);
    return true;
  }

  async search(query: HistoryQuery): Promise<HistoryPage> {
    const required: ReadonlySet<string>[] = [];
    const union = (keys: readonly string[]): ReadonlySet<string> => {
      const sets = keys.map((key) => this.postings.get(key)).filter((set) => set !== undefined);
      // One set is read in place: a copy of a common term's postings would cost more than the search.
      if (sets.length <= 1) return sets[0] ?? new Set();
      const out = new Set<string>();
      for (const set of sets) for (const id of set) out.add(id);
      return out;
    };
    const scope = query.language ? [query.language] : query.languages;
    // A scope of every language needs no set: every conversation has one of them.
    if (LOCALES.some((l) => !scope.includes(l))) required.push(union(scope.map((l) => `language:${l}`)));
    if (query.text)
      for (const group of queryTerms(query.text, query.languages))
        required.push(union(group.map((t) => `term:${t}`)));
    for (const facet of facetKeys(query)) required.push(this.postings.get(facet) ?? new Set());
    required.sort((a, b) => a.size - b.size);
    const [smallest, ...others] = required;
    const candidates: Iterable<string> = smallest ?? this.conversations.keys();
    const from = query.from ?? -Infinity;
    const to = query.to ?? Infinity;
    const found: HistorySummary[] = [];
    for (const id of candidates) {
      if (!others.every((set) => set.has(id))) continue;
      const summary = this.conversations.get(id)?.summary;
      if (summary && summary.startedAt >= from && summary.startedAt < to) found.push(summary);
    }
    found.sort(newestFirst);
    const items = found.slice(query.offset, query.offset + query.limit).map(copySummary);
    const next = query.offset + items.length;
    return { items, total: found.length, ...(next < found.length ? { nextOffset: next } : {}) };
  }

  async get(conversationId: string): Promise<HistoryConversation | undefined> {
    const stored = this.conversations.get(conversationId);
    if (!stored) return undefined;
    return { ...copySummary(stored.summary), lines: stored.lines.map((l) => ({ ...l })) };
  }

  async erase(conversationId: string): Promise<number> {
    const stored = this.conversations.get(conversationId);
    if (!stored) return 0;
    for (const term of stored.terms) this.unpost(`term:${term}`, conversationId);
    for (const key of summaryFacetKeys(stored.summary)) this.unpost(key, conversationId);
    this.conversations.delete(conversationId);
    return stored.lines.length;
  }

  private apply(stored: Stored, facts: HistoryFacts): void {
    const s = stored.summary;
    const id = s.conversationId;
    const swap = <K extends 'state' | 'language' | 'queue' | 'path' | 'ces'>(field: K): void => {
      const value = facts[field];
      if (value === undefined || value === s[field]) return;
      if (s[field] !== undefined) this.unpost(`${field}:${String(s[field])}`, id);
      (s as Record<K, unknown>)[field] = value;
      this.post(`${field}:${String(value)}`, id);
    };
    swap('state');
    swap('language');
    swap('queue');
    swap('path');
    swap('ces');
    if (facts.agentId && !s.agents.includes(facts.agentId)) {
      s.agents = [...s.agents, facts.agentId];
      this.post(`agent:${facts.agentId}`, id);
    }
    if (facts.closedAt !== undefined) s.closedAt = facts.closedAt;
    if (facts.channel !== undefined) s.channel = facts.channel;
  }

  private post(key: string, id: string): void {
    const set = this.postings.get(key) ?? new Set<string>();
    this.postings.set(key, set);
    set.add(id);
  }

  private unpost(key: string, id: string): void {
    const set = this.postings.get(key);
    if (!set) return;
    set.delete(id);
    if (set.size === 0) this.postings.delete(key);
  }
}

/** The facet keys a query requires (besides language and text). */
export function facetKeys(query: HistoryQuery): string[] {
  const keys: string[] = [];
  if (query.state) keys.push(`state:${query.state}`);
  if (query.queue) keys.push(`queue:${query.queue}`);
  if (query.path) keys.push(`path:${query.path}`);
  if (query.ces !== undefined) keys.push(`ces:${query.ces}`);
  if (query.agentId) keys.push(`agent:${query.agentId}`);
  return keys;
}

function summaryFacetKeys(s: HistorySummary): string[] {
  return [
    `state:${s.state}`,
    `language:${s.language}`,
    ...(s.queue ? [`queue:${s.queue}`] : []),
    ...(s.path ? [`path:${s.path}`] : []),
    ...(s.ces !== undefined ? [`ces:${s.ces}`] : []),
    ...s.agents.map((a) => `agent:${a}`),
  ];
}

export function newestFirst(a: HistorySummary, b: HistorySummary): number {
  if (a.startedAt !== b.startedAt) return b.startedAt - a.startedAt;
  return a.conversationId < b.conversationId ? 1 : a.conversationId > b.conversationId ? -1 : 0;
}

const copySummary = (s: HistorySummary): HistorySummary => ({ ...s, agents: [...s.agents] });
