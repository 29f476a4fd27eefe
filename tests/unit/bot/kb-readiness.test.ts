import { buildKnowledgeBase, Faq } from '../../../knowledge-base';
import { kbLoaded } from '../../../bot/http/health-routes';
import { FaqHolder } from '../../../bot/kb-admin/faq-holder';

function faqOf(entries: object[]): Faq {
  return Faq.build(
    buildKnowledgeBase([{ file: 'kb.json', text: JSON.stringify({ version: 1, locale: 'fr', entries }) }]),
  );
}

/** The loader refuses an empty file; a KB built in code can still be empty. */
const emptyFaq = (): Faq => Faq.build({ entries: [], files: [], synonyms: {}, outOfScope: {} });

describe('/readyz knowledge-base check', () => {
  const entry = {
    id: 'hours',
    question: 'Quels sont vos horaires ?',
    alternates: ['vous êtes ouverts quand'],
    answer: 'Du lundi au samedi, de 8 h à 21 h.',
  };

  it('looks through the reloadable holder at the KB it serves now', async () => {
    const holder = new FaqHolder(faqOf([entry]));
    expect(await kbLoaded(holder)()).toBeUndefined();
    holder.swap(emptyFaq());
    expect(await kbLoaded(holder)()).toBe('the knowledge base has no entries');
  });
});
