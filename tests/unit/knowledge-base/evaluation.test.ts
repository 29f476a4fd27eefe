import { join } from 'node:path';
import { Faq, summarize, toPrediction, type Prediction } from '../../../knowledge-base';

function p(
  id: string,
  decision: Prediction['decision'],
  answerId: string | null,
  confidence: number,
  candidates: string[],
): Prediction {
  return {
    id,
    decision,
    answerId,
    confidence,
    candidates: candidates.map((c, i) => ({ id: c, score: i === 0 ? confidence : 0 })),
    latencyMs: Number(id),
  };
}

describe('evaluation summary', () => {
  // 4 in scope: one right, one wrong, one clarified with the right option, one escalated.
  // 2 out of scope: one escalated, one answered.
  const predictions = [
    p('1', 'answer', 'a', 0.9, ['a', 'b']),
    p('2', 'answer', 'c', 0.8, ['c', 'b']),
    p('3', 'clarify', 'd', 0.4, ['d', 'b', 'c']),
    p('4', 'escalate', null, 0.1, ['a']),
    p('5', 'escalate', null, 0.2, ['a']),
    p('6', 'answer', 'a', 0.7, ['a']),
  ];
  const expected = ['a', 'b', 'b', 'c', null, null];

  it('counts in-scope outcomes in % of in-scope queries and out-of-scope ones in % of those', async () => {
    const s = summarize(predictions, expected, 12.4);
    expect(s).toMatchObject({
      queries: 6,
      in_scope: 4,
      out_of_scope: 2,
      in_scope_accuracy_pct: 25,
      clarify_recovered_pct: 25,
      accuracy_plus_clarify_pct: 50,
      wrong_answers_pct: 25,
      out_of_scope_recall_pct: 50,
      false_answers_pct: 50,
      build_ms: 12,
    });
  });

  it('computes the expected calibration error over 10 equal-width bins', async () => {
    // Correct top candidate only for query 1 (0.9 → correct). Bins: 0.9:[1 ok], 0.8:[0], 0.4:[0], 0.1:[0], 0.2:[0], 0.7:[0].
    const ece = (0.1 + 0.8 + 0.4 + 0.1 + 0.2 + 0.7) / 6;
    expect(summarize(predictions, expected, 0).expected_calibration_error).toBeCloseTo(ece, 4);
  });

  it('reports latency quantiles', async () => {
    const s = summarize(predictions, expected, 0);
    expect(s.p50_ms).toBe(3);
    expect(s.p99_ms).toBe(6);
  });
});

describe('prediction of an entry marked escalate', () => {
  const demo = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', 'fr.yaml');
  let kb: Faq;
  beforeAll(async () => {
    kb = await Faq.load([demo]);
  });

  it('records the matched entry as the answer, flagged as handed over, so accuracy counts it', async () => {
    const decision = await kb.match('je conteste la facture de mars', { locale: 'fr' });
    expect(decision).toMatchObject({ decision: 'escalate', reason: 'entry-escalate' });
    const prediction = toPrediction('q', decision);
    expect(prediction).toMatchObject({ decision: 'answer', answerId: 'charge-dispute', handoff: true });
    expect(summarize([prediction], ['charge-dispute'], 0).in_scope_accuracy_pct).toBe(100);
    // Out of scope, the same match is a false answer, not a recalled escalation.
    expect(summarize([prediction], [null], 0)).toMatchObject({
      out_of_scope_recall_pct: 0,
      false_answers_pct: 100,
    });
  });

  it('leaves a low-confidence escalation without an answer id', async () => {
    const decision = await kb.match('quelle est la météo demain', { locale: 'fr' });
    expect(decision.decision).toBe('escalate');
    expect(toPrediction('q', decision)).toMatchObject({ decision: 'escalate', answerId: null });
    expect(toPrediction('q', decision)).not.toHaveProperty('handoff');
  });
});
