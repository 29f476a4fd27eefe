import type { Priority } from './conversation';

/**
 * Queue score = class band + time of escalation (ms). One band is wider than any plausible
 * epoch-ms value, so every VIP sorts before every standard conversation and each class stays FIFO.
 * Conversations put back (claim timeout, release, agent gone) go to the head band, below all
 * classes, still ordered by their original escalation time. Scores stay well inside 2^53.
 */
export const CLASS_BAND = 1e13;
export const HEAD_BAND = -CLASS_BAND;

export function classRank(priority: Priority, order: readonly Priority[]): number {
  const i = order.indexOf(priority);
  if (i >= 0) return i;
  const standard = order.indexOf('standard');
  return standard >= 0 ? standard : order.length;
}

export function queueScore(rank: number, escalatedAt: number): number {
  return rank * CLASS_BAND + escalatedAt;
}

export function headScore(escalatedAt: number): number {
  return HEAD_BAND + escalatedAt;
}
