import { decide, type DecisionInput } from '../../../knowledge-base/decision-rule';

const thresholds = { answerAt: 0.7, clarifyAt: 0.5 };
const base: DecisionInput = {
  contentWords: 3,
  candidates: 3,
  confidence: 0.9,
  shortlist: 0.95,
  bestEscalates: false,
  sharedBy: 0,
};

describe('decision rule', () => {
  it('answers when confident', () => {
    expect(decide(base, thresholds)).toEqual({ kind: 'answer' });
    expect(decide({ ...base, confidence: 0.7 }, thresholds)).toEqual({ kind: 'answer' });
  });

  it('hands a confident match on an entry marked escalate to a person', () => {
    expect(decide({ ...base, bestEscalates: true }, thresholds)).toEqual({
      kind: 'escalate',
      reason: 'entry-escalate',
    });
  });

  it('asks "did you mean" when the right entry is likely among the top three', () => {
    expect(decide({ ...base, confidence: 0.4, shortlist: 0.6 }, thresholds)).toEqual({ kind: 'clarify' });
    // An entry marked escalate is only handed over when the bot is sure it is the one.
    expect(decide({ ...base, confidence: 0.4, shortlist: 0.6, bestEscalates: true }, thresholds)).toEqual({
      kind: 'clarify',
    });
  });

  it('offers a choice for a short message many entries use, however confident', () => {
    const vague = { ...base, contentWords: 1, sharedBy: 4 };
    expect(decide(vague, thresholds)).toEqual({ kind: 'clarify' });
    expect(decide({ ...vague, bestEscalates: true }, thresholds)).toEqual({ kind: 'clarify' });
    // Two entries sharing the word are not enough to doubt a confident match.
    expect(decide({ ...vague, sharedBy: 2 }, thresholds)).toEqual({ kind: 'answer' });
    // Unsure and vague: the usual rule (here a person).
    expect(decide({ ...vague, confidence: 0.2, shortlist: 0.3 }, thresholds)).toEqual({
      kind: 'escalate',
      reason: 'low-confidence',
    });
  });

  it('does not offer a choice of one', () => {
    expect(decide({ ...base, candidates: 1, confidence: 0.4, shortlist: 0.6 }, thresholds)).toEqual({
      kind: 'escalate',
      reason: 'low-confidence',
    });
  });

  it('escalates when unsure, and when there is nothing to match', () => {
    expect(decide({ ...base, confidence: 0.3, shortlist: 0.4 }, thresholds)).toEqual({
      kind: 'escalate',
      reason: 'low-confidence',
    });
    expect(decide({ ...base, contentWords: 0 }, thresholds)).toEqual({
      kind: 'escalate',
      reason: 'no-content',
    });
    expect(decide({ ...base, candidates: 0 }, thresholds)).toEqual({
      kind: 'escalate',
      reason: 'no-content',
    });
  });
});
