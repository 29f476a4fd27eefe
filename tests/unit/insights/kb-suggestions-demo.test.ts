import { join } from 'node:path';
import { Faq } from '../../../knowledge-base';
import { suggestKbImprovements, type NearestEntryFinder } from '../../../insights';

const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
let faq: Faq;

beforeAll(async () => {
  faq = await Faq.load([join(DEMO, 'fr.yaml'), join(DEMO, 'en.yaml')]);
});

/** The bot's wiring: the matcher's best candidate, whatever its decision. */
const nearest: NearestEntryFinder = async (question, locale) => {
  const best = (await faq.match(question, { locale })).candidates[0];
  return best && { entryId: best.id, score: best.score };
};

describe('KB suggestions with the demo knowledge base as matcher', () => {
  it('proposes new phrasings of the entry the missed questions lean to, and new entries otherwise', async () => {
    const suggestions = await suggestKbImprovements(
      [
        { text: 'Peut-on payer en bitcoin ?', locale: 'fr' },
        { text: 'Quel temps fait-il demain ?', locale: 'fr' },
        { text: 'paiement en bitcoin possible ?', locale: 'fr' },
        { text: 'payer en bitcoin', locale: 'fr' },
        { text: 'Quel temps fera-t-il demain ?', locale: 'fr' },
      ],
      { nearestEntry: nearest, minEntryScore: 0.4 },
    );
    expect(suggestions.map((s) => [s.kind, s.count, s.entryId])).toEqual([
      ['new-phrasing', 3, 'payment-methods'],
      ['new-entry', 2, undefined],
    ]);
    expect(suggestions[0]?.terms).toContain('bitcoin');
  });
});
