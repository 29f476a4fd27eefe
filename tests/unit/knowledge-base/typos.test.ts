import { TypoIndex, withinOneEdit } from '../../../knowledge-base/typos';

describe('typo tolerance', () => {
  it('knows what one edit is', () => {
    expect(withinOneEdit('facture', 'factrue')).toBe(true); // swap
    expect(withinOneEdit('facture', 'factur')).toBe(true); // deletion
    expect(withinOneEdit('facture', 'facturee')).toBe(true); // insertion
    expect(withinOneEdit('facture', 'facturo')).toBe(true); // substitution
    expect(withinOneEdit('facture', 'fracturo')).toBe(false);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });

  it('corrects an unknown word to the most frequent known word one edit away', () => {
    const index = TypoIndex.build(['prestataire', 'prestations', 'reserver', 'rembourser']);
    const freq = (w: string): number => (w === 'prestataire' ? 10 : 1);
    expect(index.correct('prestatair', freq)).toBe('prestataire');
    expect(index.correct('resevrer', freq)).toBe('reserver');
    expect(index.correct('reserver', freq)).toBeUndefined(); // already known
    expect(index.correct('banane', freq)).toBeUndefined();
    expect(index.correct('abc', freq)).toBeUndefined(); // too short to guess
  });

  it('corrects the same after crossing as its snapshot (typed arrays, no Map of deletions)', () => {
    const words = ['prestataire', 'prestations', 'reserver', 'rembourser', 'annuler', 'annulation'];
    const built = TypoIndex.build(words);
    const crossed = TypoIndex.restore(structuredClone(built.snapshot()));
    const freq = (w: string): number => w.length;
    const typos = ['prestatairee', 'presattions', 'reserevr', 'remboursr', 'anuler', 'annulaton', 'zzzzz'];
    const want = ['prestataire', 'prestations', 'reserver', 'rembourser', 'annuler', 'annulation', undefined];
    expect(typos.map((t) => built.correct(t, freq))).toEqual(want);
    expect(typos.map((t) => crossed.correct(t, freq))).toEqual(want);
  });
});
