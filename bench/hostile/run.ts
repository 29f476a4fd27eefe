import { parseArgs } from 'node:util';
import { hashPassword } from '../../bot/agent/credentials';
import { loadConfig } from '../../bot/config';
import { compose } from '../../bot/root/compose';
import type { Log } from '../../bot/log';
import { createServer } from '../../bot/server';
import { startRedisServer, type RedisServer } from '../../tests/support/redis-server';
import { table } from '../support/table';
import { fuzzSession, stillServing } from './fuzz-session';
import { fuzzRoutes, routesOf, type FuzzResult } from './route-fuzzer';

/**
 * `npm run bench:hostile [-- --requests N --seed S --seconds T --timeout T --mode memory|redis|both]`: the
 * production server (compose, as `npm start` builds it) on 127.0.0.1, fuzzed on every route it
 * registered; a readable table, then one JSON line with the figures.
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '14' },
    seconds: { type: 'string', default: '240' },
    mode: { type: 'string', default: 'both' },
    concurrency: { type: 'string', default: '8' },
    timeout: { type: 'string', default: '15' },
  },
});
const REQUESTS = Number(values.requests);
const SEED = Number(values.seed);
const BUDGET_MS = Number(values.seconds) * 1000;
const CONCURRENCY = Number(values.concurrency);
/** Past this a request counts as unanswered (a KB reload holds the event loop for seconds). */
const TIMEOUT_MS = Number(values.timeout) * 1000;
const MODES = values.mode === 'both' ? ['memory', 'redis'] : [values.mode];
const SUPERVISOR_TOKEN = 'bench-hostile-supervisor-token-0001';
const METRICS_TOKEN = 'bench-hostile-metrics-token-000001';
const AGENT = { id: 'alice', password: 'bench-hostile-alice-pw' };

const note = (message: string) => process.stderr.write(`[bench:hostile] ${message}\n`);

interface ModeRun {
  readonly mode: string;
  readonly routes: number;
  readonly result: FuzzResult;
  readonly alive: boolean;
  readonly serverErrors: number;
  readonly rssMb: number;
}

/** Counts what the server logs as errors (a failed turn, a 5xx), without printing them all. */
function countingLog(): Log & { readonly errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    info: () => undefined,
    error: (message, cause) =>
      void errors.push(`${message}: ${cause instanceof Error ? cause.message : String(cause ?? '')}`),
  };
}

async function runMode(mode: string): Promise<ModeRun> {
  let redis: RedisServer | undefined;
  if (mode === 'redis') redis = await startRedisServer({ durable: false });
  else if (mode !== 'memory') throw new Error(`--mode: must be memory, redis or both (got "${mode}")`);
  const config = loadConfig({
    PORT: '0',
    AGENTS: JSON.stringify([
      {
        id: AGENT.id,
        name: 'Alice',
        languages: ['fr', 'en'],
        passwordHash: await hashPassword(AGENT.password),
      },
    ]),
    SUPERVISOR_TOKEN,
    METRICS_TOKEN,
    // One client on 127.0.0.1 sends everything: with the per-IP limit on, most requests would be 429s.
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '0',
    RATE_LIMIT_LOGIN_PER_MINUTE: '0',
    ...(redis ? { REDIS_URL: redis.url, REDIS_PREFIX: 'bench-hostile' } : {}),
  });
  const log = countingLog();
  const deps = await compose(config, { log });
  const app = createServer(config, deps);
  const url = await app.listen(0, '127.0.0.1');
  try {
    const routes = routesOf(app.server);
    note(
      `${mode}: ${routes.length} routes, ${REQUESTS} requests (seed ${SEED}, at most ${BUDGET_MS / 1000} s)…`,
    );
    const credentials = await fuzzSession(url, {
      supervisorToken: SUPERVISOR_TOKEN,
      metricsToken: METRICS_TOKEN,
      agent: AGENT,
    });
    const result = await fuzzRoutes({
      url,
      routes,
      credentials,
      requests: REQUESTS,
      timeBudgetMs: BUDGET_MS,
      seed: SEED,
      concurrency: CONCURRENCY,
      requestTimeoutMs: TIMEOUT_MS,
      tolerated: [],
    });
    const alive = await stillServing(url);
    for (const example of result.examples5xx) note(`  5xx: ${example}`);
    for (const example of result.examplesTimeout) note(`  no answer in time: ${example}`);
    // Failed calls to the made-up serviceUrls of /api/messages are logged errors, not server faults.
    const serverErrors = log.errors.filter((e) => !/ECONNREFUSED|ENOTFOUND|fetch failed|EAI_AGAIN/i.test(e));
    for (const error of serverErrors.slice(0, 5)) note(`  logged: ${error.slice(0, 300)}`);
    return {
      mode,
      routes: routes.length,
      result,
      alive,
      serverErrors: serverErrors.length,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
  } finally {
    await app.close();
    await deps.dispose();
    await redis?.stop();
  }
}

async function main(): Promise<void> {
  const runs: ModeRun[] = [];
  for (const mode of MODES) runs.push(await runMode(mode!));
  const rows: (string | number)[][] = [
    [
      'mode',
      'routes',
      'requests',
      '2xx',
      '3xx',
      '4xx',
      '5xx',
      'tolerated 5xx',
      'cut/timeouts',
      'seconds',
      'alive',
    ],
  ];
  for (const { mode, routes, result, alive } of runs)
    rows.push([
      mode,
      routes,
      result.requests,
      result.byStatusClass['2xx'] ?? 0,
      result.byStatusClass['3xx'] ?? 0,
      result.byStatusClass['4xx'] ?? 0,
      result.status5xx,
      Object.values(result.tolerated5xx).reduce((a, b) => a + b, 0),
      `${result.networkErrors}/${result.timeouts}`,
      Math.round(result.elapsedMs / 100) / 10,
      alive ? 'yes' : 'NO',
    ]);
  process.stdout.write(`Relais hostile fuzzing (every registered route, 127.0.0.1, seed ${SEED})\n`);
  process.stdout.write(`${table(rows)}\n`);
  const tolerated = Object.assign({}, ...runs.map((r) => r.result.tolerated5xx)) as Record<string, number>;
  if (Object.keys(tolerated).length > 0)
    process.stdout.write(`tolerated (fixed elsewhere): ${Object.keys(tolerated).join('; ')}\n`);
  const sum = (pick: (r: ModeRun) => number) => runs.reduce((total, r) => total + pick(r), 0);
  const figures = {
    requests: sum((r) => r.result.requests),
    status_5xx: sum((r) => r.result.status5xx),
    tolerated_5xx: sum((r) => Object.values(r.result.tolerated5xx).reduce((a, b) => a + b, 0)),
    status_4xx: sum((r) => r.result.byStatusClass['4xx'] ?? 0),
    status_2xx: sum((r) => r.result.byStatusClass['2xx'] ?? 0),
    network_errors: sum((r) => r.result.networkErrors),
    timeouts: sum((r) => r.result.timeouts),
    server_errors_logged: sum((r) => r.serverErrors),
    alive: runs.every((r) => r.alive),
    modes: runs.map((r) => r.mode),
    routes: Math.max(...runs.map((r) => r.routes)),
    seed: SEED,
    seconds: Math.round(sum((r) => r.result.elapsedMs) / 100) / 10,
    rss_mb: Math.max(...runs.map((r) => r.rssMb)),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  if (figures.status_5xx > 0 || !figures.alive) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:hostile] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
