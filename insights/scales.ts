/**
 * The answer scales of the closing survey (seed 000): CES 1 "très facile" … 5 "très compliqué",
 * lower is better; CSAT 1 … 5, higher is better; NPS 0 … 10 (seed 001), where it is asked.
 */
export const CES_POINTS = [1, 2, 3, 4, 5] as const;
export type CesPoint = (typeof CES_POINTS)[number];

export const CSAT_POINTS = [1, 2, 3, 4, 5] as const;
export type CsatPoint = (typeof CSAT_POINTS)[number];

export type NpsPoint = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export function isCesPoint(n: number): n is CesPoint {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

export function isCsatPoint(n: number): n is CsatPoint {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}

export function isNpsPoint(n: number): n is NpsPoint {
  return Number.isInteger(n) && n >= 0 && n <= 10;
}
