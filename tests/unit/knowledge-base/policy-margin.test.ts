import { chooseThresholds, DEFAULT_CALIBRATION_OPTIONS } from '../../../knowledge-base/calibration';
import { wilson } from '../../../knowledge-base/wilson';

describe('Wilson interval', () => {
  it('matches the textbook 95 % interval for 70 successes out of 100', () => {
    const { lower, upper } = wilson(70, 100, 1.96);
    expect(lower).toBeCloseTo(0.6042, 3);
    expect(upper).toBeCloseTo(0.781, 3);
  });

  it('is the proportion itself with no margin, and narrows as the sample grows', () => {
    expect(wilson(7, 10, 0)).toEqual({ lower: 0.7, upper: 0.7 });
    const small = wilson(7, 10, 1);
    const large = wilson(700, 1000, 1);
    expect(small.upper - small.lower).toBeGreaterThan(3 * (large.upper - large.lower));
  });
});

describe('thresholds under a policy margin', () => {
  // 1,000 answerable questions, all ranked right, confidence spread over [0.5, 1);
  // 100 unanswerable ones with confidence spread over [0, 0.8).
  const confidence = [
    ...Array.from({ length: 1000 }, (_, i) => 0.5 + i / 2000),
    ...Array.from({ length: 100 }, (_, i) => (0.8 * i) / 100),
  ];
  const outcomes = confidence.map((_, i) => ({ inScope: i < 1000, right: i < 1000, listed: i < 1000 }));
  const shortlist = confidence.map(() => 0);
  const recallAt = (answerAt: number): number =>
    confidence.slice(1000).filter((c) => c < answerAt).length / 100;

  it('meets the recall on the sample itself without a margin', () => {
    const t = chooseThresholds(confidence, shortlist, outcomes, {
      ...DEFAULT_CALIBRATION_OPTIONS,
      policyMargin: 0,
    });
    expect(recallAt(t.answerAt)).toBeGreaterThanOrEqual(0.7);
    expect(recallAt(t.answerAt)).toBeLessThan(0.75);
  });

  it('asks for the recall lower bound to meet the policy with a margin, so answers less', () => {
    const loose = chooseThresholds(confidence, shortlist, outcomes, {
      ...DEFAULT_CALIBRATION_OPTIONS,
      policyMargin: 0,
    });
    const strict = chooseThresholds(confidence, shortlist, outcomes, {
      ...DEFAULT_CALIBRATION_OPTIONS,
      policyMargin: 1,
    });
    expect(strict.answerAt).toBeGreaterThan(loose.answerAt);
    const escalated = Math.round(recallAt(strict.answerAt) * 100);
    expect(wilson(escalated, 100, 1).lower).toBeGreaterThanOrEqual(0.7);
  });
});
