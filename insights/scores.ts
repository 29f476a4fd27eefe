/**
 * The three survey scores, with the formulas of the seeds.
 *
 * CES (seed 000): "CES = somme des points / nombre d'avis", points 1 (très facile) … 5 (très
 * compliqué); the higher, the more effort (bad). Mon aide à l'heure measures 2.8 and aims for 2.0.
 * CSAT (seed 001): a 1…5 note; reported as the share of 4 and 5 (in %) and as the mean.
 * NPS (seed 001): % promoters (9–10) − % detractors (0–6), each percentage rounded to a whole number
 * first ("on n'affiche pas de chiffre après la virgule"): 35/75 → 47 %, 30/75 → 40 %, NPS 7.
 * Every score is undefined for zero answers: no answers is not a score of 0.
 */
export interface CesScore {
  readonly count: number;
  readonly sum: number;
  /** sum / count, unrounded; display with one decimal (2.8). */
  readonly value: number;
  /** How many answers gave each point, index 0 = 1 point. */
  readonly distribution: readonly [number, number, number, number, number];
}

export function cesScore(points: readonly number[]): CesScore | undefined {
  if (points.length === 0) return undefined;
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const p of points) {
    if (!Number.isInteger(p) || p < 1 || p > 5) throw new RangeError(`CES point out of 1…5: ${p}`);
    sum += p;
    distribution[p - 1] = (distribution[p - 1] ?? 0) + 1;
  }
  return { count: points.length, sum, value: sum / points.length, distribution };
}

export interface CsatScore {
  readonly count: number;
  /** Answers of 4 or 5. */
  readonly satisfied: number;
  /** satisfied / count × 100, unrounded. */
  readonly satisfiedPercent: number;
  readonly mean: number;
}

export function csatScore(points: readonly number[]): CsatScore | undefined {
  if (points.length === 0) return undefined;
  let sum = 0;
  let satisfied = 0;
  for (const p of points) {
    if (!Number.isInteger(p) || p < 1 || p > 5) throw new RangeError(`CSAT point out of 1…5: ${p}`);
    sum += p;
    if (p >= 4) satisfied += 1;
  }
  return {
    count: points.length,
    satisfied,
    satisfiedPercent: (satisfied / points.length) * 100,
    mean: sum / points.length,
  };
}

export interface NpsScore {
  readonly count: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  /** Whole percentages, as the seed displays them. */
  readonly promoterPercent: number;
  readonly detractorPercent: number;
  /** promoterPercent − detractorPercent: −100 … 100. */
  readonly value: number;
}

export function npsScore(scores: readonly number[]): NpsScore | undefined {
  if (scores.length === 0) return undefined;
  let promoters = 0;
  let detractors = 0;
  for (const s of scores) {
    if (!Number.isInteger(s) || s < 0 || s > 10) throw new RangeError(`NPS note out of 0…10: ${s}`);
    if (s >= 9) promoters += 1;
    else if (s <= 6) detractors += 1;
  }
  const promoterPercent = Math.round((promoters / scores.length) * 100);
  const detractorPercent = Math.round((detractors / scores.length) * 100);
  return {
    count: scores.length,
    promoters,
    passives: scores.length - promoters - detractors,
    detractors,
    promoterPercent,
    detractorPercent,
    value: promoterPercent - detractorPercent,
  };
}
