import { confirmsAnswer } from '../../../bot/closing/confirmation';

describe('a reply to a ticket answer that settles the case', () => {
  test.each([
    ["merci c'est réglé", 'fr'],
    ['Merci beaucoup !', 'fr'],
    ['parfait, ça marche', 'fr'],
    ['oui merci', 'fr'],
    ['merci, au revoir', 'fr'],
    ['thanks, solved', 'en'],
    ['it works now, thank you', 'en'],
  ] as const)('%s → resolved', (text, locale) => {
    expect(confirmsAnswer(text, locale)).toBe(true);
  });

  test.each([
    ["ce n'est pas réglé", 'fr'],
    ['toujours pas de remboursement', 'fr'],
    ['merci mais ma facture de mars est fausse aussi', 'fr'],
    ['non', 'fr'],
    ['Et celle de mars, elle est juste ?', 'fr'],
    ["thanks but it still doesn't work", 'en'],
    ['', 'fr'],
  ] as const)('%s → a reply for the agent', (text, locale) => {
    expect(confirmsAnswer(text, locale)).toBe(false);
  });
});
