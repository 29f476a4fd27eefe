import { buildTestFaq } from '../../support/test-faq';

// The KB's author wrote these phrasings for an entry that goes to a person: each of them hands
// over, whatever a small KB's self-calibration made of its confidence.
test.each([
  ['en', 'she broke my vase'],
  ['en', 'he ruined my sofa'],
  ['en', 'The provider damaged something in my home.'],
  ['fr', 'elle a cassé mon vase'],
  ['fr', 'il a abîmé mon canapé'],
  ['fr', 'Le prestataire a causé un dégât chez moi.'],
] as const)('%s "%s" goes to a person with the incident entry', async (locale, text) => {
  const decision = await buildTestFaq().match(text, { locale });
  expect(decision).toMatchObject({
    decision: 'escalate',
    reason: 'entry-escalate',
    entry: { id: 'incident-damage' },
  });
});
