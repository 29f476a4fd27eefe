/** Small timing helpers shared by the encoder benchmark's processes. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1e6);
}

/** What each measuring process prints as its one line of JSON. */
export interface RuntimeFigures {
  readonly runtime: string;
  readonly load_ms: number;
  readonly single_p50_ms: number;
  readonly single_p99_ms: number;
  readonly batch64_ms_per_sentence: number;
  readonly fast_path_us?: number;
  readonly rss_mb: number;
  /** First sentence's vector (first 8 components), to check that runtimes agree. */
  readonly probe: number[];
}

/** The input file the orchestrator writes: sentences and their piece ids (tokenized once, outside). */
export interface BenchInput {
  readonly modelDir: string;
  readonly cacheDir: string;
  readonly texts: string[];
  readonly pieces: number[][];
  readonly single: number;
  readonly batches: number;
}
