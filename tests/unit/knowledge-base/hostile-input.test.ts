import fc from 'fast-check';
import { buildKnowledgeBase, Faq, KbError, parseKbText } from '../../../knowledge-base';

const KB = `version: 1
locale: fr
entries:
  - id: vip
    question: Combien coûte l'abonnement VIP ?
    alternates: [prix du vip, vip c combien, abonnement vip par mois]
    answer: 15 € par mois.
  - id: factures
    question: Où sont mes factures ?
    alternates: [télécharger une facture, j'ai besoin d'une facture, facture du mois dernier]
    answer: Dans « Mes documents ».
  - id: mdp
    question: J'ai oublié mon mot de passe
    alternates: [réinitialiser le mot de passe, je peux plus me connecter, mdp perdu]
    answer: Cliquez sur « Mot de passe oublié ».
`;

let faq: Faq;
beforeAll(() => {
  faq = Faq.build(buildKnowledgeBase([{ file: 'kb.yaml', text: KB }]));
});

const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e\u202d',
    '🤖🤖🤖',
    'é'.normalize('NFD').repeat(50),
    '<script>alert(1)</script>',
    "l'l'l'l'",
    '1h1h1h1h',
    'demi-demi-heure',
  ),
  fc.string({ unit: 'grapheme-ascii', minLength: 5_000, maxLength: 20_000 }),
);

describe('hostile input', () => {
  it('every message gets a valid decision, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileText,
        fc.constantFrom('fr' as const, 'en' as const, undefined),
        async (text, locale) => {
          const d = await faq.match(text, locale ? { locale } : {});
          expect(['answer', 'clarify', 'escalate']).toContain(d.decision);
          expect(d.confidence).toBeGreaterThanOrEqual(0);
          expect(d.confidence).toBeLessThanOrEqual(1);
          expect(Number.isFinite(d.confidence)).toBe(true);
          expect(d.candidates.length).toBeLessThanOrEqual(3);
          for (const c of d.candidates) expect(c.score).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a KB file of any text is either loaded or refused with located problems', async () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.json(),
          fc.constant(KB.replace('version: 1', 'version: "1"')),
        ),
        (text) => {
          const r = parseKbText('fuzz.yaml', text);
          if (!r.ok) {
            expect(r.issues.length).toBeGreaterThan(0);
            for (const issue of r.issues) {
              expect(issue.file).toBe('fuzz.yaml');
              expect(issue.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a KB refused for one bad entry loads nothing', async () => {
    expect(() =>
      buildKnowledgeBase([{ file: 'kb.yaml', text: KB.replace('answer: 15 € par mois.', 'answer: "   "') }]),
    ).toThrow(KbError);
  });
});
