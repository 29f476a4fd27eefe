import { join } from 'node:path';
import { Faq, type Decision } from '../../../knowledge-base';

const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
let faq: Faq;

beforeAll(async () => {
  faq = await Faq.load([join(DEMO, 'fr.yaml'), join(DEMO, 'en.yaml')]);
});

function expectAnswer(d: Decision, id: string): void {
  expect({ decision: d.decision, id: d.decision === 'answer' ? d.entry.id : d.candidates[0]?.id }).toEqual({
    decision: 'answer',
    id,
  });
}

describe('demo knowledge base, French', () => {
  it.each([
    ['mon prestataire ne s’est pas présenté ce matin', 'provider-absent'],
    ['comment obtenir mon attestation fiscale pour les impôts', 'tax-certificate'],
    ['quels moyens de paiement acceptez-vous', 'payment-methods'],
    ['combien coûte l’abonnement VIP', 'vip-subscription'],
    ['jai oublié mon mot de passe', 'password-reset'],
    ['où je trouve mes factures', 'invoices'],
  ])('answers "%s" with %s', async (text, id) => {
    const d = await faq.match(text, { locale: 'fr' });
    expectAnswer(d, id);
    expect(d.locale).toBe('fr');
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.confidence).toBeLessThanOrEqual(1);
  });

  it('explains a match with the words it matched and the typos it read', async () => {
    const d = await faq.match('je ne retrouve plus ma factrue', { locale: 'fr' });
    expect(d.candidates[0]?.id).toBe('invoices');
    expect(d.explanation).toContain('"factrue" as "facture"');
    expect(d.matchedTerms).toContain('facture');
  });

  it('hands complaints about a provider’s work to a person even when sure of the entry', async () => {
    const d = await faq.match('la femme de ménage a cassé mon vase', { locale: 'fr' });
    expect(d).toMatchObject({ decision: 'escalate', reason: 'entry-escalate' });
    if (d.decision === 'escalate') expect(d.entry?.id).toBe('incident-damage');
  });

  it('escalates what it cannot answer, and says why', async () => {
    expect(await faq.match('quelle est la météo à Lyon demain', { locale: 'fr' })).toMatchObject({
      decision: 'escalate',
      reason: 'low-confidence',
    });
    expect(await faq.match('?!', { locale: 'fr' })).toMatchObject({
      decision: 'escalate',
      reason: 'no-content',
      confidence: 0,
      candidates: [],
    });
  });

  it('keeps candidates best first, at most three, on the confidence scale', async () => {
    for (const text of ['réserver une demi-heure', 'mon prestataire est en retard', 'annuler vip']) {
      const { candidates, confidence } = await faq.match(text, { locale: 'fr' });
      expect(candidates.length).toBeLessThanOrEqual(3);
      expect(candidates[0]?.score).toBe(confidence);
      for (let i = 1; i < candidates.length; i++)
        expect(candidates[i]!.score).toBeLessThanOrEqual(candidates[i - 1]!.score);
      const sum = candidates.reduce((s, c) => s + c.score, 0);
      expect(sum).toBeLessThanOrEqual(1.0001);
    }
  });

  it.each([
    ['annuler', ['booking-cancel', 'provider-cancelled']],
    ['changer', ['address-change', 'booking-change']],
    ['mon compte', ['account-delete', 'account-hacked']],
  ])('offers 2–3 options for "%s", which many entries use', async (text, among) => {
    const d = await faq.match(text, { locale: 'fr' });
    expect(d.decision).toBe('clarify');
    if (d.decision === 'clarify') {
      expect(d.options.length).toBeGreaterThanOrEqual(2);
      expect(d.options.length).toBeLessThanOrEqual(3);
      expect(d.options.map((o) => o.id)).toEqual(d.candidates.map((c) => c.id));
      expect(d.options.map((o) => o.id)).toEqual(expect.arrayContaining(among));
    }
  });
});

describe('demo knowledge base, English', () => {
  it.each([
    ['How much is the VIP subscription?', 'vip-subscription'],
    ['I forgot my password', 'password-reset'],
    ['where can i download my invoices', 'invoices'],
  ])('answers "%s" with %s', async (text, id) => {
    expectAnswer(await faq.match(text, { locale: 'en' }), id);
  });

  it('answers in the language the customer writes in, whatever the page said', async () => {
    expect((await faq.match('How much is the VIP subscription?', { locale: 'fr' })).locale).toBe('en');
    expect((await faq.match('combien coûte l’abonnement VIP ?', { locale: 'en' })).locale).toBe('fr');
    expect((await faq.match('VIP', { locale: 'en' })).locale).toBe('en');
  });

  it('escalates what it cannot answer', async () => {
    expect((await faq.match("what's the weather in London tomorrow", { locale: 'en' })).decision).toBe(
      'escalate',
    );
  });
});

describe('demo knowledge base as a whole', () => {
  it('has the same entries in both languages, with at least 40 entries and 4 phrasings each', async () => {
    const fr = faq.entries('fr');
    const en = faq.entries('en');
    expect(fr.length).toBeGreaterThanOrEqual(40);
    expect(new Set(fr.map((e) => e.id))).toEqual(new Set(en.map((e) => e.id)));
    for (const e of [...fr, ...en]) expect(1 + e.alternates.length).toBeGreaterThanOrEqual(4);
  });
});
