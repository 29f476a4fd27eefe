import { Redis } from 'ioredis';
import {
  MemoryHandoffQueue,
  RedisHandoffQueue,
  type BusinessHoursConfig,
  type HandoffQueue,
} from '../../handoff';
import { startBenchRedis } from '../support/redis-server';
import { table } from '../support/table';
import { measure, type Measurement } from './measure';
import { serverTimePerCall } from './server-time';

const CONVERSATIONS = 10_000;
const CONCURRENCY = 50;
const AGENTS = 100; // × capacity 100 = room for all 10,000 claims
const CAPACITY = 100;
const POSITION_LOOKUPS = 2_000;
const PHASE_LIMIT_MS = 60_000;

const ALWAYS_OPEN: BusinessHoursConfig = {
  timeZone: 'Europe/Paris',
  week: Object.fromEntries(
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, { open: '00:00', close: '24:00' }]),
  ),
};

function log(message: string): void {
  process.stderr.write(`[bench:queue] ${message}\n`);
}

/** A measurement plus the server time per call of its command (NaN when not measured). */
type Timed = Measurement & { readonly serverUsPerCall: number };

/** Runs a phase; with a Redis to read, adds the server time of `command` per call. */
async function timed(
  stats: Redis | undefined,
  command: string,
  phase: () => Promise<Measurement>,
): Promise<Timed> {
  if (!stats) return { ...(await phase()), serverUsPerCall: Number.NaN };
  const { result, usecPerCall } = await serverTimePerCall(stats, command, phase);
  return { ...result, serverUsPerCall: usecPerCall };
}

interface QueueFigures {
  readonly enqueue: Timed;
  readonly claim: Timed;
  readonly position1k: Measurement;
  readonly position10k: Measurement;
}

/** Position lookups in a queue of exactly `size` conversations (its own language, nothing claimed). */
async function positions(queue: HandoffQueue, size: number, language: string): Promise<Measurement> {
  const label = `pos-${language}`;
  await queue.agentOnline({ agentId: `${label}-agent`, languages: [language] });
  await measure(size, CONCURRENCY, (i) => queue.enqueue({ conversationId: `${label}-${i}`, language }));
  return measure(POSITION_LOOKUPS, CONCURRENCY, async (i) => {
    const r = await queue.position(`${label}-${(i * 7919) % size}`);
    if (!r.ok) throw new Error(`position refused: ${JSON.stringify(r)}`);
  });
}

/** `stats`: the Redis the queue runs on, to read its server time per script (EVALSHA). */
async function benchQueue(queue: HandoffQueue, name: string, stats?: Redis): Promise<QueueFigures> {
  for (let a = 0; a < AGENTS; a++)
    await queue.agentOnline({ agentId: `agent-${a}`, languages: ['fr'], capacity: CAPACITY });
  log(`${name}: enqueue ${CONVERSATIONS}…`);
  const enqueue = await timed(stats, 'evalsha', () =>
    measure(
      CONVERSATIONS,
      CONCURRENCY,
      async (i) => {
        const r = await queue.enqueue({
          conversationId: `c-${i}`,
          language: 'fr',
          priority: i % 20 === 0 ? 'vip' : 'standard',
        });
        if (!r.ok || r.outcome !== 'queued') throw new Error(`enqueue refused: ${JSON.stringify(r)}`);
      },
      PHASE_LIMIT_MS,
    ),
  );
  log(`${name}: claimNext ${CONVERSATIONS} (from a queue of ${CONVERSATIONS})…`);
  const claimedByWorker = new Array<number>(CONCURRENCY).fill(0);
  const claim = await timed(stats, 'evalsha', () =>
    measure(
      CONVERSATIONS,
      CONCURRENCY,
      async (_i, w) => {
        // Worker w uses agents w and w + 50 in turn, so no claim hits the capacity limit.
        const n = claimedByWorker[w] ?? 0;
        claimedByWorker[w] = n + 1;
        const agent = `agent-${w + CONCURRENCY * Math.floor(n / CAPACITY)}`;
        const r = await queue.claimNext(agent);
        if (!r.ok) throw new Error(`claim refused for ${agent}: ${JSON.stringify(r)}`);
      },
      PHASE_LIMIT_MS,
    ),
  );
  log(`${name}: position lookups at 1,000 and 10,000 queued…`);
  const position1k = await positions(queue, 1_000, 'en');
  const position10k = await positions(queue, 10_000, 'de');
  return { enqueue, claim, position1k, position10k };
}

/** The floor: one ZADD / one ZPOPMIN per operation, same concurrency, same connection type. */
async function benchBare(redis: Redis): Promise<{ zadd: Timed; zpopmin: Timed }> {
  const key = 'bench:bare:{q}';
  await redis.del(key);
  log('bare Redis: ZADD / ZPOPMIN loop…');
  const t0 = Date.now();
  const zadd = await timed(redis, 'zadd', () =>
    measure(CONVERSATIONS, CONCURRENCY, (i) => redis.zadd(key, t0 + i, `c-${i}`), PHASE_LIMIT_MS),
  );
  const zpopmin = await timed(redis, 'zpopmin', () =>
    measure(CONVERSATIONS, CONCURRENCY, () => redis.zpopmin(key), PHASE_LIMIT_MS),
  );
  await redis.del(key);
  return { zadd, zpopmin };
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const server = await startBenchRedis();
  const bareConnection = new Redis(server.url);
  const queueConnection = new Redis(server.url);
  try {
    const bare = await benchBare(bareConnection);
    const redisQueue = new RedisHandoffQueue({
      redis: queueConnection,
      config: { keyPrefix: `bench-${process.pid}`, businessHours: ALWAYS_OPEN },
    });
    const redisFigures = await benchQueue(redisQueue, 'redis', bareConnection);
    const memoryFigures = await benchQueue(
      new MemoryHandoffQueue({ config: { businessHours: ALWAYS_OPEN } }),
      'memory',
    );

    const enqueueRatio = redisFigures.enqueue.opsPerSecond / bare.zadd.opsPerSecond;
    const claimRatio = redisFigures.claim.opsPerSecond / bare.zpopmin.opsPerSecond;
    const bareCycleMs = bare.zadd.elapsedMs + bare.zpopmin.elapsedMs;
    const queueCycleMs = redisFigures.enqueue.elapsedMs + redisFigures.claim.elapsedMs;
    const ratio = bareCycleMs / queueCycleMs;

    const row = (name: string, m: Measurement & { serverUsPerCall?: number }): (string | number)[] => [
      name,
      Math.round(m.opsPerSecond),
      m.p50Ms,
      m.p99Ms,
      m.ops,
      m.serverUsPerCall === undefined || Number.isNaN(m.serverUsPerCall) ? '' : round(m.serverUsPerCall, 1),
    ];
    process.stdout.write(
      `\nHandoff queue: ${CONVERSATIONS} conversations, ${CONCURRENCY} operations in flight, ${AGENTS} agents × capacity ${CAPACITY}\n\n`,
    );
    process.stdout.write(
      `${table([
        ['operation', 'ops/s', 'p50 ms', 'p99 ms', 'ops', 'server µs/call'],
        row('bare redis ZADD', bare.zadd),
        row('bare redis ZPOPMIN', bare.zpopmin),
        row('redis enqueue (Lua)', redisFigures.enqueue),
        row('redis claimNext (Lua)', redisFigures.claim),
        row('redis position @1k (ZRANK)', redisFigures.position1k),
        row('redis position @10k (ZRANK)', redisFigures.position10k),
        row('memory enqueue', memoryFigures.enqueue),
        row('memory claimNext', memoryFigures.claim),
        row('memory position @1k', memoryFigures.position1k),
        row('memory position @10k', memoryFigures.position10k),
      ])}\n\n`,
    );
    process.stdout.write(
      `ratio vs bare loop: enqueue ${enqueueRatio.toFixed(2)}×, claim ${claimRatio.toFixed(2)}×, ` +
        `enqueue+claim cycle ${ratio.toFixed(2)}× (target ≥ 0.5×)\n`,
    );
    process.stdout.write(
      `${JSON.stringify({
        conversations: CONVERSATIONS,
        concurrency: CONCURRENCY,
        bare_zadd_ops_per_s: Math.round(bare.zadd.opsPerSecond),
        bare_zpopmin_ops_per_s: Math.round(bare.zpopmin.opsPerSecond),
        redis_enqueue_ops_per_s: Math.round(redisFigures.enqueue.opsPerSecond),
        redis_enqueue_p99_ms: round(redisFigures.enqueue.p99Ms),
        bare_zadd_server_us_per_call: round(bare.zadd.serverUsPerCall, 1),
        bare_zpopmin_server_us_per_call: round(bare.zpopmin.serverUsPerCall, 1),
        redis_enqueue_server_us_per_call: round(redisFigures.enqueue.serverUsPerCall, 1),
        redis_claim_server_us_per_call: round(redisFigures.claim.serverUsPerCall, 1),
        redis_claim_ops_per_s: Math.round(redisFigures.claim.opsPerSecond),
        redis_claim_p99_ms: round(redisFigures.claim.p99Ms),
        redis_position_p99_ms_at_1k: round(redisFigures.position1k.p99Ms),
        redis_position_p99_ms_at_10k: round(redisFigures.position10k.p99Ms),
        memory_enqueue_ops_per_s: Math.round(memoryFigures.enqueue.opsPerSecond),
        memory_enqueue_p99_ms: round(memoryFigures.enqueue.p99Ms),
        memory_claim_ops_per_s: Math.round(memoryFigures.claim.opsPerSecond),
        memory_claim_p99_ms: round(memoryFigures.claim.p99Ms),
        memory_position_p99_ms_at_10k: round(memoryFigures.position10k.p99Ms),
        ratio_enqueue_vs_bare_zadd: round(enqueueRatio, 2),
        ratio_claim_vs_bare_zpopmin: round(claimRatio, 2),
        ratio_vs_bare_zadd_zpopmin: round(ratio, 2),
      })}\n`,
    );
  } finally {
    bareConnection.disconnect();
    queueConnection.disconnect();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:queue] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
