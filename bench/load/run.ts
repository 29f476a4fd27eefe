import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../../bot/config';
import { compose, type Composition } from '../../bot/root/compose';
import { assemble } from '../../bot/root/runtime';
import { silentLog } from '../../bot/log';
import { createServer, type RelaisServer } from '../../bot/server';
import { startRedisServer } from '../../tests/support/redis-server';
import { table } from '../support/table';
import { drive, type DriveResult } from './drive';
import { EchoBot } from './echo-bot';
import { reloadPhase, type ReloadFigures } from './reload-phase';
import { customerScripts } from './scripts';
import { summarize } from './stats';

/** `npm run bench:load [-- --quick]`: Relais on Redis against an echo bot on the same stack. */
const QUICK = process.argv.includes('--quick');
/** `--reload-only`: only the run with a KB reload in the middle (the rest takes minutes). */
const RELOAD_ONLY = process.argv.includes('--reload-only');
const RELOAD_ENTRIES = QUICK ? 2_000 : 10_000;
const RELOAD_CONCURRENCY = 50;
const RELOAD_BASELINE_MS = QUICK ? 5_000 : 15_000;
const CAPACITY_CONCURRENCY = 50;
const CAPACITY_MS = QUICK ? 5_000 : 15_000;
const LATENCY_MS = QUICK ? 10_000 : 30_000;
const MEMORY_FIRST = 1_000;
const MEMORY_TOTAL = QUICK ? 2_000 : 10_000;
const MEMORY_BOUND_MS = QUICK ? 30_000 : 120_000;
const SCRIPTS = customerScripts();
const SCRIPT = (n: number) => SCRIPTS.scriptFor(n);

const note = (message: string) => process.stderr.write(`[bench:load] ${message}\n`);
const noThink = () => 0;
const think1to3s = () => 1_000 + Math.random() * 2_000;

interface Target {
  readonly name: 'relais' | 'echo';
  readonly url: string;
}

async function phase(
  target: Target,
  label: string,
  concurrency: number,
  durationMs: number,
  think: () => number,
): Promise<DriveResult> {
  note(`${target.name}: ${label}, ${concurrency} customers, ${durationMs / 1000} s…`);
  const result = await drive({
    baseUrl: target.url,
    concurrency,
    durationMs,
    maxConversations: Number.MAX_SAFE_INTEGER,
    messages: SCRIPT,
    think,
    label: `${target.name}-${label}`,
  });
  if (result.failures > 0) note(`  ${result.failures} customers failed, first: ${result.firstFailure}`);
  return result;
}

function memory(): { rss_mb: number; heap_mb: number } {
  const gc = runInNewContext('gc') as () => void;
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss_mb: Math.round(rss / 2 ** 20), heap_mb: Math.round(heapUsed / 2 ** 20) };
}

/** The reload run: its table and JSON figures. */
async function reloadRun(redisUrl: string): Promise<{ text: string; json: Record<string, number> }> {
  note(
    `relais: ${RELOAD_ENTRIES}-entry KB reload in the middle, ${RELOAD_CONCURRENCY} customers (think 1–3 s)…`,
  );
  const r: ReloadFigures = await reloadPhase(
    redisUrl,
    RELOAD_ENTRIES,
    RELOAD_CONCURRENCY,
    RELOAD_BASELINE_MS,
    SCRIPT,
    think1to3s,
  );
  const text = `${table([
    ['reload run (lexical, worker-thread build)', 'turns', 'p50 ms', 'p95 ms', 'p99 ms'],
    ['without reload', r.baseline.turns, r.baseline.p50_ms, r.baseline.p95_ms, r.baseline.p99_ms],
    [
      `during ${r.entries}-entry reload (${r.reloadMs} ms)`,
      r.reload.turns,
      r.reload.p50_ms,
      r.reload.p95_ms,
      r.reload.p99_ms,
    ],
  ])}\nreload p99 ${r.reload.p99_ms} ms (target <= 100): ${r.reload.p99_ms <= 100 ? 'met' : 'NOT met'}; event loop held at most ${r.loopMaxMs} ms; ${r.failures} failed turns\n`;
  return {
    text,
    json: {
      reload_entries: r.entries,
      reload_ms: r.reloadMs,
      reload_loop_max_ms: r.loopMaxMs,
      reload_p99_ms: r.reload.p99_ms,
      reload_p50_ms: r.reload.p50_ms,
      reload_turns: r.reload.turns,
      baseline_p99_ms: r.baseline.p99_ms,
      baseline_p50_ms: r.baseline.p50_ms,
      reload_failures: r.failures,
    },
  };
}

async function main(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const redis = await startRedisServer({ durable: false });
  if (RELOAD_ONLY) {
    try {
      const reload = await reloadRun(redis.url);
      process.stdout.write(
        `${reload.text}\n${JSON.stringify({ bench: 'load', quick: QUICK, ...reload.json })}\n`,
      );
    } finally {
      await redis.stop();
    }
    return;
  }
  // Every simulated customer comes from 127.0.0.1: the per-IP limits are off, or it would be what
  // the bench measures. The per-conversation limit stays at its default (a customer posts 4 times).
  const config = loadConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'bench-load',
    PORT: '0',
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0',
  });
  const deps: Composition = await compose(config, { log: silentLog });
  const relais: RelaisServer = createServer(config, deps);
  // The echo bot on the same stores: its own assembly, the turns answered by EchoBot.
  const echo: RelaisServer = createServer(config, {
    assembly: assemble(config, { ...deps, turnHandler: new EchoBot() }),
  });
  const targets: Target[] = [
    { name: 'echo', url: await echo.listen(0, '127.0.0.1') },
    { name: 'relais', url: await relais.listen(0, '127.0.0.1') },
  ];
  try {
    const rows: (string | number)[][] = [
      ['measure', 'target', 'conversations', 'turns', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'],
    ];
    const figures: Record<string, Record<string, number>> = {};
    const record = (measure: string, target: Target, r: DriveResult) => {
      const s = summarize(r.latencies);
      const turnsPerS = Math.round((s.turns / r.elapsedMs) * 1000 * 10) / 10;
      rows.push([
        measure,
        target.name,
        r.conversations,
        s.turns,
        turnsPerS,
        s.p50_ms,
        s.p95_ms,
        s.p99_ms,
        r.failures + r.unanswered,
      ]);
      figures[`${measure}_${target.name}`] = {
        turns_per_s: turnsPerS,
        ...s,
        errors: r.failures + r.unanswered,
      };
    };
    for (const target of targets)
      record(
        `capacity@${CAPACITY_CONCURRENCY}`,
        target,
        await phase(target, 'capacity', CAPACITY_CONCURRENCY, CAPACITY_MS, noThink),
      );
    for (const concurrency of [100, 500])
      for (const target of targets)
        record(
          `latency@${concurrency}`,
          target,
          await phase(target, `latency-${concurrency}`, concurrency, LATENCY_MS, think1to3s),
        );

    note(`relais: memory, ${MEMORY_TOTAL} conversations (bound ${MEMORY_BOUND_MS / 1000} s)…`);
    const relaisTarget = targets[1]!;
    const memoryRun = (count: number, label: string) =>
      drive({
        baseUrl: relaisTarget.url,
        concurrency: 50,
        durationMs: MEMORY_BOUND_MS,
        maxConversations: count,
        messages: SCRIPT,
        think: noThink,
        label,
      });
    const first = await memoryRun(MEMORY_FIRST, 'mem-a');
    const atFirst = memory();
    const rest = await memoryRun(MEMORY_TOTAL - MEMORY_FIRST, 'mem-b');
    const atTotal = memory();
    const total = first.conversations + rest.conversations;

    const reload = await reloadRun(redis.url);

    const capacityRelais = figures[`capacity@${CAPACITY_CONCURRENCY}_relais`]!;
    const capacityEcho = figures[`capacity@${CAPACITY_CONCURRENCY}_echo`]!;
    const ratio = Math.round((capacityRelais.turns_per_s! / capacityEcho.turns_per_s!) * 100) / 100;
    const p99At100 = figures['latency@100_relais']!.p99_ms!;
    process.stdout.write(
      `Relais load (Redis store, Direct Line over HTTP on 127.0.0.1)${QUICK ? ' --quick' : ''}\n`,
    );
    process.stdout.write(
      `script: one of ${SCRIPTS.questions} demo questions (tests/fixtures, FR and EN) → "Oui" → "Merci, c’était clair"; e.g. ${SCRIPT(
        0,
      )
        .map((m) => JSON.stringify(m))
        .join(' → ')}\n`,
    );
    const stats = deps.encoderStats();
    const lookups = stats ? stats.cacheHits + stats.cacheMisses : 0;
    const hitRate = stats && lookups > 0 ? Math.round((stats.cacheHits / lookups) * 1000) / 10 : 0;
    process.stdout.write(
      `encoder: ${stats ? `${stats.textsEmbedded} texts embedded in ${stats.batches} batches; live-message cache hit rate ${hitRate} % (${stats.cacheHits}/${lookups})` : 'off'}\n\n`,
    );
    process.stdout.write(`${table(rows)}\n\n`);
    process.stdout.write(
      `${table([
        ['memory (relais)', 'conversations', 'rss MB', 'heap MB'],
        ['after first', first.conversations, atFirst.rss_mb, atFirst.heap_mb],
        ['after all', total, atTotal.rss_mb, atTotal.heap_mb],
      ])}\n\n`,
    );
    process.stdout.write(`${reload.text}\n`);
    process.stdout.write(
      `capacity ratio vs echo ${ratio} (target >= 0.5 with the encoder): ${ratio >= 0.5 ? 'met' : 'NOT met'}; ` +
        `p99 at 100 customers ${p99At100} ms (target <= 100): ${p99At100 <= 100 ? 'met' : 'NOT met'}\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        bench: 'load',
        quick: QUICK,
        capacity: {
          concurrency: CAPACITY_CONCURRENCY,
          turns_per_s: capacityRelais.turns_per_s,
          echo_turns_per_s: capacityEcho.turns_per_s,
          ratio_vs_echo: ratio,
        },
        latency_100: { relais: figures['latency@100_relais'], echo: figures['latency@100_echo'] },
        latency_500: { relais: figures['latency@500_relais'], echo: figures['latency@500_echo'] },
        p99_ms: p99At100,
        encoder_cache_hit_rate_pct: hitRate,
        ...reload.json,
        memory: {
          conversations_first: first.conversations,
          first: atFirst,
          conversations_total: total,
          total: atTotal,
        },
      })}\n`,
    );
  } finally {
    await Promise.all([relais.close(), echo.close()]);
    await deps.dispose();
    await redis.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
