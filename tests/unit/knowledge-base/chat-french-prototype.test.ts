import { foldText } from '../../../knowledge-base/normalize';

describe('French chat rules and words that name Object.prototype members', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    '"%s" is read as a word, never as a spelling rule',
    (word) => {
      expect(() => foldText(`mon ${word} ne marche pas`, 'fr')).not.toThrow();
      expect(foldText(`mon ${word} ne marche pas`, 'fr')).toContain(word.toLowerCase().replace(/_/g, ''));
    },
  );
});
