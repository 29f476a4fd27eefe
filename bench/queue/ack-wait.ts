import { Redis } from 'ioredis';
import type { ReplicaWait } from '../../bot/redis/replicas';
import { ACK_PATHS, ackTarget, type AckPath } from './ack-paths';
import { measure, type Measurement } from './measure';
import { medianOf } from './rounds';
import { startReplicaPair } from '../../tests/support/redis-replica-pair';

/**
 * The cost of `REDIS_WAIT_REPLICAS=1`: the same acknowledgements, on the same primary and
 * connection, with wait 0 and wait 1 back to back in every round (which goes first alternates).
 */
export const ACK_MESSAGES = 2_000;
export const ACK_CONCURRENCIES = [50, 1] as const;
/** The product's default REDIS_WAIT_TIMEOUT_MS (bot/redis/shape.ts). */
const WAIT_TIMEOUT_MS = 500;
const PHASE_LIMIT_MS = 60_000;

export interface AckCell {
  readonly path: AckPath;
  readonly concurrency: number;
}

/** wait 0 and wait 1 of one cell, and wait 1 over wait 0 (latency: > 1 is slower; throughput: < 1). */
export interface AckComparison extends AckCell {
  readonly wait0: Measurement;
  readonly wait1: Measurement;
  readonly ratioPerSecond: number;
  readonly ratioP50: number;
  readonly ratioP99: number;
}

export interface AckWaitResult {
  readonly cells: readonly AckComparison[];
  /** WAITs that returned fewer replicas than asked (each then cost the whole timeout): should be 0. */
  readonly shortWaits: number;
}

function compare(cell: AckCell, wait0: Measurement, wait1: Measurement): AckComparison {
  return {
    ...cell,
    wait0,
    wait1,
    ratioPerSecond: wait1.opsPerSecond / wait0.opsPerSecond,
    ratioP50: wait1.p50Ms / wait0.p50Ms,
    ratioP99: wait1.p99Ms / wait0.p99Ms,
  };
}

const CELLS: readonly AckCell[] = ACK_PATHS.flatMap((path) =>
  ACK_CONCURRENCIES.map((concurrency) => ({ path, concurrency })),
);

/** One round: every cell, wait 0 and wait 1 each under a fresh prefix so both start from the same data. */
async function ackRound(
  redis: Redis,
  waiter: Redis,
  label: string,
  wait1First: boolean,
  short: () => void,
): Promise<AckComparison[]> {
  const run = async (cell: AckCell, waitReplicas: 0 | 1): Promise<Measurement> => {
    const wait: ReplicaWait = { waitReplicas, waitTimeoutMs: WAIT_TIMEOUT_MS, short, via: waiter };
    const prefix = `bench-${process.pid}-ack-${label}-${cell.path}-c${cell.concurrency}-w${waitReplicas}`;
    const target = ackTarget(cell.path, redis, prefix, wait);
    await target.prepare();
    return measure(ACK_MESSAGES, cell.concurrency, (i) => target.ack(i), PHASE_LIMIT_MS);
  };
  const cells: AckComparison[] = [];
  for (const cell of CELLS) {
    const first = await run(cell, wait1First ? 1 : 0);
    const second = await run(cell, wait1First ? 0 : 1);
    cells.push(wait1First ? compare(cell, second, first) : compare(cell, first, second));
  }
  return cells;
}

function medianMeasurement(values: readonly Measurement[]): Measurement {
  return {
    ops: medianOf(values, (m) => m.ops),
    opsPerSecond: medianOf(values, (m) => m.opsPerSecond),
    p50Ms: medianOf(values, (m) => m.p50Ms),
    p99Ms: medianOf(values, (m) => m.p99Ms),
    elapsedMs: medianOf(values, (m) => m.elapsedMs),
  };
}

/** Per-field medians over rounds; the ratios are the medians of each round's own ratio. */
function medianCells(rounds: readonly (readonly AckComparison[])[]): AckComparison[] {
  return CELLS.map((cell, i) => {
    const of = rounds.map((r) => r[i]!);
    return {
      ...cell,
      wait0: medianMeasurement(of.map((c) => c.wait0)),
      wait1: medianMeasurement(of.map((c) => c.wait1)),
      ratioPerSecond: medianOf(of, (c) => c.ratioPerSecond),
      ratioP50: medianOf(of, (c) => c.ratioP50),
      ratioP99: medianOf(of, (c) => c.ratioP99),
    };
  });
}

/** Starts its own primary + replica, runs one untimed round then `rounds` timed ones, and stops them. */
export async function benchAckWait(rounds: number, log: (message: string) => void): Promise<AckWaitResult> {
  const pair = await startReplicaPair();
  // As bot/redis/connection.ts opens them: the stores' connection, and the waited writes' own.
  const redis = new Redis(pair.primaryUrl);
  const waiter = new Redis(pair.primaryUrl);
  let shortWaits = 0;
  const short = (): void => {
    shortWaits++;
  };
  try {
    log('replica wait: warm-up round (untimed)…');
    await ackRound(redis, waiter, 'warm', false, short);
    shortWaits = 0;
    const results: AckComparison[][] = [];
    for (let r = 1; r <= rounds; r++) {
      const cells = await ackRound(redis, waiter, `r${r}`, r % 2 === 1, short);
      results.push(cells);
      log(
        `replica wait round ${r}/${rounds}: p99 wait1/wait0 ` +
          cells.map((c) => `${c.path}@${c.concurrency} ${c.ratioP99.toFixed(2)}×`).join(', '),
      );
    }
    return { cells: medianCells(results), shortWaits };
  } finally {
    redis.disconnect();
    waiter.disconnect();
    await pair.stop();
  }
}
