import { buildKnowledgeBase } from '../../../knowledge-base';
import { chooseThresholds, DEFAULT_CALIBRATION_OPTIONS } from '../../../knowledge-base/calibration';
import { DEFAULT_RANKER_OPTIONS } from '../../../knowledge-base/ranker';
import { entryPhrasings, selfCalibrationSamples } from '../../../knowledge-base/self-calibration';
import { wilson } from '../../../knowledge-base/wilson';
import { LETTER_VECTORS } from '../../support/letter-vectors';
import { SHOP_TOPICS } from '../../support/shop-topics';

// A mixed FAQ's entries written as their question alone get one answerable probe per fold, the
// others two; customers ask about both kinds alike, so with vectors each entry weighs the same
// (a mixed English FAQ came out at 7.3 % wrong under the 4 % policy before).

function mixedEntries(withAlternates: (i: number) => boolean) {
  const lines = SHOP_TOPICS.map((t, i) => {
    const alternates = withAlternates(i) ? `"I want to ${t}", "${t} please", "can I ${t} online"` : '';
    return `  - { id: e${i}, question: "how do I ${t}", alternates: [${alternates}], answer: "a${i}" }`;
  });
  const kb = buildKnowledgeBase([
    { file: 'en.yaml', text: `version: 1\nlocale: en\nentries:\n${lines.join('\n')}\n` },
  ]);
  return entryPhrasings(kb.entries);
}

/** Each entry's total weight over the answerable samples. */
function weightByEntry(samples: ReturnType<typeof selfCalibrationSamples>): Map<number, number> {
  const totals = new Map<number, number>();
  for (const s of samples)
    if (s.expected >= 0) totals.set(s.expected, (totals.get(s.expected) ?? 0) + (s.weight ?? 1));
  return totals;
}

describe('answerable probes, entry by entry', () => {
  it('with vectors, every entry of a mixed FAQ weighs the same, and the weights average 1', () => {
    const samples = selfCalibrationSamples(
      'en',
      mixedEntries((i) => i % 3 === 0),
      DEFAULT_RANKER_OPTIONS,
      undefined,
      LETTER_VECTORS,
    );
    const answerable = samples.filter((s) => s.expected >= 0);
    const totals = [...weightByEntry(samples).values()];
    expect(totals).toHaveLength(SHOP_TOPICS.length);
    for (const t of totals) expect(t).toBeCloseTo(totals[0]!, 9);
    const mean = answerable.reduce((sum, s) => sum + s.weight!, 0) / answerable.length;
    expect(mean).toBeCloseTo(1, 9);
    // Entries with alternates have twice the probes, so each of them counts half as much.
    const counts = new Map<number, number>();
    for (const s of answerable) counts.set(s.expected, (counts.get(s.expected) ?? 0) + 1);
    expect(counts.get(0)).toBe(2 * counts.get(1)!);
  });

  it('leaves every weight at exactly 1 when the entries are alike, or without vectors', () => {
    const every = (samples: ReturnType<typeof selfCalibrationSamples>) =>
      samples.filter((s) => s.expected >= 0).every((s) => (s.weight ?? 1) === 1);
    const withVectors = (entries: ReturnType<typeof mixedEntries>) =>
      selfCalibrationSamples('en', entries, DEFAULT_RANKER_OPTIONS, undefined, LETTER_VECTORS);
    expect(every(withVectors(mixedEntries(() => true)))).toBe(true);
    expect(every(withVectors(mixedEntries(() => false)))).toBe(true);
    expect(
      every(
        selfCalibrationSamples(
          'en',
          mixedEntries((i) => i % 3 === 0),
          DEFAULT_RANKER_OPTIONS,
        ),
      ),
    ).toBe(true);
  });
});

describe('thresholds with weighted answerable outcomes', () => {
  // 900 messages always right and 100 wrong below confidence 0.9, spread over [0.5, 1).
  const confidence = Array.from({ length: 1000 }, (_, i) => 0.5 + (i % 100) / 200);
  const alone = (i: number) => i >= 900;
  const outcomes = confidence.map((c, i) => ({ inScope: true, right: !alone(i) || c >= 0.9, listed: true }));
  const shortlist = confidence.map(() => 0);
  const options = { ...DEFAULT_CALIBRATION_OPTIONS, minOutOfScopeRecall: 0 };
  const wrongAt = (answerAt: number, weight: (i: number) => number) => {
    let wrong = 0;
    let total = 0;
    outcomes.forEach((o, i) => {
      total += weight(i);
      if (confidence[i]! >= answerAt && !o.right) wrong += weight(i);
    });
    return { wrong, total };
  };

  it('a weight of 1 everywhere chooses what no weights choose', () => {
    const unweighted = chooseThresholds(confidence, shortlist, outcomes, options);
    const ones = chooseThresholds(
      confidence,
      shortlist,
      outcomes.map((o) => ({ ...o, weight: 1 })),
      options,
    );
    expect(ones).toEqual(unweighted);
  });

  it('heavier outcomes that go wrong raise the threshold until their weighted rate meets the policy', () => {
    // The 100 count as much as the 900 (weights averaging 1): their wrong answers count five times more.
    const weight = (i: number) => (alone(i) ? 5 : 5 / 9);
    const unweighted = chooseThresholds(confidence, shortlist, outcomes, options);
    const weighted = chooseThresholds(
      confidence,
      shortlist,
      outcomes.map((o, i) => ({ ...o, weight: weight(i) })),
      options,
    );
    expect(weighted.answerAt).toBeGreaterThan(unweighted.answerAt);
    const { wrong, total } = wrongAt(weighted.answerAt, weight);
    expect(wilson(wrong, total, 1).upper).toBeLessThanOrEqual(0.04);
    const before = wrongAt(unweighted.answerAt, weight);
    expect(wilson(before.wrong, before.total, 1).upper).toBeGreaterThan(0.04);
  });
});
