import type { LabelledText, Prediction } from '../../knowledge-base';
import type { Baseline } from './baselines';
import { at, confidences, round, score } from './same-recall';

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
  const scored = score(predictionsAsBaseline(queries, predictions), queries);
  const hasOutOfScope = scored.some((s) => s.outOfScope);
  for (const threshold of confidences(scored)) {
    const o = at(scored, threshold);
    const outcome = {
      threshold,
      accuracyPct: round(o.accuracy),
      wrongPct: round(o.wrong),
      recallPct: hasOutOfScope ? round(o.recall) : 100,
    };
    if (outcome.wrongPct <= maxWrongPct && outcome.recallPct >= minRecallPct) return outcome;
  }
  return undefined;
}
