import {
  answerPolicyFromText,
  calibrationOptionsFor,
  DEFAULT_ANSWER_POLICY,
} from '../../../knowledge-base/answer-policy';
import { chooseThresholds } from '../../../knowledge-base/calibration';

describe('answer policy from text', () => {
  const from = (maxWrong?: string, minRecall?: string) =>
    answerPolicyFromText({
      maxWrongAnswersPct: { name: 'W', text: maxWrong },
      minOutOfScopeRecallPct: { name: 'R', text: minRecall },
    });

  it('keeps the default for absent or blank values and reads "10" and "10%" alike', () => {
    expect(from(undefined, ' ')).toEqual({ ok: true, policy: DEFAULT_ANSWER_POLICY });
    expect(from('10', '85%')).toEqual({
      ok: true,
      policy: { maxWrongAnswersPct: 10, minOutOfScopeRecallPct: 85 },
    });
  });

  it('lists every bad value with its source', () => {
    const r = from('-1', 'most');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.source)).toEqual(['W', 'R']);
    expect(r.problems[0]?.message).toContain('at least 0');
    expect(r.problems[1]?.message).toContain('must be a percentage');
  });
});

describe('the policy sets how readily the bot answers', () => {
  // 1,000 answerable questions, confidence spread over [0.3, 1): above 0.6 the top candidate is
  // always right, below it every other one is wrong. 100 unanswerable ones sit under 0.4.
  const inScope = Array.from({ length: 1000 }, (_, i) => 0.3 + (0.7 * i) / 1000);
  const confidence = [...inScope, ...Array.from({ length: 100 }, (_, i) => (0.4 * i) / 100)];
  const outcomes = confidence.map((c, i) => {
    const right = i < 1000 && (c >= 0.6 || i % 2 === 0);
    return { inScope: i < 1000, right, listed: right };
  });
  const shortlist = confidence.map(() => 0);
  const wrongShare = (answerAt: number): number =>
    outcomes.filter((o, i) => o.inScope && !o.right && confidence[i]! >= answerAt).length / 1000;
  const thresholdsFor = (maxWrongAnswersPct: number) =>
    chooseThresholds(
      confidence,
      shortlist,
      outcomes,
      calibrationOptionsFor({ maxWrongAnswersPct, minOutOfScopeRecallPct: 70 }),
    );

  it('answers lower down the confidence scale when more wrong answers are accepted', () => {
    const strict = thresholdsFor(4);
    const loose = thresholdsFor(10);
    expect(loose.answerAt).toBeLessThan(strict.answerAt);
    expect(wrongShare(strict.answerAt)).toBeLessThanOrEqual(0.04);
    expect(wrongShare(loose.answerAt)).toBeLessThanOrEqual(0.1);
    expect(wrongShare(loose.answerAt)).toBeGreaterThan(0.04);
  });

  it('refuses a policy outside its range', () => {
    expect(() => calibrationOptionsFor({ maxWrongAnswersPct: 80, minOutOfScopeRecallPct: 70 })).toThrow(
      /at most 50/,
    );
  });
});
