import { buildKnowledgeBase, Faq } from '../../../knowledge-base';

// A four-entry FAQ with no calibration set, lexical only (as when the model is missing): what a
// small shop writes first. Its self-calibration must not turn letter n-grams into "did you mean".
const KB = `
version: 1
locale: fr
entries:
  - id: booking-how
    question: "Comment réserver une prestation ?"
    alternates: ["comment on réserve un créneau", "où prendre rendez-vous sur le site", "réserver une aide ménagère", "les étapes pour réserver"]
    answer: "Connectez-vous puis cliquez sur « Réserver »."
  - id: payment-methods
    question: "Quels moyens de paiement acceptez-vous ?"
    alternates: ["payer par carte bancaire", "vous prenez les chèques ?", "paiement par virement possible", "comment payer ma commande"]
    answer: "Carte bancaire, virement et CESU."
  - id: tax-credit
    question: "Ai-je droit au crédit d'impôt ?"
    alternates: ["réduction d'impôts pour le ménage", "crédit d'impôt services à la personne", "déduction fiscale des heures de ménage", "50 % remboursés par les impôts"]
    answer: "Oui : 50 % des sommes versées."
  - id: invoices
    question: "Où trouver mes factures ?"
    alternates: ["télécharger une facture", "je n'ai pas reçu ma facture", "facture du mois dernier", "récupérer mes factures"]
    answer: "Dans « Mon compte », rubrique « Factures »."
`;

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
