/** Runs `total` operations with `concurrency` in flight; returns throughput and latency percentiles. */
export interface Measurement {
  readonly ops: number;
  readonly opsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly elapsedMs: number;
}

export async function measure(
  total: number,
  concurrency: number,
  op: (index: number, worker: number) => Promise<unknown>,
  timeLimitMs = 60_000,
): Promise<Measurement> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + timeLimitMs;
  const worker = async (w: number): Promise<void> => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      await op(i, w);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pick = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    ops: latencies.length,
    opsPerSecond: latencies.length / (elapsedMs / 1000),
    p50Ms: pick(0.5),
    p99Ms: pick(0.99),
    elapsedMs,
  };
}
