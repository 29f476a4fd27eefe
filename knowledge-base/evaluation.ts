import type { Decision } from './types';

/** One line of a predictions file (`relais kb eval --out`). */
export interface Prediction {
  readonly id: string;
  readonly decision: Decision['decision'];
  readonly answerId: string | null;
  readonly confidence: number;
  readonly candidates: ReadonlyArray<{ readonly id: string; readonly score: number }>;
  readonly latencyMs?: number;
  /** The answer goes out and the conversation then goes to a person (entry marked `escalate`). */
  readonly handoff?: true;
}

/**
 * A confident match on an entry marked `escalate` is recorded as an answer with that entry: the
 * customer receives the entry's answer (then a person takes over), so it is right when the entry
 * is, and a false answer when the question was out of scope. Only "no entry answers this" is
 * recorded as `escalate`, which is what out-of-scope recall counts.
 */
export function toPrediction(id: string, decision: Decision, latencyMs?: number): Prediction {
  const entryEscalate =
    decision.decision === 'escalate' && decision.reason === 'entry-escalate' && decision.entry;
  const answerId =
    decision.decision === 'answer'
      ? decision.entry.id
      : decision.decision === 'clarify'
        ? (decision.options[0]?.id ?? null)
        : entryEscalate
          ? entryEscalate.id
          : null;
  return {
    id,
    decision: entryEscalate ? 'answer' : decision.decision,
    answerId,
    confidence: decision.confidence,
    candidates: decision.candidates.map((c) => ({ id: c.id, score: c.score })),
    ...(latencyMs === undefined ? {} : { latencyMs: Math.round(latencyMs * 1000) / 1000 }),
    ...(entryEscalate ? { handoff: true as const } : {}),
  };
}

/** The figures `kb eval` and the benchmark print; percentages are of in-scope or out-of-scope queries. */
export interface EvalSummary {
  readonly queries: number;
  readonly in_scope: number;
  readonly out_of_scope: number;
  readonly in_scope_accuracy_pct: number;
  readonly clarify_recovered_pct: number;
  readonly accuracy_plus_clarify_pct: number;
  readonly wrong_answers_pct: number;
  readonly out_of_scope_recall_pct: number;
  readonly false_answers_pct: number;
  readonly expected_calibration_error: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly build_ms: number;
}

const ECE_BINS = 10;

export function summarize(
  predictions: readonly Prediction[],
  expected: readonly (string | null)[],
  buildMs: number,
): EvalSummary {
  let inScope = 0;
  let right = 0;
  let recovered = 0;
  let wrong = 0;
  let oos = 0;
  let oosEscalated = 0;
  let oosAnswered = 0;
  const bins = Array.from({ length: ECE_BINS }, () => ({ n: 0, confidence: 0, correct: 0 }));
  predictions.forEach((p, i) => {
    const want = expected[i] ?? null;
    if (want === null) {
      oos++;
      if (p.decision === 'escalate') oosEscalated++;
      if (p.decision === 'answer') oosAnswered++;
    } else {
      inScope++;
      if (p.decision === 'answer' && p.answerId === want) right++;
      else if (p.decision === 'answer') wrong++;
      else if (p.decision === 'clarify' && p.candidates.some((c) => c.id === want)) recovered++;
    }
    const bin = bins[Math.min(ECE_BINS - 1, Math.floor(p.confidence * ECE_BINS))]!;
    bin.n++;
    bin.confidence += p.confidence;
    bin.correct += want !== null && p.candidates[0]?.id === want ? 1 : 0;
  });
  const total = predictions.length || 1;
  const ece = bins.reduce(
    (sum, b) => (b.n === 0 ? sum : sum + (b.n / total) * Math.abs(b.confidence / b.n - b.correct / b.n)),
    0,
  );
  const latencies = predictions.map((p) => p.latencyMs ?? 0).sort((a, b) => a - b);
  const pct = (n: number, d: number): number => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);
  return {
    queries: predictions.length,
    in_scope: inScope,
    out_of_scope: oos,
    in_scope_accuracy_pct: pct(right, inScope),
    clarify_recovered_pct: pct(recovered, inScope),
    accuracy_plus_clarify_pct: pct(right + recovered, inScope),
    wrong_answers_pct: pct(wrong, inScope),
    out_of_scope_recall_pct: pct(oosEscalated, oos),
    false_answers_pct: pct(oosAnswered, oos),
    expected_calibration_error: Math.round(ece * 1e4) / 1e4,
    p50_ms: quantile(latencies, 0.5),
    p99_ms: quantile(latencies, 0.99),
    build_ms: Math.round(buildMs),
  };
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const v = sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return Math.round(v * 1000) / 1000;
}
