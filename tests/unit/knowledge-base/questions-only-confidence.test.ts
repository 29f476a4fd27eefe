import { buildKnowledgeBase } from '../../../knowledge-base';
import { Matcher } from '../../../knowledge-base/matcher';
import { DEFAULT_BLEND, rankEntries, Ranker } from '../../../knowledge-base/ranker';
import { confidenceSignalsFor, entryPhrasings } from '../../../knowledge-base/self-calibration';
import { LEARNED_PROBABILITY_SIGNAL, signals } from '../../../knowledge-base/signals';
import { LETTER_VECTORS as dense } from '../../support/letter-vectors';
import { SHOP_TOPICS as TOPICS } from '../../support/shop-topics';

// On a KB of questions only, self-calibration's answerable probes are made-up paraphrases of the
// very questions the ranker holds: what compares a message with its question (above all the
// encoder's similarity) is inflated there, so with vectors the confidence reads the learned
// scorer's probability alone (CLINC150 one phrasing per intent: 10.9 → 18.4 % right at 2.8 % wrong).

function kbText(withAlternates: (i: number) => boolean): string {
  const entries = TOPICS.map((t, i) => {
    const alternates = withAlternates(i) ? `"I want to ${t}", "${t} please", "can I ${t} online"` : '';
    return `  - { id: e${i}, question: "how do I ${t}", alternates: [${alternates}], answer: "a${i}" }`;
  });
  return `version: 1\nlocale: en\nentries:\n${entries.join('\n')}\n`;
}

const entriesOf = (withAlternates: (i: number) => boolean) =>
  buildKnowledgeBase([{ file: 'en.yaml', text: kbText(withAlternates) }]).entries;

const readWeights = (m: Matcher) =>
  m.snapshot().calibration.answer.weights.flatMap((w, i) => (w !== 0 ? [i] : []));

describe('what the self-calibrated confidence reads', () => {
  it('is the learned probability alone on a KB of questions only with vectors, every signal otherwise', () => {
    const none = () => false;
    expect(confidenceSignalsFor(entryPhrasings(entriesOf(none)), true)).toBe('learned-probability');
    expect(confidenceSignalsFor(entryPhrasings(entriesOf(none)), false)).toBe('all');
    // A third of the entries with alternates is a mixed KB: their held-out phrasings are real probes.
    expect(confidenceSignalsFor(entryPhrasings(entriesOf((i) => i % 3 === 0)), true)).toBe('all');
    // One entry in twelve with alternates is still a KB of questions only (at least 90 % of them).
    expect(confidenceSignalsFor(entryPhrasings(entriesOf((i) => i === 0)), true)).toBe('learned-probability');
  });

  it('a matcher built on questions only with vectors gives weight to the learned probability only', () => {
    const questionsOnly = Matcher.build(
      'en',
      entriesOf(() => false),
      { dense },
    );
    expect(questionsOnly.info.calibration.source).toBe('self-calibration');
    expect(readWeights(questionsOnly)).toEqual([LEARNED_PROBABILITY_SIGNAL]);
    // The same KB read lexically, or with alternates, keeps every signal.
    expect(
      readWeights(
        Matcher.build(
          'en',
          entriesOf(() => false),
        ),
      ).length,
    ).toBeGreaterThan(3);
    expect(
      readWeights(
        Matcher.build(
          'en',
          entriesOf(() => true),
          { dense },
        ),
      ).length,
    ).toBeGreaterThan(3);
  });

  it('LEARNED_PROBABILITY_SIGNAL is where signals() puts the best entry’s learned probability', () => {
    const entries = entriesOf(() => true);
    const texts = entries.flatMap((e) => [e.question, ...e.alternates]);
    const labels = Int32Array.from(entries.flatMap((e, i) => [e.question, ...e.alternates].map(() => i)));
    const ranker = Ranker.build('en', texts, labels, entries.length);
    const scored = ranker.score('I would like to track my parcel');
    const { ranked } = rankEntries(scored, DEFAULT_BLEND, -1);
    expect(ranked[0]!.probability).toBeGreaterThan(0);
    expect(signals(scored, ranked, 'en')[LEARNED_PROBABILITY_SIGNAL]).toBe(ranked[0]!.probability);
  });
});
