import { Matcher } from '../../../knowledge-base';
import { knownBaseOf } from '../../../knowledge-base/inflections';

describe('unseen English words matched to the KB word they inflect', () => {
  const vocabulary = new Map([
    ['payment', 'payment'],
    ['policy', 'policy'],
    ['stop', 'stop'],
    ['make', 'make'],
    ['run', 'run'],
    ['quick', 'quick'],
    ['box', 'box'],
  ]);
  const known = (c: string): string | undefined => vocabulary.get(c);

  it.each([
    ['payments', 'payment'],
    ['policies', 'policy'],
    ['stopped', 'stop'],
    ['making', 'make'],
    ['running', 'run'],
    ['quickly', 'quick'],
    ['boxes', 'box'],
  ])('%s → %s', async (word, base) => {
    expect(knownBaseOf(word, known)).toBe(base);
  });

  it('leaves words with no known base, and short words, unmatched', async () => {
    expect(knownBaseOf('gardening', known)).toBeUndefined();
    expect(knownBaseOf('run', known)).toBeUndefined(); // known, but under four letters
    expect(knownBaseOf('glass', known)).toBeUndefined();
  });

  it('lets a message use an inflection the KB never wrote, and says which word matched', async () => {
    const matcher = Matcher.build('en', [
      {
        id: 'refund',
        locale: 'en',
        question: 'When do I get my refund?',
        alternates: ['refund delay', 'where is my refund'],
        answer: 'Within 5 days.',
        tags: [],
        escalate: false,
        followUps: [],
        matchAnswer: false,
      },
      {
        id: 'payment-card',
        locale: 'en',
        question: 'Which payment card can I use?',
        alternates: ['pay by card', 'change my payment card'],
        answer: 'Visa and Mastercard.',
        tags: [],
        escalate: false,
        followUps: [],
        matchAnswer: false,
      },
    ]);
    const d = await matcher.match('cards for payments');
    expect(d.candidates[0]?.id).toBe('payment-card');
    expect(d.matchedTerms).toEqual(expect.arrayContaining(['payments']));
  });
});
