import type { LabelledText, Prediction } from '../../../knowledge-base';
import { bestThresholdUnderPolicy, predictionsAsBaseline } from '../../../bench/matcher/own-curve';

function prediction(top: string, confidence: number): Prediction {
  return {
    id: top,
    decision: 'answer',
    answerId: top,
    confidence,
    candidates: [{ id: top, score: confidence }],
  };
}

// Four in-scope questions (three ranked right) and two out-of-scope ones, confidences spread out.
const queries: LabelledText[] = [
  { text: 'a', expected: 'A' },
  { text: 'b', expected: 'B' },
  { text: 'c', expected: 'C' },
  { text: 'd', expected: 'D' },
  { text: 'x', expected: null },
  { text: 'y', expected: null },
];
const predictions = [
  prediction('A', 0.9),
  prediction('B', 0.8),
  prediction('X', 0.7), // wrong entry ranked first
  prediction('D', 0.3),
  prediction('A', 0.6),
  prediction('B', 0.2),
];

describe('the matcher confidence as a one-threshold curve', () => {
  it('takes the lowest threshold that meets the policy on the queries', () => {
    // No wrong answer allowed and every out-of-scope question escalated: only above 0.7.
    expect(bestThresholdUnderPolicy(queries, predictions, 0, 100)).toEqual({
      threshold: 0.8,
      accuracyPct: 50,
      wrongPct: 0,
      recallPct: 100,
    });
    // A quarter wrong and half escalated: 0.3 answers A, B, the wrong X and D, and lets "x" through.
    expect(bestThresholdUnderPolicy(queries, predictions, 25, 50)).toEqual({
      threshold: 0.3,
      accuracyPct: 75,
      wrongPct: 25,
      recallPct: 50,
    });
  });

  it('says none when no threshold meets the policy', () => {
    const allWrong = queries.map(() => prediction('Z', 0.9));
    expect(bestThresholdUnderPolicy(queries, allWrong, 0, 100)).toBeUndefined();
  });

  it('answers a text with its own prediction, and refuses one it never scored', () => {
    const baseline = predictionsAsBaseline(queries, predictions);
    expect(baseline.top('c')).toEqual({ candidates: [{ id: 'X', score: 0.7 }], confidence: 0.7 });
    expect(() => baseline.top('never seen')).toThrow(/no prediction/);
  });
});
