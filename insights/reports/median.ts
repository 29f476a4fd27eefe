/**
 * The median of a list: the middle value, or the mean of the two middle values when the count is
 * even (so 1, 2, 4, 10 → 3). Unlike the nearest-rank wait percentiles, a median of two answers is
 * not either of them: it is the centre a supervisor compares agents by.
 */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** How many durations there were, and their median (absent with none). */
export interface MedianDuration {
  readonly count: number;
  readonly median?: number;
}

export function medianDuration(values: readonly number[]): MedianDuration {
  const m = median(values);
  return m === undefined ? { count: 0 } : { count: values.length, median: m };
}
