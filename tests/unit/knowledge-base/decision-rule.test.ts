import { decide, isVague, type DecisionInput } from '../../../knowledge-base/decision-rule';

const thresholds = { answerAt: 0.7, clarifyAt: 0.5 };
const base: DecisionInput = {
  contentWords: 3,
  candidates: 3,
  confidence: 0.9,
  shortlist: 0.95,
  bestEscalates: false,
  vague: false,
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

  it('offers a choice for a vague one-word message, however confident', () => {
    const vague = { ...base, contentWords: 1, vague: true };
    expect(decide(vague, thresholds)).toEqual({ kind: 'clarify' });
    expect(decide({ ...vague, bestEscalates: true }, thresholds)).toEqual({ kind: 'clarify' });
    // Unsure and vague: the usual rule (here a person).
    expect(decide({ ...vague, confidence: 0.2, shortlist: 0.3 }, thresholds)).toEqual({
      kind: 'escalate',
      reason: 'low-confidence',
    });
  });

  it('calls a word vague when a tenth of the entries use it, and never fewer than three', () => {
    expect(isVague(6, 58)).toBe(true);
    expect(isVague(5, 58)).toBe(false);
    expect(isVague(3, 20)).toBe(true);
    expect(isVague(2, 10)).toBe(false);
    expect(isVague(14, 150)).toBe(false);
    expect(isVague(15, 150)).toBe(true);
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
