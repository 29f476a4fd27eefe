import { Redis } from 'ioredis';
import {
  MemoryHandoffQueue,
  RedisHandoffQueue,
  type BusinessHoursConfig,
  type HandoffQueue,
} from '../../handoff';
import { startRedisServer } from '../../tests/support/redis-server';
import { table } from '../support/table';
import { benchAckWait } from './ack-wait';
import { ackWaitFields, ackWaitTable } from './ack-wait-report';
import { measure, type Measurement } from './measure';
import { median, medianOf, roundsFromArgs } from './rounds';
import { serverTimePerCall } from './server-time';

const CONVERSATIONS = 10_000;
const CONCURRENCY = 50;
const AGENTS = 100; // × capacity 100 = room for all 10,000 claims
const CAPACITY = 100;
const POSITION_LOOKUPS = 2_000;
const PHASE_LIMIT_MS = 60_000;
const DEFAULT_ROUNDS = 7;

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

interface QueuePhases {
  readonly enqueue: Timed;
  readonly claim: Timed;
}

/**
 * Fills a queue with 10,000 conversations, then claims them all. `agents` names this run's agents
 * (a queue store is reused across rounds on Redis under a fresh key prefix, so names may repeat).
 * `stats`: the Redis the queue runs on, to read its server time per script (EVALSHA).
 */
async function enqueueAndClaim(queue: HandoffQueue, agents: string, stats?: Redis): Promise<QueuePhases> {
  for (let a = 0; a < AGENTS; a++)
    await queue.agentOnline({ agentId: `${agents}-${a}`, languages: ['fr'], capacity: CAPACITY });
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
  const claimedByWorker = new Array<number>(CONCURRENCY).fill(0);
  const claim = await timed(stats, 'evalsha', () =>
    measure(
      CONVERSATIONS,
      CONCURRENCY,
      async (_i, w) => {
        // Worker w uses agents w and w + 50 in turn, so no claim hits the capacity limit.
        const n = claimedByWorker[w] ?? 0;
        claimedByWorker[w] = n + 1;
        const agent = `${agents}-${w + CONCURRENCY * Math.floor(n / CAPACITY)}`;
        const r = await queue.claimNext(agent);
        if (!r.ok) throw new Error(`claim refused for ${agent}: ${JSON.stringify(r)}`);
      },
      PHASE_LIMIT_MS,
    ),
  );
  return { enqueue, claim };
}

interface BarePhases {
  readonly zadd: Timed;
  readonly zpopmin: Timed;
}

/** The floor: one ZADD / one ZPOPMIN per operation, same concurrency, same connection type. */
async function benchBare(redis: Redis): Promise<BarePhases> {
  const key = 'bench:bare:{q}';
  await redis.del(key);
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

interface Round {
  readonly bare: BarePhases;
  readonly queue: QueuePhases;
  readonly enqueueRatio: number;
  readonly claimRatio: number;
  /** Time of a bare ZADD + ZPOPMIN cycle over the time of an enqueue + claimNext cycle. */
  readonly cycleRatio: number;
}

/**
 * One round: the bare loop and the queue, back to back on the same server, the order alternating
 * from round to round so a slow spell of the machine does not always land on the same side.
 */
async function benchRound(round: number, bareConnection: Redis, queueConnection: Redis): Promise<Round> {
  const queue = new RedisHandoffQueue({
    redis: queueConnection,
    config: { keyPrefix: `bench-${process.pid}-r${round}`, businessHours: ALWAYS_OPEN },
  });
  const runBare = (): Promise<BarePhases> => benchBare(bareConnection);
  const runQueue = (): Promise<QueuePhases> => enqueueAndClaim(queue, `agent-r${round}`, bareConnection);
  let bare: BarePhases;
  let queued: QueuePhases;
  if (round % 2 === 0) {
    bare = await runBare();
    queued = await runQueue();
  } else {
    queued = await runQueue();
    bare = await runBare();
  }
  const enqueueRatio = queued.enqueue.opsPerSecond / bare.zadd.opsPerSecond;
  const claimRatio = queued.claim.opsPerSecond / bare.zpopmin.opsPerSecond;
  const cycleRatio =
    (bare.zadd.elapsedMs + bare.zpopmin.elapsedMs) / (queued.enqueue.elapsedMs + queued.claim.elapsedMs);
  return { bare, queue: queued, enqueueRatio, claimRatio, cycleRatio };
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** The median measurement of one phase across rounds (each field's own median). */
function medianPhase(rounds: readonly Round[], pick: (r: Round) => Timed): Timed {
  return {
    ops: medianOf(rounds, (r) => pick(r).ops),
    opsPerSecond: medianOf(rounds, (r) => pick(r).opsPerSecond),
    p50Ms: medianOf(rounds, (r) => pick(r).p50Ms),
    p99Ms: medianOf(rounds, (r) => pick(r).p99Ms),
    elapsedMs: medianOf(rounds, (r) => pick(r).elapsedMs),
    serverUsPerCall: medianOf(rounds, (r) => pick(r).serverUsPerCall),
  };
}

async function main(): Promise<void> {
  const rounds = roundsFromArgs(process.argv, DEFAULT_ROUNDS);
  const server = await startRedisServer({ durable: false });
  const bareConnection = new Redis(server.url);
  const queueConnection = new Redis(server.url);
  try {
    // A whole untimed round first, so neither side is measured while the JIT warms up (2,000
    // operations were not enough: the first 10,000 enqueues cost the client twice the later ones).
    log('warm-up round (untimed)…');
    await benchRound(0, bareConnection, queueConnection);
    const results: Round[] = [];
    for (let r = 1; r <= rounds; r++) {
      const result = await benchRound(r, bareConnection, queueConnection);
      results.push(result);
      log(
        `round ${r}/${rounds}: cycle ${result.cycleRatio.toFixed(2)}× ` +
          `(enqueue ${result.enqueueRatio.toFixed(2)}×, claim ${result.claimRatio.toFixed(2)}×)`,
      );
    }
    log('redis: position lookups at 1,000 and 10,000 queued…');
    const positionQueue = new RedisHandoffQueue({
      redis: queueConnection,
      config: { keyPrefix: `bench-${process.pid}-pos`, businessHours: ALWAYS_OPEN },
    });
    const position1k = await positions(positionQueue, 1_000, 'en');
    const position10k = await positions(positionQueue, 10_000, 'de');
    log('memory store: enqueue, claim and position lookups…');
    const memoryQueue = new MemoryHandoffQueue({ config: { businessHours: ALWAYS_OPEN } });
    const memory = await enqueueAndClaim(memoryQueue, 'agent-memory');
    const memoryPosition1k = await positions(memoryQueue, 1_000, 'en');
    const memoryPosition10k = await positions(memoryQueue, 10_000, 'de');
    log('replica wait: customer-message acknowledgements, wait 0 vs wait 1…');
    const ackWait = await benchAckWait(rounds, log);

    const zadd = medianPhase(results, (r) => r.bare.zadd);
    const zpopmin = medianPhase(results, (r) => r.bare.zpopmin);
    const enqueue = medianPhase(results, (r) => r.queue.enqueue);
    const claim = medianPhase(results, (r) => r.queue.claim);
    const cycle = results.map((r) => r.cycleRatio);
    const ratio = median(cycle);
    const enqueueRatio = medianOf(results, (r) => r.enqueueRatio);
    const claimRatio = medianOf(results, (r) => r.claimRatio);

    const row = (name: string, m: Measurement & { serverUsPerCall?: number }): (string | number)[] => [
      name,
      Math.round(m.opsPerSecond),
      m.p50Ms,
      m.p99Ms,
      m.ops,
      m.serverUsPerCall === undefined || Number.isNaN(m.serverUsPerCall) ? '' : round(m.serverUsPerCall, 1),
    ];
    process.stdout.write(
      `\nHandoff queue: ${CONVERSATIONS} conversations, ${CONCURRENCY} operations in flight, ${AGENTS} agents × capacity ${CAPACITY}, ` +
        `${rounds} interleaved rounds after one untimed (Redis rows: median per round)\n\n`,
    );
    process.stdout.write(
      `${table([
        ['operation', 'ops/s', 'p50 ms', 'p99 ms', 'ops', 'server µs/call'],
        row('bare redis ZADD', zadd),
        row('bare redis ZPOPMIN', zpopmin),
        row('redis enqueue (Lua)', enqueue),
        row('redis claimNext (Lua)', claim),
        row('redis position @1k (ZRANK)', position1k),
        row('redis position @10k (ZRANK)', position10k),
        row('memory enqueue', memory.enqueue),
        row('memory claimNext', memory.claim),
        row('memory position @1k', memoryPosition1k),
        row('memory position @10k', memoryPosition10k),
      ])}\n\n`,
    );
    process.stdout.write(
      `${table([
        ['round', 'ZADD/s', 'ZPOPMIN/s', 'enqueue/s', 'claimNext/s', 'enqueue ×', 'claim ×', 'cycle ×'],
        ...results.map((r, i) => [
          String(i + 1),
          Math.round(r.bare.zadd.opsPerSecond),
          Math.round(r.bare.zpopmin.opsPerSecond),
          Math.round(r.queue.enqueue.opsPerSecond),
          Math.round(r.queue.claim.opsPerSecond),
          r.enqueueRatio.toFixed(2),
          r.claimRatio.toFixed(2),
          r.cycleRatio.toFixed(2),
        ]),
      ])}\n\n`,
    );
    process.stdout.write(
      `ratio vs bare loop (median of ${rounds} rounds): enqueue ${enqueueRatio.toFixed(2)}×, claim ${claimRatio.toFixed(2)}×, ` +
        `enqueue+claim cycle ${ratio.toFixed(2)}× (rounds ${Math.min(...cycle).toFixed(2)}–${Math.max(...cycle).toFixed(2)}; target ≥ 0.5×)\n\n`,
    );
    process.stdout.write(ackWaitTable(ackWait, rounds));
    process.stdout.write(
      `${JSON.stringify({
        conversations: CONVERSATIONS,
        concurrency: CONCURRENCY,
        rounds,
        bare_zadd_ops_per_s: Math.round(zadd.opsPerSecond),
        bare_zpopmin_ops_per_s: Math.round(zpopmin.opsPerSecond),
        redis_enqueue_ops_per_s: Math.round(enqueue.opsPerSecond),
        redis_enqueue_p99_ms: round(enqueue.p99Ms),
        bare_zadd_server_us_per_call: round(zadd.serverUsPerCall, 1),
        bare_zpopmin_server_us_per_call: round(zpopmin.serverUsPerCall, 1),
        redis_enqueue_server_us_per_call: round(enqueue.serverUsPerCall, 1),
        redis_claim_server_us_per_call: round(claim.serverUsPerCall, 1),
        redis_claim_ops_per_s: Math.round(claim.opsPerSecond),
        redis_claim_p99_ms: round(claim.p99Ms),
        redis_position_p99_ms_at_1k: round(position1k.p99Ms),
        redis_position_p99_ms_at_10k: round(position10k.p99Ms),
        memory_enqueue_ops_per_s: Math.round(memory.enqueue.opsPerSecond),
        memory_enqueue_p99_ms: round(memory.enqueue.p99Ms),
        memory_claim_ops_per_s: Math.round(memory.claim.opsPerSecond),
        memory_claim_p99_ms: round(memory.claim.p99Ms),
        memory_position_p99_ms_at_10k: round(memoryPosition10k.p99Ms),
        ratio_enqueue_vs_bare_zadd: round(enqueueRatio, 2),
        ratio_claim_vs_bare_zpopmin: round(claimRatio, 2),
        ratio_vs_bare_zadd_zpopmin: round(ratio, 2),
        ratio_vs_bare_zadd_zpopmin_min: round(Math.min(...cycle), 2),
        ratio_vs_bare_zadd_zpopmin_max: round(Math.max(...cycle), 2),
        ...ackWaitFields(ackWait),
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
