import { join } from 'node:path';
import { Faq, foldText, foldWords, normalize, type Decision } from '../../../knowledge-base';

describe('French as customers write it (normaliser)', () => {
  it.each([
    ['jpeux changer d intervenant ?', "je peux changer d'intervenant ?"],
    ['jai attendu', "j'ai attendu"],
    ['chui en retard', 'je suis en retard'],
    ['c est possible', "c'est possible"],
    ['c possible ?', "c'est possible ?"],
    ['g pas recu ma facture', "j'ai pas reçu ma facture"],
    ['bjr slt', 'bonjour salut'],
    ['qqn peut maider stp', "quelqu'un peut maider stp"],
    ['tjrs pas de rdv', 'toujours pas de rendez-vous'],
    ['pk ma cb est refusee', 'pourquoi ma carte bancaire est refusée'],
    ['jai oublie mon mdp', "j'ai oublié mon mot de passe"],
    ['passez moi le sav', 'passez moi le service après-vente'],
    ['c nuuuuul', "c'est nul"],
    ['merciiiii', 'merci'],
    ['annnnnuler ma resa', 'annuler ma réservation'],
  ])('"%s" reads as "%s"', (sms, written) => {
    expect(foldText(sms, 'fr')).toBe(foldText(written, 'fr'));
  });

  it('keeps single letters that are letters, and double letters French doubles', () => {
    expect(foldText('batiment C escalier B', 'fr')).toBe('batiment c escalier b');
    expect(foldText('500 g de farine', 'fr')).toBe('500 g de farine');
    expect(foldText("c'était annulé", 'fr')).toBe('c etait annule');
    expect(foldText('annuler, appeler, elle', 'fr')).toBe('annuler appeler elle');
  });

  it('reads "cb" as combien where it asks a price, and "presta" by its article', () => {
    expect(foldText('cb de temps ?', 'fr')).toBe('combien de temps');
    expect(foldText('c cb ?', 'fr')).toBe('c est combien');
    expect(foldText('le presta est pas venu', 'fr')).toContain('prestataire');
    expect(foldText('annuler une presta', 'fr')).toContain('prestation');
  });

  it('applies French chat rules to French only', () => {
    expect(foldText('c u at 5, g2g', 'en')).toBe('c u at 5 g2g');
    expect(foldWords('bjr', 'en')).toEqual(['bjr']);
    expect(normalize('jai pas recu', 'fr').words).toEqual(normalize("j'ai pas reçu", 'fr').words);
  });

  it('matches with or without accents', () => {
    expect(normalize('reservation annulee deja payee', 'fr')).toEqual(
      normalize('réservation annulée déjà payée', 'fr'),
    );
  });
});

describe('French as customers write it, on the demo knowledge base', () => {
  const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
  let faq: Faq;
  beforeAll(async () => {
    faq = await Faq.load([join(DEMO, 'fr.yaml')]);
  });
  const top = (d: Decision): string | undefined =>
    d.decision === 'answer' ? d.entry.id : d.candidates[0]?.id;

  it('"jpeux changer d intervenant ?" is about the provider, not the date', async () => {
    const d = await faq.match('jpeux changer d intervenant ?', { locale: 'fr' });
    expect(top(d)).toBe('provider-favourites');
    expect(d.candidates.map((c) => c.id)).not.toContain('booking-change');
  });

  it('a parcel tracking number is not the phone number', async () => {
    const d = await faq.match('c est quoi le numero de suivi de mon colis', { locale: 'fr' });
    expect(d.decision).toBe('escalate');
  });

  it('a provider who never came, written as an SMS, gets the "prestataire absent" answer', async () => {
    const d = await faq.match('la prestataire est jamais venue ce matin jai attendu 1h', { locale: 'fr' });
    expect(d.decision).toBe('answer');
    expect(top(d)).toBe('provider-absent');
  });

  it.each([
    ['jai oublie mon mdp', 'password-reset'],
    ['ma cb est refusee', 'payment-failed'],
  ])('"%s" is answered with %s', async (text, id) => {
    const d = await faq.match(text, { locale: 'fr' });
    expect(d.decision).toBe('answer');
    expect(top(d)).toBe(id);
  });
});
