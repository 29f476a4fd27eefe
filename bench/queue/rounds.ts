/**
 * Per-round figures and their medians. One phase of 10,000 operations lasts a quarter of a second
 * here, so one scheduler hiccup on a shared 2-core machine moves a single run by a tenth; the
 * verdict is the median over interleaved rounds, with the spread printed beside it.
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The median of one numeric field across rounds. */
export function medianOf<T>(rounds: readonly T[], pick: (round: T) => number): number {
  return median(rounds.map(pick));
}

/** `--rounds N` from the command line, else the default; refuses anything but a positive integer. */
export function roundsFromArgs(argv: readonly string[], fallback: number): number {
  const at = argv.indexOf('--rounds');
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 100)
    throw new Error(`--rounds takes a whole number from 1 to 100 (got "${argv[at + 1] ?? ''}")`);
  return value;
}
