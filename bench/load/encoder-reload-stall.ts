/**
 * The longest event-loop stall during an encoder-on KB reload (MATCHER_ENCODER=on, cascade pass):
 * the demo KB, then a generated one of `--entries` (default 2,000) entries. Each KB is reloaded
 * once unmeasured first, so its vectors are in the disk cache and the figure is the build's, not a
 * cold embedding's. `npm run bench:encoder-reload -- --entries 10000`
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { KbReloader } from '../../bot/kb-admin/kb-reloader';
import { openEncoderVectors } from '../../knowledge-base/index';
import { writeBigKb } from './big-kb';
import { table } from '../support/table';

const CACHE_DIR = path.join(tmpdir(), 'relais-bench-encoder-cache');
const at = process.argv.indexOf('--entries');
const ENTRIES = at > 0 ? Number(process.argv[at + 1]) : 2_000;

interface Stall {
  readonly label: string;
  readonly reloadMs: number;
  readonly loopMaxMs: number;
  readonly loopP99Ms: number;
  /** The longest gap between two runs of a 1 ms interval: a stall as a turn's callback sees it. */
  readonly gapMaxMs: number;
}

async function measure(reloader: KbReloader, label: string): Promise<Stall> {
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  let last = performance.now();
  let gapMaxMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    gapMaxMs = Math.max(gapMaxMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const outcome = await reloader.reload();
  const reloadMs = performance.now() - started;
  // A stall right before the reload resolves is seen only when the timers next run: let them.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(probe);
  loop.disable();
  if (!outcome.ok) throw new Error(`reload refused: ${JSON.stringify(outcome.issues[0])}`);
  const reads = Object.values(outcome.report.vectors).map((v) => v.reads);
  if (!reads.some((r) => r.includes('use-lite')))
    throw new Error(`no encoder in the reload: ${reads.join()}`);
  return {
    label,
    reloadMs: Math.round(reloadMs),
    loopMaxMs: Math.round(loop.max / 1e6),
    loopP99Ms: Math.round(loop.percentile(99) / 1e6),
    gapMaxMs: Math.round(gapMaxMs),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-bench-encreload-'));
  const demo = path.resolve(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
  const files = ['fr', 'en'].map((l) => path.join(dir, `${l}.yaml`));
  ['fr', 'en'].forEach((l, i) => copyFileSync(path.join(demo, `${l}.yaml`), files[i]!));
  const encoder = await openEncoderVectors({ mode: 'on', cacheDir: CACHE_DIR });
  try {
    const reloader = await KbReloader.start(files, { vectors: encoder.vectors! }, () => encoder.status);
    await reloader.reload();
    const stalls = [await measure(reloader, 'demo KB')];
    // The big KB replaces the demo files in place (JSON is YAML), as an operator's edit would.
    const big = writeBigKb(path.join(dir, 'big'), ENTRIES);
    big.forEach((f, i) => writeFileSync(files[i]!, readFileSync(f)));
    await reloader.reload();
    stalls.push(await measure(reloader, `${ENTRIES}-entry KB`));
    const [demo, large] = stalls as [(typeof stalls)[number], (typeof stalls)[number]];
    console.log(
      table([
        [
          'encoder-on reload',
          'reload ms',
          'longest stall ms (1 ms ticks)',
          'loop delay max ms',
          'loop delay p99 ms',
        ],
        ...stalls.map((s) => [s.label, s.reloadMs, s.gapMaxMs, s.loopMaxMs, s.loopP99Ms]),
      ]),
    );
    console.log(
      JSON.stringify({
        bench: 'encoder-reload',
        demo_reload_ms: demo.reloadMs,
        demo_stall_max_ms: demo.gapMaxMs,
        big_entries: ENTRIES,
        big_reload_ms: large.reloadMs,
        big_stall_max_ms: large.gapMaxMs,
        big_loop_delay_p99_ms: large.loopP99Ms,
      }),
    );
  } finally {
    await encoder.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
