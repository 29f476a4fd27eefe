import { foldWords, normalize, stripAccents } from '../../../knowledge-base/normalize';

describe('normalisation', () => {
  it('strips accents and case but keeps the words', () => {
    expect(stripAccents('Prestataire ABSENT, réservé à l’avance')).toBe(
      'Prestataire ABSENT, reserve a l’avance',
    );
    expect(foldWords('Réservé ÉTÉ')).toEqual(['reserve', 'ete']);
  });

  it('splits French elisions whatever the apostrophe', () => {
    expect(foldWords("l'attestation d’impôt qu'il m'a envoyée")).toEqual([
      'l',
      'attestation',
      'd',
      'impot',
      'qu',
      'il',
      'm',
      'a',
      'envoyee',
    ]);
  });

  it('expands English contractions', () => {
    expect(foldWords("I can't book, it won't work and it's late")).toEqual([
      'i',
      'can',
      'not',
      'book',
      'it',
      'will',
      'not',
      'work',
      'and',
      'it',
      'late',
    ]);
  });

  it.each([
    ['1h', 'dur60'],
    ['1 h', 'dur60'],
    ['une heure', 'dur60'],
    ['60 min', 'dur60'],
    ['60 minutes', 'dur60'],
    ['soixante minutes', 'dur60'],
    ['une demi-heure', 'dur30'],
    ['demi heure', 'dur30'],
    ['30mn', 'dur30'],
    ['1h30', 'dur90'],
    ['une heure et demie', 'dur90'],
    ['half an hour', 'dur30'],
    ['an hour', 'dur60'],
    ['2 hours', 'dur120'],
  ])('reads the duration "%s" as %s', (text, token) => {
    expect(foldWords(text)).toEqual([token]);
  });

  it('leaves ordinary numbers and words alone', () => {
    expect(foldWords('commande 12345 pour 2 personnes')).toEqual([
      'commande',
      '12345',
      'pour',
      '2',
      'personnes',
    ]);
  });

  it('stems French words to one form with or without accents', () => {
    const a = normalize('réservation annulée', 'fr').stems;
    const b = normalize('reservation annulee', 'fr').stems;
    expect(a).toEqual(b);
    expect(normalize('réserver', 'fr').stems[0]).toBe(a[0]);
  });

  it('lemmatises English words with compromise', () => {
    expect(normalize('booked invoices', 'en').stems).toEqual(['book', 'invoice']);
  });

  it('drops greetings and politeness, keeps question words', () => {
    expect(normalize('Bonjour, comment réserver svp merci', 'fr').words).toEqual(['comment', 'reserver']);
    expect(normalize('hello, how much is it please', 'en').words).toEqual(['how', 'much', 'is', 'it']);
  });
});
