import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../redis/client';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../knowledge-base/index';
import {
  CES_POINTS,
  HISTORY_PATHS,
  HISTORY_QUEUES,
  HISTORY_STATES,
  indexed,
  storedLine,
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
import { APPEND_SCRIPT, ERASE_SCRIPT, SEARCH_SCRIPT } from './history-scripts';
import type { HistoryKeys } from '../../keyspace/index';
import { facetKeys } from './memory-history-store';
import { queryTerms, termsOf } from './search-terms';

/** Every value of every enumerated facet: an append may move a conversation out of any of them. */
const ENUMERATED: readonly string[] = [
  ...HISTORY_STATES.map((v) => `state:${v}`),
  ...LOCALES.map((v) => `language:${v}`),
  ...HISTORY_QUEUES.map((v) => `queue:${v}`),
  ...HISTORY_PATHS.map((v) => `path:${v}`),
  ...CES_POINTS.map((v) => `ces:${v}`),
];

const summarySchema = z.object({
  id: z.string(),
  startedAt: z.coerce.number(),
  lastAt: z.coerce.number(),
  closedAt: z.coerce.number().optional(),
  state: z.enum(HISTORY_STATES),
  language: z.enum(LOCALES),
  queue: z.enum(HISTORY_QUEUES).optional(),
  path: z.enum(HISTORY_PATHS).optional(),
  ces: z.coerce.number().int().min(1).max(5).optional(),
  agents: z.string().default(''),
  channel: z.string().optional(),
  title: z.string().default(''),
  lineCount: z.coerce.number().default(0),
});

export interface RedisHistoryOptions {
  readonly keys: HistoryKeys;
  /** How long a conversation's own keys live after its last line (the retention period). */
  readonly ttlSeconds: number;
  readonly defaultLocale: Locale;
}

/**
 * The history in Redis: an inverted index of its own (one set of conversation numbers per term and
 * per facet value, one sorted set of every conversation by start time), kept by one script per
 * append and per erasure; a search is one script of SUNIONSTORE/ZINTERSTORE on scratch keys it
 * deletes before returning. Nothing is scanned.
 */
export class RedisHistoryStore implements HistoryStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisHistoryOptions,
  ) {}

  async append(
    conversationId: string,
    lines: readonly NewHistoryLine[],
    facts: HistoryFacts = {},
  ): Promise<void> {
    const { keys } = this.options;
    const words = lines.filter(indexed);
    const language =
      facts.language ??
      (words.length > 0 ? await this.languageOf(conversationId) : undefined) ??
      this.options.defaultLocale;
    const terms = [...new Set(words.flatMap((line) => termsOf(line.text, language)))];
    const facets = [...ENUMERATED, ...(facts.agentId ? [`agent:${facts.agentId}`] : [])];
    const first = lines[0];
    const title = lines.find((l) => l.kind === 'message' && l.from === 'customer');
    const encoded: Record<string, string> = {
      defaultLanguage: language,
      ...stringFacts(facts),
      ...(first ? { startedAt: String(first.at), lastAt: String(Math.max(...lines.map((l) => l.at))) } : {}),
      ...(title?.kind === 'message' ? { title: title.text.slice(0, TITLE_LENGTH) } : {}),
    };
    const outcome = await this.redis.eval(
      APPEND_SCRIPT,
      6 + facets.length + terms.length,
      keys.ids,
      keys.names,
      keys.seq,
      keys.all,
      keys.conversation(conversationId),
      keys.terms(conversationId),
      ...facets.map((name) => facetKey(keys, name)),
      ...terms.map((term) => keys.term(term)),
      conversationId,
      String(this.options.ttlSeconds),
      JSON.stringify(encoded),
      String(facets.length),
      ...facets,
      String(lines.length),
      ...terms,
    );
    if (outcome === -1 || lines.length === 0) return;
    // The lines go to the conversation's own slot, after its index: a crash in between loses this
    // append's lines, as a failed history write does (the record is best effort, never the chat).
    const linesKey = keys.lines(conversationId);
    await this.redis
      .multi()
      .rpush(linesKey, ...lines.map((line) => JSON.stringify(line)))
      .expire(linesKey, this.options.ttlSeconds)
      .exec();
  }

  async note(conversationId: string, facts: HistoryFacts): Promise<boolean> {
    const { keys } = this.options;
    const facets = [...ENUMERATED, ...(facts.agentId ? [`agent:${facts.agentId}`] : [])];
    const created = await this.redis.eval(
      APPEND_SCRIPT,
      6 + facets.length,
      keys.ids,
      keys.names,
      keys.seq,
      keys.all,
      keys.conversation(conversationId),
      keys.terms(conversationId),
      ...facets.map((name) => facetKey(keys, name)),
      conversationId,
      String(this.options.ttlSeconds),
      JSON.stringify(stringFacts(facts)),
      String(facets.length),
      ...facets,
      '0',
    );
    return created !== -1;
  }

  async search(query: HistoryQuery): Promise<HistoryPage> {
    const { keys } = this.options;
    const groups: string[][] = [];
    const scope = query.language ? [query.language] : [...new Set(query.languages)];
    // A scope of every language needs no set: every conversation has one of them.
    if (LOCALES.some((l) => !scope.includes(l))) groups.push(scope.map((l) => keys.facet('language', l)));
    if (query.text)
      for (const group of queryTerms(query.text, query.languages))
        groups.push(group.map((t) => keys.term(t)));
    for (const name of facetKeys(query)) groups.push([facetKey(keys, name)]);
    const nonce = randomUUID();
    const scratch = groups.map((_, i) => keys.scratch(nonce, i + 1));
    const inputs = groups.flat();
    const reply = (await this.redis.eval(
      SEARCH_SCRIPT,
      2 + scratch.length + inputs.length,
      keys.all,
      keys.scratch(nonce, 0),
      ...scratch,
      ...inputs,
      String(query.from ?? '-inf'),
      query.to === undefined ? '+inf' : String(query.to),
      String(query.offset),
      String(query.limit),
      String(groups.length),
      ...groups.map((g) => String(g.length)),
    )) as (string | number)[];
    const total = Number(reply[0] ?? 0);
    const numbers: string[] = [];
    for (let i = 1; i < reply.length; i += 2) numbers.push(String(reply[i]));
    const items = await this.summaries(numbers);
    const next = query.offset + numbers.length;
    return { items, total, ...(next < total ? { nextOffset: next } : {}) };
  }

  async get(conversationId: string): Promise<HistoryConversation | undefined> {
    const { keys } = this.options;
    // Two slots (the summary with the index, the lines in the conversation's own): two reads.
    const [fields, raw] = await Promise.all([
      this.redis.hgetall(keys.conversation(conversationId)),
      this.redis.lrange(keys.lines(conversationId), 0, -1),
    ]);
    const summary = toSummary(fields);
    if (!summary) return undefined;
    // Two appends racing (a customer's turn, an agent's send) may push in either order: by time.
    const lines = raw
      .map((json) => JSON.parse(json) as NewHistoryLine)
      .sort((a, b) => a.at - b.at)
      .map((line, i): HistoryLine => storedLine(line, i + 1));
    return { ...summary, lines };
  }

  async erase(conversationId: string): Promise<number> {
    const { keys } = this.options;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [terms, agents] = await Promise.all([
        this.redis.smembers(keys.terms(conversationId)),
        this.redis.hget(keys.conversation(conversationId), 'agents'),
      ]);
      const agentList = (agents ?? '').split(' ').filter(Boolean);
      const sets = [
        ...terms.map((t) => keys.term(t)),
        ...ENUMERATED.map((name) => facetKey(keys, name)),
        ...agentList.map((a) => keys.facet('agent', a)),
      ];
      const erased = Number(
        await this.redis.eval(
          ERASE_SCRIPT,
          5 + sets.length,
          keys.ids,
          keys.names,
          keys.all,
          keys.conversation(conversationId),
          keys.terms(conversationId),
          ...sets,
          conversationId,
          String(terms.length),
          agents ?? '',
        ),
      );
      if (erased < 0) continue;
      const [[, count] = []] =
        (await this.redis.multi().llen(keys.lines(conversationId)).del(keys.lines(conversationId)).exec()) ??
        [];
      return Number(count ?? 0);
    }
    throw new Error(`history erase of ${conversationId} kept racing with appends`);
  }

  private async languageOf(conversationId: string): Promise<Locale | undefined> {
    const stored = await this.redis.hget(this.options.keys.conversation(conversationId), 'language');
    return LOCALES.find((l) => l === stored);
  }

  private async summaries(numbers: readonly string[]): Promise<HistorySummary[]> {
    if (numbers.length === 0) return [];
    const { keys } = this.options;
    const ids = await this.redis.hmget(keys.names, ...numbers);
    const pipeline = this.redis.pipeline();
    for (const id of ids) if (id !== null) pipeline.hgetall(keys.conversation(id));
    const replies = (await pipeline.exec()) ?? [];
    // A conversation whose keys expired (past the retention) drops out of the page.
    return replies.map(([, fields]) => toSummary(fields)).filter((s): s is HistorySummary => s !== undefined);
  }
}

function facetKey(keys: HistoryKeys, name: string): string {
  const colon = name.indexOf(':');
  return keys.facet(name.slice(0, colon), name.slice(colon + 1));
}

function stringFacts(facts: HistoryFacts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(facts))
    if (value !== undefined) out[field] = String(value as string | number);
  return out;
}

function toSummary(fields: unknown): HistorySummary | undefined {
  const parsed = summarySchema.safeParse(fields);
  if (!parsed.success) return undefined;
  const { id, agents, ...rest } = parsed.data;
  const summary: Record<string, unknown> = {
    conversationId: id,
    ...rest,
    agents: agents.split(' ').filter(Boolean),
  };
  for (const key of Object.keys(summary)) if (summary[key] === undefined) delete summary[key];
  return summary as unknown as HistorySummary;
}
