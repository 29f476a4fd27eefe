import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { listedEntries } from '../../bot/help/catalogue';
import { HELP_ROOTS } from '../../bot/help/languages';
import type { Locale } from '../../knowledge-base/index';
import { table } from '../support/table';
import { startBenchServer } from './app';
import { demoFiles, generateKb, originalId } from './generate-kb';
import { hitRates, interleave, type TypedQuery } from './hits';
import { lexicalSuggestions, listedIds } from './lexical';
import { MAX_TYPED, typeQueries, type Keystroke } from './type-queries';

/*
 * npm run bench:search — the help center's search as you type, in headless Chromium: every
 * in-scope demo query (tests/fixtures/demo-{fr,en}-queries.jsonl) typed prefix by prefix into the
 * search box of /aide and /help, with the demo KB and with a generated 2,000-entry KB (per
 * language). Per keystroke: the time from the input event to the suggestions laid out (p50/p95)
 * and the first-three hit rate; with the demo KB, the same prefixes through the chat's lexical
 * matcher (what a lexical-only server endpoint would answer) alone and interleaved with fuse.js.
 * The last line is one JSON object.
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const GENERATED_SIZE = 2000;

interface Query {
  readonly text: string;
  readonly expected: string;
}

function inScopeQueries(locale: Locale): Query[] {
  const file = resolve(ROOT, 'tests', 'fixtures', `demo-${locale}-queries.jsonl`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; expected: string | null })
    .flatMap((q) => (q.expected ? [{ text: q.text, expected: q.expected }] : []));
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

interface KbRun {
  readonly name: string;
  readonly entries: Record<Locale, number>;
  readonly keystrokes: Record<Locale, Keystroke[][]>;
  readonly queries: Record<Locale, Query[]>;
  readonly lexical?: Record<Locale, { ids: string[]; ms: number }[][]>;
}

async function runKb(name: string, files: string[], withLexical: boolean): Promise<KbRun> {
  const server = await startBenchServer(files);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const run = {
      name,
      entries: {},
      keystrokes: {},
      queries: {},
      ...(withLexical ? { lexical: {} } : {}),
    } as {
      -readonly [K in keyof KbRun]: KbRun[K];
    };
    for (const locale of ['fr', 'en'] as const) {
      const queries = inScopeQueries(locale);
      const listed = listedEntries(server.reloader.holder, locale);
      run.entries[locale] = listed.length;
      run.queries[locale] = queries;
      const page = await browser.newPage();
      await page.goto(`${server.url}${HELP_ROOTS[locale]}`);
      // A warm-up query first: the first keystrokes would otherwise time V8's compilation.
      await typeQueries(page, ['warm up the search box']);
      run.keystrokes[locale] = await typeQueries(
        page,
        queries.map((q) => q.text),
      );
      await page.close();
      if (run.lexical) {
        const ids = listedIds(listed);
        const all: { ids: string[]; ms: number }[][] = [];
        for (const q of queries) {
          const steps = [];
          for (let n = 1; n <= Math.min(q.text.length, MAX_TYPED); n += 1)
            steps.push(
              await lexicalSuggestions(server.reloader.holder.current, locale, ids, q.text.slice(0, n)),
            );
          all.push(steps);
        }
        run.lexical[locale] = all;
      }
    }
    return run;
  } finally {
    await browser.close();
    await server.app.close();
  }
}

function typed(
  run: KbRun,
  locale: Locale,
  pick: (fuse: Keystroke, lexical?: { ids: string[] }) => readonly string[],
): TypedQuery[] {
  return run.queries[locale].map((q, i) => ({
    expected: q.expected,
    shown: (run.keystrokes[locale][i] ?? []).map((k, j) => pick(k, run.lexical?.[locale][i]?.[j])),
  }));
}

async function main(): Promise<void> {
  const demo = await runKb('demo', demoFiles(ROOT), true);
  const generated = await runKb(`generated ${GENERATED_SIZE}`, await generateKb(ROOT, GENERATED_SIZE), false);

  const rows: (string | number)[][] = [
    [
      'KB',
      'lang',
      'entries listed',
      'queries',
      'keystrokes',
      'p50 ms',
      'p95 ms',
      'max ms',
      'first-3 while typing %',
      'first-3 at the end %',
      'chars to hit',
    ],
  ];
  const figures: Record<string, number> = {};
  for (const run of [demo, generated]) {
    const key = run === demo ? 'demo' : `kb${GENERATED_SIZE}`;
    const allMs: number[] = [];
    const allTyped: TypedQuery[] = [];
    for (const locale of ['fr', 'en'] as const) {
      const ms = run.keystrokes[locale].flat().map((k) => k.ms);
      allMs.push(...ms);
      const t = typed(run, locale, (k) => k.ids);
      allTyped.push(...t);
      const h = hitRates(t, originalId);
      rows.push([
        run.name,
        locale,
        run.entries[locale],
        t.length,
        ms.length,
        round(percentile(ms, 50), 2),
        round(percentile(ms, 95), 2),
        round(Math.max(...ms), 1),
        round(h.whileTyping),
        round(h.final),
        round(h.charsToHit),
      ]);
      figures[`${key}_${locale}_first3_hit_rate_pct`] = round(h.whileTyping);
    }
    const h = hitRates(allTyped, originalId);
    figures[`${key}_p50_ms`] = round(percentile(allMs, 50), 2);
    figures[`${key}_p95_ms`] = round(percentile(allMs, 95), 2);
    figures[`${key}_keystrokes`] = allMs.length;
    figures[`${key}_first3_hit_rate_pct`] = round(h.whileTyping);
    figures[`${key}_final_first3_hit_rate_pct`] = round(h.final);
  }
  console.log('Help center search as you type (fuse.js in the page), per keystroke\n');
  console.log(table(rows));

  // The strategies compared on the demo KB, over the same prefixes.
  const strategies: [string, string, (k: Keystroke, l?: { ids: string[] }) => readonly string[]][] = [
    ['fuse.js in the browser', 'fuse', (k) => k.ids],
    ['lexical matcher (server)', 'lexical', (_k, l) => l?.ids ?? []],
    ['fuse.js + lexical, interleaved', 'combined', (k, l) => interleave(k.ids, l?.ids ?? [])],
  ];
  const lexicalMs = (['fr', 'en'] as const).flatMap((l) => (demo.lexical?.[l] ?? []).flat().map((s) => s.ms));
  const compare: (string | number)[][] = [
    [
      'strategy (demo KB)',
      'FR while typing %',
      'EN while typing %',
      'both while typing %',
      'both at the end %',
    ],
  ];
  for (const [label, key, pick] of strategies) {
    const fr = typed(demo, 'fr', pick);
    const en = typed(demo, 'en', pick);
    const both = hitRates([...fr, ...en]);
    compare.push([
      label,
      round(hitRates(fr).whileTyping),
      round(hitRates(en).whileTyping),
      round(both.whileTyping),
      round(both.final),
    ]);
    figures[`demo_${key}_first3_hit_rate_pct`] = round(both.whileTyping);
    figures[`demo_${key}_final_first3_hit_rate_pct`] = round(both.final);
  }
  figures.demo_lexical_p95_ms_without_http = round(percentile(lexicalMs, 95), 2);
  console.log(
    '\nFirst-three hit rate by strategy, demo KB, same prefixes (lexical: the chat matcher, encoder off)\n',
  );
  console.log(table(compare));
  console.log(
    `\nlexical matcher per prefix in Node (no HTTP): p95 ${figures.demo_lexical_p95_ms_without_http} ms; target per keystroke in the page: p95 <= 50 ms`,
  );
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
