/** Wilson score interval of a proportion `k / n` at normal quantile `z` (z = 0: the proportion). */
export function wilson(k: number, n: number, z: number): { lower: number; upper: number } {
  const p = k / n;
  if (z === 0) return { lower: p, upper: p };
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
