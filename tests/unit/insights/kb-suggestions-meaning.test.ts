import { join } from 'node:path';
import { Faq } from '../../../knowledge-base';
import {
  kbTermReadings,
  suggestKbImprovements,
  type MissedQuestion,
  type NearestEntryFinder,
  type SuggestionOptions,
} from '../../../insights';

const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
let faq: Faq;
let demo: SuggestionOptions;

/** The reports route's wiring: the matcher's best real candidate, and whether it answers with it. */
const nearestIn =
  (kb: Faq): NearestEntryFinder =>
  async (question, locale) => {
    const decision = await kb.match(question, { locale });
    if (decision.decision === 'escalate' && decision.reason !== 'entry-escalate') return undefined;
    const best = decision.candidates[0];
    return (
      best && {
        entryId: best.id,
        score: best.score,
        answered: decision.decision === 'answer' && decision.entry.id === best.id,
      }
    );
  };

beforeAll(async () => {
  faq = await Faq.load([join(DEMO, 'fr.yaml'), join(DEMO, 'en.yaml')]);
  demo = { readings: kbTermReadings(faq.source), nearestEntry: nearestIn(faq), minEntryScore: 0.4 };
});

const fr = (text: string): MissedQuestion => ({ text, locale: 'fr' });
const en = (text: string): MissedQuestion => ({ text, locale: 'en' });
const summary = (s: { kind: string; count: number; examples: readonly string[] }) => [
  s.kind,
  s.count,
  s.examples,
];

describe('KB suggestions group questions by meaning', () => {
  it('"peinture" asked three different ways is one suggestion (the issue\'s case)', async () => {
    const asked = [
      fr('Faites-vous de la peinture ?'),
      fr('Mon intervenante peut-elle faire de la peinture dans le salon ?'),
      fr("peinture des volets c'est possible chez vous ?"),
    ];
    const suggestions = await suggestKbImprovements(asked, demo);
    expect(suggestions.map(summary)).toEqual([['new-entry', 3, asked.map((q) => q.text)]]);
    expect(suggestions[0]).toMatchObject({ locale: 'fr', languages: ['fr'] });
    expect(suggestions[0]?.terms).toContain('peintur');
    expect(suggestions[0]?.phrasings).toEqual(asked.map((q) => q.text));
  });

  it('in English too: painting three ways', async () => {
    const asked = [
      en('Do you do painting?'),
      en('Can my cleaner paint the kitchen walls?'),
      en('painting the fence, is that something you offer'),
    ];
    const suggestions = await suggestKbImprovements(asked, demo);
    expect(suggestions.map((s) => [s.kind, s.count, s.locale])).toEqual([['new-entry', 3, 'en']]);
  });

  it("different topics stay apart, even when they share the domain's everyday words", async () => {
    const suggestions = await suggestKbImprovements(
      [
        fr('Faites-vous de la peinture ?'),
        fr('Faites-vous de la plomberie ?'),
        fr('Mon intervenante peut-elle faire de la peinture ?'),
        fr('Mon intervenante peut-elle faire de la plomberie ?'),
        en('Do you do painting?'),
        en('Do you fix plumbing?'),
        en('Can my cleaner paint the kitchen walls?'),
        en('Can my cleaner fix the plumbing?'),
      ],
      demo,
    );
    expect(suggestions.map((s) => s.examples)).toEqual([
      ['Faites-vous de la peinture ?', 'Mon intervenante peut-elle faire de la peinture ?'],
      ['Faites-vous de la plomberie ?', 'Mon intervenante peut-elle faire de la plomberie ?'],
      ['Do you do painting?', 'Can my cleaner paint the kitchen walls?'],
      ['Do you fix plumbing?', 'Can my cleaner fix the plumbing?'],
    ]);
  });

  it("the KB's synonyms make different words one term", async () => {
    const asked = [
      fr('Nettoyez-vous les vitres ?'),
      fr('le lavage des carreaux est possible ?'),
      fr('vous lavez les fenetres aussi ?'),
    ];
    const kb = { entries: [], synonyms: { fr: [['vitres', 'carreaux', 'fenetres']] } };
    expect(await suggestKbImprovements(asked)).toEqual([]);
    const suggestions = await suggestKbImprovements(asked, { readings: kbTermReadings(kb) });
    expect(suggestions.map((s) => [s.count, s.terms[0]])).toEqual([[3, 'vitr']]);
  });

  it("the matcher's own similarity: questions it puts on the same entry are one suggestion for it", async () => {
    const near: NearestEntryFinder = (q) =>
      /cadeau|offrir/.test(q) ? { entryId: 'gift-cards', score: 0.62 } : undefined;
    const suggestions = await suggestKbImprovements(
      [fr('Vendez-vous des bons cadeaux ?'), fr('offrir des heures de ménage à ma mère')],
      { nearestEntry: near, minEntryScore: 0.4 },
    );
    expect(suggestions.map((s) => [s.kind, s.count, s.entryId])).toEqual([['new-phrasing', 2, 'gift-cards']]);
  });

  it('questions the KB in service answers already (an accepted suggestion) are not suggested again', async () => {
    const asked = [
      fr('Quels moyens de paiement acceptez-vous ?'),
      fr('Quels moyens de paiement acceptez-vous ?'),
    ];
    expect(await suggestKbImprovements(asked, demo)).toEqual([]);
    // Without the matcher's verdict they would be.
    expect(await suggestKbImprovements(asked, { readings: demo.readings! })).toHaveLength(1);
  });
});
