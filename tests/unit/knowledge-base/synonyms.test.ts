import { Synonyms } from '../../../knowledge-base/synonyms';
import { foldWords } from '../../../knowledge-base/normalize';

describe('synonym groups', () => {
  const synonyms = new Synonyms([
    ['prestataire', 'femme de ménage', 'intervenante', 'aide ménagère'],
    ['carte bancaire', 'CB', 'carte bleue'],
  ]);

  it('reads one- and several-word variants as the first term, accents and case aside', () => {
    expect(synonyms.apply(foldWords('La FEMME DE MÉNAGE est pas venue'))).toEqual([
      'la',
      'prestataire',
      'est',
      'pas',
      'venue',
    ]);
    expect(synonyms.apply(foldWords("l'intervenante a payé par cb"))).toEqual([
      'l',
      'prestataire',
      'a',
      'paye',
      'par',
      'carte',
      'bancaire',
    ]);
  });

  it('prefers the longest variant and leaves other words alone', () => {
    expect(synonyms.apply(foldWords('carte bleue ou carte cadeau'))).toEqual([
      'carte',
      'bancaire',
      'ou',
      'carte',
      'cadeau',
    ]);
    expect(synonyms.apply(['femme', 'de', 'chambre'])).toEqual(['femme', 'de', 'chambre']);
  });

  it('does nothing without groups', () => {
    expect(new Synonyms([]).apply(['a', 'b'])).toEqual(['a', 'b']);
  });
});
