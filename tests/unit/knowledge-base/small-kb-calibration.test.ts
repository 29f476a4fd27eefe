import { buildKnowledgeBase, Faq } from '../../../knowledge-base';
import { FOUR_ENTRIES_FR } from '../../support/four-entry-kb';

// A four-entry FAQ with no calibration set, lexical only (as when the model is missing): what a
// small shop writes first. Its self-calibration must not turn letter n-grams into "did you mean".
const KB = FOUR_ENTRIES_FR;

let faq: Faq;

beforeAll(async () => {
  faq = await Faq.create(buildKnowledgeBase([{ file: 'fr.yaml', text: KB }]));
});

test('a small KB calibrates on a fold per phrasing of its longest entry, not three', () => {
  // Five phrasings per entry: five folds, each probing every entry with a held-out phrasing and a
  // paraphrase of it (three folds gave 24 probes, and one draw answered an unrelated question).
  expect(faq.info[0]!.calibration.samples.inScope).toBe(5 * 4 * 2);
});

test.each(['Faites-vous de la peinture ?', 'Vous proposez la peinture des murs ?'])(
  'a message none of whose words the KB knows goes to a person, not to "did you mean": %s',
  async (text) => {
    const decision = await faq.match(text, { locale: 'fr' });
    expect(decision).toMatchObject({ decision: 'escalate', reason: 'low-confidence' });
  },
);

test('a message sharing a word with the KB is still answered or offered a choice', async () => {
  expect(await faq.match('comment payer', { locale: 'fr' })).toMatchObject({
    decision: 'answer',
    entry: { id: 'payment-methods' },
  });
  const unsure = await faq.match('résilier mon contrat de ménage', { locale: 'fr' });
  expect(unsure.decision).not.toBe('answer');
});
