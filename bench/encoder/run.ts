/**
 * Encoder runtimes side by side, each in a process of its own: the energetic-ai runtime (kept), the
 * official @tensorflow/tfjs-converter + tfjs-backend-wasm on the same model.json when installed outside
 * the repo (RELAIS_TFJS_DIR, default /tmp/tfjs-spike/node_modules), and the WorkerEncoder path the
 * matcher uses. Prints a table, then one line of JSON for the kept path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_ENCODER_CACHE_DIR, findModelPackage } from '../../knowledge-base/encoder';
import { pieceTokenizer, readVocabulary } from '../../knowledge-base/encoder/tokenizer';
import { sharedDataFile } from '../support/shared-data';
import { table } from '../support/table';
import { median, type BenchInput, type RuntimeFigures } from './timing';

const SINGLE = 200;
const BATCHES = 8;
/** Rounds per runtime, interleaved, medians reported: the machine is shared, one run is mostly noise. */
const ROUNDS = Number(process.env.RELAIS_BENCH_ROUNDS ?? 3);

function log(message: string): void {
  process.stderr.write(`[bench:encoder] ${message}\n`);
}

function sentences(): string[] {
  const data = JSON.parse(
    readFileSync(sharedDataFile('bench/data/clinc150/data_full.json'), 'utf8'),
  ) as Record<string, Array<[string, string]>>;
  // Varied customer-like queries, distinct, in a fixed order.
  return [...new Set((data.test ?? []).map(([text]) => text))].filter((_, i) => i % 7 === 0);
}

function run(script: string, args: string[]): RuntimeFigures {
  const out = execFileSync(process.execPath, [path.join(__dirname, script), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as RuntimeFigures;
}

function cosine(a: readonly number[], b: readonly number[]): number {
  const dot = a.reduce((s, x, i) => s + x * b[i]!, 0);
  return dot / Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
}

function main(): void {
  const lookup = findModelPackage();
  if (!lookup.ok) {
    log(`cannot run: ${lookup.reason}`);
    process.exit(2);
  }
  const texts = sentences();
  const tokenizer = pieceTokenizer(readVocabulary(lookup.pkg.dir));
  const input: BenchInput = {
    modelDir: lookup.pkg.dir,
    cacheDir: path.resolve(process.env.RELAIS_ENCODER_CACHE_DIR ?? DEFAULT_ENCODER_CACHE_DIR),
    texts,
    pieces: texts.map((t) => tokenizer.encode(t)),
    single: Math.min(SINGLE, texts.length),
    batches: Math.min(BATCHES, Math.floor(texts.length / 64)),
  };
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'relais-bench-encoder-'));
  const inputFile = path.join(scratch, 'input.json');
  writeFileSync(inputFile, JSON.stringify(input));
  try {
    log(
      `${texts.length} CLINC150 test queries, ${ROUNDS} interleaved rounds (medians); ` +
        `${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(2)}`,
    );
    const tfjsDir = process.env.RELAIS_TFJS_DIR ?? '/tmp/tfjs-spike/node_modules';
    const contenders: Array<{ script: string; args: string[] }> = [
      { script: 'measure-graph.js', args: [inputFile, 'energetic'] },
    ];
    if (existsSync(path.join(tfjsDir, '@tensorflow', 'tfjs-converter'))) {
      contenders.push({ script: 'measure-graph.js', args: [inputFile, 'tfjs', tfjsDir] });
    } else {
      log(`official tfjs packages not found in ${tfjsDir}: row skipped`);
    }
    contenders.push({ script: 'measure-encoder.js', args: [inputFile] });
    const rounds: RuntimeFigures[][] = contenders.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      contenders.forEach((c, i) => rounds[i]!.push(run(c.script, c.args)));
      log(`round ${round + 1}/${ROUNDS} done`);
    }
    const rows = rounds.map(medianFigures);
    const kept = rows[rows.length - 1]!;
    console.log(
      table([
        [
          'runtime',
          'load ms',
          'single p50 ms',
          'single p99 ms',
          'batch64 ms/sentence',
          'fast path µs',
          'RSS MB',
          'cos vs first',
        ],
        ...rows.map((r) => [
          r.runtime,
          r.load_ms,
          r.single_p50_ms,
          r.single_p99_ms,
          r.batch64_ms_per_sentence,
          r.fast_path_us === undefined ? '-' : r.fast_path_us,
          r.rss_mb,
          cosine(r.probe, rows[0]!.probe),
        ]),
      ]),
    );
    log(`load average after: ${os.loadavg()[0]!.toFixed(2)}`);
    console.log(
      JSON.stringify({
        load_ms: kept.load_ms,
        single_p50_ms: round(kept.single_p50_ms),
        single_p99_ms: round(kept.single_p99_ms),
        batch64_ms_per_sentence: round(kept.batch64_ms_per_sentence),
        fast_path_us: round(kept.fast_path_us ?? NaN),
        rss_mb: kept.rss_mb,
      }),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function medianFigures(runs: readonly RuntimeFigures[]): RuntimeFigures {
  const of = (pick: (r: RuntimeFigures) => number | undefined): number => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length === 0 ? NaN : median(values);
  };
  const fast = of((r) => r.fast_path_us);
  return {
    runtime: runs[0]!.runtime,
    load_ms: of((r) => r.load_ms),
    single_p50_ms: of((r) => r.single_p50_ms),
    single_p99_ms: of((r) => r.single_p99_ms),
    batch64_ms_per_sentence: of((r) => r.batch64_ms_per_sentence),
    ...(Number.isNaN(fast) ? {} : { fast_path_us: fast }),
    rss_mb: of((r) => r.rss_mb),
    probe: runs[0]!.probe,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main();
