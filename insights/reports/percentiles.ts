/**
 * Nearest-rank percentiles: the p-th percentile is the smallest value with at least p % of the
 * values at or below it (rank ⌈p/100 · n⌉). Always one of the observed values, so a wait-time p90
 * is a wait a real customer had.
 */
export function percentile(sortedAscending: readonly number[], p: number): number | undefined {
  if (sortedAscending.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1];
}

export interface WaitTimePercentiles {
  readonly count: number;
  readonly p50?: number;
  readonly p90?: number;
  readonly p99?: number;
}

export function waitTimePercentiles(waits: readonly number[]): WaitTimePercentiles {
  const sorted = [...waits].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0 };
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
  };
}
