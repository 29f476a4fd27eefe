import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { foldWords, type Locale } from '../../knowledge-base/index';
import type { HistoryQuery, HistoryStore } from '../../bot/history/history-store';
import { historyKeys } from '../../keyspace/index';
import { MemoryHistoryStore } from '../../bot/history/memory-history-store';
import { RedisHistoryStore } from '../../bot/history/redis-history-store';
import { STOP_WORDS } from '../../knowledge-base/stopwords';
import { startRedisServer } from '../../tests/support/redis-server';
import { table } from '../support/table';
import { generateConversation, loadMaterial, seeded, type GeneratedConversation } from './generate';

/*
 * npm run bench:history [conversations] — generates realistic conversations (default 100,000),
 * loads them into the memory and the Redis history stores the way the server writes them (one
 * append per conversation, pipelined), then times five kinds of search against each. The last
 * line is one JSON object.
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const COUNT = Number(process.argv[2] ?? process.env.HISTORY_BENCH_CONVERSATIONS ?? 100_000);
const SEARCHES_PER_KIND = 200;
const LOAD_CONCURRENCY = 256;
const END = Date.parse('2026-12-01T00:00:00Z');
const KINDS = ['single term', 'two terms', 'term + facets', 'facets only', 'page 5'] as const;
type Kind = (typeof KINDS)[number];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Words a customer would search for: from the customer messages, not stop words, 4+ letters. */
function searchWords(conversations: readonly GeneratedConversation[], random: () => number): string[][] {
  const sentences: string[][] = [];
  for (let i = 0; sentences.length < 2_000 && i < conversations.length * 4; i += 1) {
    const c = conversations[Math.floor(random() * conversations.length)];
    const line = c?.lines.find((l) => l.kind === 'message' && l.from === 'customer' && random() < 0.5);
    if (line?.kind !== 'message') continue;
    const locale = c?.facts.language ?? 'fr';
    const words = foldWords(line.text, locale).filter(
      (w) => w.length >= 4 && !STOP_WORDS[locale as Locale].has(w),
    );
    if (words.length >= 2) sentences.push(words);
  }
  return sentences;
}

function queries(sentences: readonly string[][], random: () => number): Record<Kind, HistoryQuery[]> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const base = { languages: ['fr', 'en'] as Locale[], offset: 0, limit: 20 };
  const out = {} as Record<Kind, HistoryQuery[]>;
  for (const kind of KINDS) out[kind] = [];
  for (let i = 0; i < SEARCHES_PER_KIND; i += 1) {
    const words = pick(sentences);
    const one = pick(words);
    const two = words.filter((w) => w !== one);
    out['single term'].push({ ...base, text: one });
    out['two terms'].push({ ...base, text: `${one} ${pick(two.length ? two : words)}` });
    out['term + facets'].push({
      ...base,
      text: one,
      state: random() < 0.5 ? 'resolved' : 'closed',
      ...(random() < 0.5 ? { path: 'escalated' } : { queue: 'standard' }),
    });
    out['facets only'].push({
      ...base,
      state: 'resolved',
      ...(random() < 0.5
        ? { ces: (1 + Math.floor(random() * 5)) as 1 }
        : { agentId: pick(['alice', 'bruno', 'emma']) }),
      ...(random() < 0.5 ? { language: random() < 0.5 ? 'fr' : 'en' } : {}),
    });
    out['page 5'].push({ ...base, text: one, offset: 80 });
  }
  return out;
}

interface KindFigures {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly meanHits: number;
}

async function timeSearches(
  store: HistoryStore,
  all: Record<Kind, HistoryQuery[]>,
): Promise<Record<Kind, KindFigures>> {
  const out = {} as Record<Kind, KindFigures>;
  // Once untimed: the query words' stems are cached (the English lemmatiser is slow cold).
  for (const kind of KINDS) for (const query of all[kind]) await store.search(query);
  for (const kind of KINDS) {
    const times: number[] = [];
    let hits = 0;
    for (const query of all[kind]) {
      const start = performance.now();
      const page = await store.search(query);
      times.push(performance.now() - start);
      hits += page.total;
    }
    times.sort((a, b) => a - b);
    out[kind] = {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      meanHits: Math.round(hits / all[kind].length),
    };
  }
  return out;
}

async function load(store: HistoryStore, conversations: readonly GeneratedConversation[]): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const c = conversations[next];
      next += 1;
      if (!c) return;
      await store.append(c.id, c.lines, c.facts);
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
  return (performance.now() - start) / 1000;
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function main(): Promise<void> {
  const material = await loadMaterial(ROOT);
  const random = seeded(16);
  const started = performance.now();
  const conversations = Array.from({ length: COUNT }, (_, i) =>
    generateConversation(i, COUNT, END, material, random),
  );
  const lineCount = conversations.reduce((n, c) => n + c.lines.length, 0);
  const generateS = (performance.now() - started) / 1000;
  console.log(
    `${COUNT} conversations, ${lineCount} lines (${(lineCount / COUNT).toFixed(1)} per conversation), generated in ${generateS.toFixed(1)} s`,
  );
  const all = queries(searchWords(conversations, random), random);

  const memory = new MemoryHistoryStore('fr');
  const memoryLoadS = await load(memory, conversations);
  console.log(`memory store: loaded in ${memoryLoadS.toFixed(1)} s`);
  const memoryFigures = await timeSearches(memory, all);

  const server = await startRedisServer({ durable: false });
  const redis = new Redis(server.url);
  let redisFigures: Record<Kind, KindFigures>;
  let redisLoadS: number;
  let redisBytes: number;
  let linesBytes = 0;
  try {
    const before = await usedMemory(redis);
    const keys = historyKeys('bench');
    const store = new RedisHistoryStore(redis, { keys, ttlSeconds: 365 * 24 * 3600, defaultLocale: 'fr' });
    redisLoadS = await load(store, conversations);
    redisBytes = (await usedMemory(redis)) - before;
    // The lines themselves (lists of JSON) against the index: sampled with MEMORY USAGE.
    const sample = conversations.filter((_, i) => i % 500 === 0);
    for (const c of sample) linesBytes += Number((await redis.memory('USAGE', keys.lines(c.id))) ?? 0);
    linesBytes = (linesBytes / sample.length) * COUNT;
    console.log(`Redis store: loaded in ${redisLoadS.toFixed(1)} s, ${(redisBytes / 1e6).toFixed(0)} MB`);
    redisFigures = await timeSearches(store, all);
  } finally {
    await redis.quit();
    await server.stop();
  }

  const rows: (string | number)[][] = [['query', 'store', 'p50 ms', 'p95 ms', 'p99 ms', 'mean hits']];
  for (const kind of KINDS)
    for (const [name, figures] of [
      ['memory', memoryFigures],
      ['Redis', redisFigures],
    ] as const) {
      const f = figures[kind];
      rows.push([kind, name, f.p50, f.p95, f.p99, f.meanHits]);
    }
  console.log('');
  console.log(table(rows));
  const worst = (figures: Record<Kind, KindFigures>): number => Math.max(...KINDS.map((k) => figures[k].p95));
  const per100k = (bytes: number): number => Math.round((bytes / 1e6) * (100_000 / COUNT));
  console.log('');
  console.log(
    `Redis memory: ${per100k(redisBytes)} MB per 100,000 conversations (lines ≈ ${per100k(linesBytes)} MB, index and summaries the rest)`,
  );
  const round = (n: number): number => Math.round(n * 100) / 100;
  console.log(
    JSON.stringify({
      conversations: COUNT,
      lines: lineCount,
      searches_per_kind: SEARCHES_PER_KIND,
      search_p95_ms_memory: round(worst(memoryFigures)),
      search_p95_ms_redis: round(worst(redisFigures)),
      ...Object.fromEntries(
        KINDS.flatMap((k) => {
          const key = k.replace(/[^a-z0-9]+/g, '_');
          return [
            [`${key}_p95_ms_memory`, round(memoryFigures[k].p95)],
            [`${key}_p95_ms_redis`, round(redisFigures[k].p95)],
          ];
        }),
      ),
      index_build_s_memory: round(memoryLoadS),
      index_build_s_redis: round(redisLoadS),
      redis_memory_mb: round(redisBytes / 1e6),
      redis_memory_mb_per_100k_conversations: per100k(redisBytes),
      redis_lines_memory_mb_per_100k_conversations: per100k(linesBytes),
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
