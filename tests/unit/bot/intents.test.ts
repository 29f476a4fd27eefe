import { detectIntent, yesOrNo } from '../../../bot/conversation/intents';

describe('intents', () => {
  test.each([
    ['Je veux parler à un conseiller', 'human'],
    ['un être humain svp', 'human'],
    ['I need a human', 'human'],
    ["personne n'est venu ce matin", 'no-show'],
    ['prestataire absent', 'no-show'],
    ["l'intervenante ne s'est pas présentée", 'no-show'],
    ["my cleaner didn't show up", 'no-show'],
    ["c'est n'importe quoi", 'frustration'],
    ['this is ridiculous', 'frustration'],
    ['une demi-heure possible ?', 'booking-minimum'],
    ['juste 30 min', 'booking-minimum'],
    ['can I book half an hour', 'booking-minimum'],
    ['vous êtes ouverts le dimanche ?', 'support-hours'],
    ["heures d'ouverture", 'support-hours'],
    ['what time do you open?', 'support-hours'],
    ['quel est votre numéro de téléphone', 'contact'],
    ['abonnement VIP', 'vip'],
    ['Bonjour !', 'greeting'],
    ['merci beaucoup', 'thanks'],
  ])('%s → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });

  test.each([
    ['résilier mon abonnement VIP'],
    ["j'ai ouvert un compte hier et je ne trouve pas mes factures"],
    ['Comment réserver une prestation ?'],
    ['bonjour, comment payer ?'],
  ])('%s is left to the FAQ', (text) => {
    expect(detectIntent(text)).toBeUndefined();
  });

  test.each([
    ['bjr', 'greeting'],
    ['slt !', 'greeting'],
    ['bonjouuuur', 'greeting'],
    ['c est n importe quoi', 'frustration'],
    ['c nuuul', 'frustration'],
    ['jveux parler a qqn de reel', 'human'],
    ['passez moi le sav', 'human'],
    ['la prestataire est jamais venue ce matin jai attendu 1h', 'no-show'],
    ['le presta est pas venu', 'no-show'],
    ['merciiii', 'thanks'],
    ['c koi vos horaires', 'support-hours'],
  ])('French as customers type it: %s → %s', (text, intent) => {
    expect(detectIntent(text, 'fr')).toBe(intent);
  });

  test('a parcel tracking number is not a request for our phone number', () => {
    expect(detectIntent('c est quoi le numero de suivi de mon colis', 'fr')).toBeUndefined();
    expect(detectIntent('quel est votre numéro de téléphone', 'fr')).toBe('contact');
  });

  test('yes / no in both languages', () => {
    expect(['Oui', 'oui !', 'Yes', 'yep'].map((t) => yesOrNo(t))).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(['Non', 'pas vraiment', 'No', 'not really'].map((t) => yesOrNo(t))).toEqual([
      'no',
      'no',
      'no',
      'no',
    ]);
    expect(yesOrNo('oui mais je voudrais aussi savoir le prix')).toBeUndefined();
  });
});
