/**
 * The encoder as the matcher uses it, in a process of its own: loadEncoder (worker thread, batching,
 * fast path from the warm piece table), one live query at a time, batches of 64, the fast path.
 * Usage: node measure-encoder.js <input.json>
 */
import { readFileSync } from 'node:fs';
import { loadEncoder } from '../../knowledge-base/encoder';
import { median, msSince, percentile, rssMb, type BenchInput, type RuntimeFigures } from './timing';

async function main(): Promise<void> {
  const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as BenchInput;
  const start = process.hrtime.bigint();
  const { encoder } = await loadEncoder({
    mode: 'on',
    cacheDir: input.cacheDir,
    onFastPathProgress: (done, total) =>
      process.stderr.write(`[bench:encoder] piece table ${done}/${total}\n`),
  });
  const loadMs = msSince(start);
  const live = encoder!;
  const probe = Array.from((await live.embed([input.texts[0]!], 'background'))[0]!.subarray(0, 8));
  for (let i = 0; i < 5; i++) await live.embed([input.texts[i]!], 'background');
  // Distinct texts, live priority: every query is a real pass (no LRU hit), as the matcher's bench asks.
  const singles: number[] = [];
  for (let i = 0; i < input.single; i++) {
    const t = process.hrtime.bigint();
    await live.embed([input.texts[i]!]);
    singles.push(msSince(t));
  }
  const perSentence: number[] = [];
  for (let b = 0; b < input.batches; b++) {
    const t = process.hrtime.bigint();
    await live.embed(input.texts.slice(b * 64, (b + 1) * 64), 'background');
    perSentence.push(msSince(t) / 64);
  }
  const fast = live.fast!;
  for (let i = 0; i < 200; i++) fast(input.texts[i]!);
  const t = process.hrtime.bigint();
  const rounds = 2000;
  for (let i = 0; i < rounds; i++) fast(input.texts[i % input.texts.length]!);
  const fastUs = (msSince(t) * 1000) / rounds;
  const figures: RuntimeFigures = {
    runtime: 'WorkerEncoder (energetic, worker thread)',
    load_ms: Math.round(loadMs),
    single_p50_ms: median(singles),
    single_p99_ms: percentile(singles, 99),
    batch64_ms_per_sentence: median(perSentence),
    fast_path_us: fastUs,
    rss_mb: rssMb(),
    probe,
  };
  await live.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
