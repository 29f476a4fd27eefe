import type { LabelledText } from '../../knowledge-base';
import type { Baseline } from './baselines';

/** A baseline's in-scope accuracy when it escalates a given share of the out-of-scope queries. */
export interface AtRecall {
  /** The recall asked for (the matcher's, on the test queries). */
  readonly targetRecallPct: number;
  /** Threshold chosen on the calibration set so that its recall there reaches the target. */
  readonly calibratedThreshold: number;
  /** What that threshold gives on the test queries. */
  readonly calibratedAccuracyPct: number;
  readonly calibratedRecallPct: number;
  /** Thresholds swept on the test queries, accuracy interpolated at exactly the target recall. */
  readonly interpolatedAccuracyPct: number;
}

export interface Scored {
  readonly confidence: number;
  readonly right: boolean;
  readonly outOfScope: boolean;
}

export function score(baseline: Baseline, queries: readonly LabelledText[]): Scored[] {
  return queries.map((q) => {
    const r = baseline.top(q.text);
    return {
      confidence: r.candidates.length > 0 ? r.confidence : -Infinity,
      right: q.expected !== null && r.candidates[0]?.id === q.expected,
      outOfScope: q.expected === null,
    };
  });
}

/** In-scope accuracy and wrong answers, and out-of-scope recall (%) when answering at confidence >= threshold. */
export function at(
  scored: readonly Scored[],
  threshold: number,
): { accuracy: number; wrong: number; recall: number } {
  let right = 0;
  let wrong = 0;
  let inScope = 0;
  let escalated = 0;
  let oos = 0;
  for (const s of scored) {
    const answers = s.confidence >= threshold;
    if (s.outOfScope) {
      oos++;
      if (!answers) escalated++;
    } else {
      inScope++;
      if (answers && s.right) right++;
      else if (answers) wrong++;
    }
  }
  return {
    accuracy: (100 * right) / (inScope || 1),
    wrong: (100 * wrong) / (inScope || 1),
    recall: (100 * escalated) / (oos || 1),
  };
}

/** Every distinct finite confidence, lowest first: where the outcome of a threshold can change. */
export function confidences(scored: readonly Scored[]): number[] {
  return [...new Set(scored.map((s) => s.confidence).filter(Number.isFinite))].sort((a, b) => a - b);
}

/** Candidate thresholds: every distinct confidence (recall only changes there), and one above all. */
function thresholds(scored: readonly Scored[]): number[] {
  const values = confidences(scored);
  return [...values, (values.at(-1) ?? 0) + 1];
}

/**
 * Where the baseline stands at the matcher's out-of-scope recall: the lowest threshold whose recall
 * on the calibration set reaches the target (as a deployment would set it), and, as a check, its
 * accuracy on the test queries interpolated at exactly the target recall.
 */
export function baselineAtRecall(
  baseline: Baseline,
  calibration: readonly LabelledText[],
  queries: readonly LabelledText[],
  targetRecallPct: number,
): AtRecall {
  const calibrated = score(baseline, calibration);
  const tested = score(baseline, queries);
  const calibratedThreshold =
    thresholds(calibrated).find((t) => at(calibrated, t).recall >= targetRecallPct) ?? Infinity;
  const onTest = at(tested, calibratedThreshold);
  // Recall rises and accuracy falls with the threshold: walk up to the first point past the target.
  const curve = thresholds(tested).map((t) => at(tested, t));
  let interpolated = curve.at(-1)?.accuracy ?? 0;
  for (let i = 0; i < curve.length; i++) {
    const p = curve[i]!;
    if (p.recall < targetRecallPct) continue;
    const q = i > 0 ? curve[i - 1]! : p;
    const span = p.recall - q.recall;
    const share = span > 0 ? (targetRecallPct - q.recall) / span : 1;
    interpolated = q.accuracy + share * (p.accuracy - q.accuracy);
    break;
  }
  return {
    targetRecallPct,
    calibratedThreshold,
    calibratedAccuracyPct: round(onTest.accuracy),
    calibratedRecallPct: round(onTest.recall),
    interpolatedAccuracyPct: round(interpolated),
  };
}

export function round(x: number): number {
  return Math.round(x * 10) / 10;
}
