import { declinesEmail, emailInText } from '../../../bot/contact/email-in-text';

describe('an e-mail address inside what the customer typed', () => {
  it.each([
    ['mon mail c jean.dupont@example.com', 'jean.dupont@example.com'],
    ['jean.dupont@example.com merci', 'jean.dupont@example.com'],
    ['jean.dupont@example.com.', 'jean.dupont@example.com'],
    ['(Jean.Dupont+sav@Example.FR), merci !', 'Jean.Dupont+sav@example.fr'],
    ['écrivez à marie-claire@mon-aide.co.uk ou au bureau', 'marie-claire@mon-aide.co.uk'],
    ['my email is jane_doe@example.org, thanks', 'jane_doe@example.org'],
    ['deux adresses : a@example.com et b@example.com', 'a@example.com'],
  ])('finds it in %j', (text, expected) => {
    expect(emailInText(text)).toBe(expected);
  });

  it.each([
    'mon mail c jean.dupont',
    'jean.dupont@example',
    'jean@',
    '@example.com',
    'jean..dupont@example.com',
    `${'a'.repeat(65)}@example.com`,
    `jean@${'b'.repeat(250)}.com`,
    'pas de mail',
    '',
  ])('finds none in %j', (text) => {
    expect(emailInText(text)).toBeUndefined();
  });

  it('ignores a message far longer than an answer', () => {
    expect(emailInText(`${'bla '.repeat(600)} jean@example.com`)).toBeUndefined();
  });
});

describe('declining to give an address', () => {
  it.each([
    'non',
    'Non merci',
    'pas de mail',
    'Pas d’e-mail',
    "pas d'email",
    'skip',
    'no thanks',
    'No e-mail',
    'sans mail',
  ])('reads %j as a refusal', (text) => {
    expect(declinesEmail(text, 'Pas d’e-mail', 'fr')).toBe(true);
  });

  it.each(['jean.dupont@example', 'ma facture est fausse', 'oui', 'non mais ma facture est fausse'])(
    'does not read %j as one',
    (text) => {
      expect(declinesEmail(text, 'Pas d’e-mail', 'fr')).toBe(false);
    },
  );
});
