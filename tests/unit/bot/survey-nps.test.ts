import type { Activity } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { surveyText } from '../../../insights/index';
import { loadConfig } from '../../../bot/config';
import { en } from '../../../bot/text/en';
import { fr } from '../../../bot/text/fr';
import { actionsOf } from './harness';
import { buildTestFaq } from '../../support/test-faq';
import { startSurveyBot } from './survey-harness';

let faq: Faq;
beforeAll(() => {
  faq = buildTestFaq();
});

const text = (expected: string) => (a: Partial<Activity>) => expect(a.text).toBe(expected);

describe('NPS question, where the deployment asks it', () => {
  test('in French: after "Oui", CES then the recommendation 0–10 read from words, then the comment', async () => {
    const t = surveyText('fr');
    const { adapter, surveys } = startSurveyBot(faq, { askNps: true });
    await adapter
      .send('comment payer')
      .assertReply(text('Carte bancaire, virement et CESU.'))
      .assertReply(text(fr.answerCheck))
      .send('Oui')
      .assertReply(text(fr.resolved))
      .assertReply(text(t.cesQuestion))
      .send('1')
      .assertReply((a) => {
        expect(a.text).toBe(
          "Quelle est la probabilité que vous recommandiez Mon aide à l'heure à un proche ? De 0 (pas du tout probable) à 10 (très probable).",
        );
        expect(actionsOf(a)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Passer']);
      })
      .send('je dirais neuf sur 10')
      .assertReply(text(t.commentPrompt))
      .send('passer')
      .assertReply(text(t.thanks));
    expect(await surveys.get('Convo1')).toMatchObject({ ces: 1, nps: 9, npsAsked: true });
  });

  test('in English: "skip" at the recommendation keeps that it was asked, without a note', async () => {
    const t = surveyText('en');
    const { adapter, surveys } = startSurveyBot(faq, { locale: 'en-GB', askNps: true });
    await adapter
      .send('how do I pay my order')
      .assertReply(text('Card, bank transfer and CESU.'))
      .assertReply(text(en.answerCheck))
      .send('Yes')
      .assertReply(text(en.resolved))
      .assertReply(text(t.cesQuestion))
      .send('two')
      .assertReply(text(t.npsQuestion))
      .send('skip')
      .assertReply(text(t.thanks));
    const stored = await surveys.get('Convo1');
    expect(stored).toMatchObject({ ces: 2, npsAsked: true });
    expect(stored?.nps).toBeUndefined();
  });

  test('off by default: no recommendation question, nothing marked as asked', async () => {
    const t = surveyText('en');
    const { adapter, surveys } = startSurveyBot(faq, { locale: 'en-GB' });
    await adapter
      .send('how do I pay my order')
      .assertReply(text('Card, bank transfer and CESU.'))
      .assertReply(text(en.answerCheck))
      .send('Yes')
      .assertReply(text(en.resolved))
      .assertReply(text(t.cesQuestion))
      .send('2')
      .assertReply(text(t.commentPrompt))
      .send('skip')
      .assertReply(text(t.thanks));
    const stored = await surveys.get('Convo1');
    expect(stored?.ces).toBe(2);
    expect(stored?.npsAsked).toBeUndefined();
  });

  test('SURVEY_ASK_NPS: off unless set; a bad value names the variable', () => {
    expect(loadConfig({}).surveyAskNps).toBe(false);
    expect(loadConfig({ SURVEY_ASK_NPS: 'true' }).surveyAskNps).toBe(true);
    expect(loadConfig({ SURVEY_ASK_NPS: '0' }).surveyAskNps).toBe(false);
    expect(() => loadConfig({ SURVEY_ASK_NPS: 'maybe' })).toThrow(/SURVEY_ASK_NPS: must be true or false/);
  });
});
