import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig } from '../../bot/config';
import { compose } from '../../bot/root/compose';
import { silentLog } from '../../bot/log';
import { createServer } from '../../bot/server';
import { writeBigKb } from './big-kb';
import { drive } from './drive';
import { summarize, type LatencySummary } from './stats';

export interface ReloadFigures {
  readonly baseline: LatencySummary;
  readonly reload: LatencySummary;
  readonly reloadMs: number;
  /** The longest the event loop was held during the reload (restoring the index is on it). */
  readonly loopMaxMs: number;
  readonly entries: number;
  readonly failures: number;
}

/**
 * Turns' latency without, then during, a reload of a `entries`-entry KB (generated from the demo)
 * on a Relais serving the demo KB, lexical only (MATCHER_ENCODER=off: the reload builds in a worker
 * thread). Customers keep talking in 3 s slices until the reload has been swapped in.
 */
export async function reloadPhase(
  redisUrl: string,
  entries: number,
  concurrency: number,
  baselineMs: number,
  messages: (n: number) => readonly string[],
  think: () => number,
): Promise<ReloadFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-bench-reload-'));
  const demo = path.resolve(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
  const files = ['fr', 'en'].map((l) => path.join(dir, `${l}.yaml`));
  ['fr', 'en'].forEach((l, i) => copyFileSync(path.join(demo, `${l}.yaml`), files[i]!));
  const config = loadConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: 'bench-reload',
    PORT: '0',
    KB_FILES: files.join(','),
    MATCHER_ENCODER: 'off',
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0',
  });
  const deps = await compose(config, { log: silentLog });
  const server = createServer(config, deps);
  const baseUrl = await server.listen(0, '127.0.0.1');
  const slice = (label: string, durationMs: number) =>
    drive({
      baseUrl,
      concurrency,
      durationMs,
      maxConversations: Number.MAX_SAFE_INTEGER,
      messages,
      think,
      label,
    });
  try {
    const baseline = await slice('reload-baseline', baselineMs);
    // The big KB replaces the demo files in place (JSON is YAML), as an operator's edit would.
    const big = writeBigKb(path.join(dir, 'big'), entries);
    big.forEach((f, i) => writeFileSync(files[i]!, readFileSync(f)));
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    let done = false;
    const reloaded = deps.kbReloader!.reload().finally(() => {
      done = true;
    });
    const latencies: number[] = [];
    let failures = 0;
    while (!done) {
      const r = await slice('reload-during', 3_000);
      latencies.push(...r.latencies);
      failures += r.failures + r.unanswered;
    }
    const outcome = await reloaded;
    loop.disable();
    if (!outcome.ok) throw new Error(`bench reload refused: ${JSON.stringify(outcome.issues[0])}`);
    return {
      baseline: summarize(baseline.latencies),
      reload: summarize(latencies),
      reloadMs: Math.round(performance.now() - started),
      loopMaxMs: Math.round(loop.max / 1e6),
      entries,
      failures: failures + baseline.failures + baseline.unanswered,
    };
  } finally {
    await server.close();
    await deps.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
