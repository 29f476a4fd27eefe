import { z } from 'zod';
import { DEFAULT_CALIBRATION_OPTIONS, type CalibrationOptions } from './calibration';

/**
 * The support team's answer policy, in the words a support manager uses: at most this share of
 * answered questions may get a wrong answer, at least this share of questions the KB cannot answer
 * must go to a person. The calibration set's thresholds are chosen to meet it (calibration.ts).
 * A small KB can rarely meet a strict policy and resolve much: a team may accept more wrong answers
 * there, knowing each one costs a customer a second message.
 */
export interface AnswerPolicy {
  /** Percent of in-scope questions answered with a wrong entry, at most (default 4). */
  readonly maxWrongAnswersPct: number;
  /** Percent of out-of-scope questions handed to a person, at least (default 70). */
  readonly minOutOfScopeRecallPct: number;
}

const percent = z.number().finite().min(0, 'must be at least 0').max(100, 'must be at most 100');

export const answerPolicySchema = z.object({
  maxWrongAnswersPct: percent.max(50, 'must be at most 50 (more would answer at random)'),
  minOutOfScopeRecallPct: percent,
});

export const DEFAULT_ANSWER_POLICY: AnswerPolicy = Object.freeze({
  maxWrongAnswersPct: DEFAULT_CALIBRATION_OPTIONS.maxWrongAnswerRate * 100,
  minOutOfScopeRecallPct: DEFAULT_CALIBRATION_OPTIONS.minOutOfScopeRecall * 100,
});

/** A policy (validated) as calibration options, the other knobs at their defaults. */
export function calibrationOptionsFor(policy: AnswerPolicy): CalibrationOptions {
  const p = answerPolicySchema.parse(policy);
  return {
    ...DEFAULT_CALIBRATION_OPTIONS,
    maxWrongAnswerRate: p.maxWrongAnswersPct / 100,
    minOutOfScopeRecall: p.minOutOfScopeRecallPct / 100,
  };
}

/** A bad policy value: where it came from (an option or variable name) and what is wrong. */
export interface PolicyProblem {
  readonly source: string;
  readonly message: string;
}

/**
 * A policy from text values (command-line options, environment variables), each absent one at its
 * default. Returns the problems, each naming its source, instead of throwing.
 */
export function answerPolicyFromText(values: {
  readonly maxWrongAnswersPct?: { readonly name: string; readonly text: string | undefined };
  readonly minOutOfScopeRecallPct?: { readonly name: string; readonly text: string | undefined };
}): { ok: true; policy: AnswerPolicy } | { ok: false; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const read = (key: keyof AnswerPolicy): number => {
    const source = values[key];
    const text = source?.text?.trim();
    if (source === undefined || text === undefined || text === '') return DEFAULT_ANSWER_POLICY[key];
    const n = Number(text.replace(/%$/, ''));
    const checked = Number.isNaN(n) ? undefined : answerPolicySchema.shape[key].safeParse(n);
    if (checked?.success) return checked.data;
    const message = checked ? checked.error.issues[0]?.message : 'must be a percentage such as 4 or 10';
    problems.push({ source: source.name, message: `${message ?? 'invalid'} (got "${text}")` });
    return DEFAULT_ANSWER_POLICY[key];
  };
  const policy = {
    maxWrongAnswersPct: read('maxWrongAnswersPct'),
    minOutOfScopeRecallPct: read('minOutOfScopeRecallPct'),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, policy };
}
