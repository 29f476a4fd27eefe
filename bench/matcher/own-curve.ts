import type { LabelledText, Prediction } from '../../knowledge-base';
import type { Baseline } from './baselines';

/**
 * The matcher's own confidence read as a one-threshold baseline (answer the top candidate when
 * confidence >= t, else a person; no "did you mean"), so it can be swept on the queries exactly as
 * the TF-IDF + LR baseline is. What it separates: how good the confidence is as a ranking (this
 * curve against LR's) from how well self-calibration placed the thresholds (the matcher's own row).
 */
export function predictionsAsBaseline(
  queries: readonly LabelledText[],
  predictions: readonly Prediction[],
): Baseline {
  const byText = new Map(queries.map((q, i) => [q.text, predictions[i]!]));
  return {
    name: 'Relais confidence, one threshold',
    top(text) {
      const p = byText.get(text);
      if (!p) throw new Error(`no prediction for ${JSON.stringify(text)}`);
      return { candidates: [...p.candidates], confidence: p.confidence };
    },
  };
}

/** One threshold's outcome on labelled queries, in percent of in-scope (accuracy, wrong) or out-of-scope (recall) queries. */
export interface ThresholdOutcome {
  readonly threshold: number;
  readonly accuracyPct: number;
  readonly wrongPct: number;
  readonly recallPct: number;
}

/**
 * The lowest threshold on the matcher's confidence that meets the policy on these very queries
 * (an oracle: what perfect self-calibration could reach with one threshold), or undefined when none does.
 */
export function bestThresholdUnderPolicy(
  queries: readonly LabelledText[],
  predictions: readonly Prediction[],
  maxWrongPct: number,
  minRecallPct: number,
): ThresholdOutcome | undefined {
  const inScope = queries.filter((q) => q.expected !== null).length;
  const outOfScope = queries.length - inScope;
  const candidates = [...new Set(predictions.map((p) => p.confidence))].sort((a, b) => a - b);
  for (const threshold of candidates) {
    let right = 0;
    let wrong = 0;
    let escalated = 0;
    queries.forEach((q, i) => {
      const p = predictions[i]!;
      const answers = p.confidence >= threshold && p.candidates.length > 0;
      if (q.expected === null) escalated += answers ? 0 : 1;
      else if (answers && p.candidates[0]!.id === q.expected) right++;
      else if (answers) wrong++;
    });
    const outcome = {
      threshold,
      accuracyPct: round((100 * right) / (inScope || 1)),
      wrongPct: round((100 * wrong) / (inScope || 1)),
      recallPct: outOfScope === 0 ? 100 : round((100 * escalated) / outOfScope),
    };
    if (outcome.wrongPct <= maxWrongPct && outcome.recallPct >= minRecallPct) return outcome;
  }
  return undefined;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
