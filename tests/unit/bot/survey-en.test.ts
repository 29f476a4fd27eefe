import type { Activity } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { surveyText } from '../../../insights/index';
import { en } from '../../../bot/text/en';
import { actionsOf } from './harness';
import { buildTestFaq } from '../../support/test-faq';
import { SUNDAY_NOON } from '../../support/test-settings';
import { startSurveyBot } from './survey-harness';

let faq: Faq;
beforeAll(() => {
  faq = buildTestFaq();
});

const t = surveyText('en');
const text = (expected: string) => (a: Partial<Activity>) => expect(a.text).toBe(expected);

describe('closing survey in English', () => {
  test('after "Yes": the CES question with the English actions, typed words, a comment', async () => {
    const { adapter, surveys } = startSurveyBot(faq, { locale: 'en-GB' });
    await adapter
      .send('how do I pay my order')
      .assertReply(text('Card, bank transfer and CESU.'))
      .assertReply(text(en.answerCheck))
      .send('Yes')
      .assertReply(text(en.resolved))
      .assertReply((a) => {
        expect(a.text).toBe('How easy was it to get your problem resolved?');
        expect(actionsOf(a)).toEqual([
          '1 Very easy',
          '2 Easy',
          '3 Neither easy nor difficult',
          '4 Somewhat difficult',
          '5 Very difficult',
          'Skip',
        ]);
      })
      .send('very easy')
      .assertReply(text(t.commentPrompt))
      .send('Quick and clear')
      .assertReply(text(t.thanks));
    expect(await surveys.get('Convo1')).toMatchObject({
      ces: 1,
      comment: 'Quick and clear',
      context: { path: 'bot-only', language: 'en', kbEntryIds: ['payment-methods'] },
    });
  });

  test('"skip" at the first question ends the survey', async () => {
    const { adapter, surveys } = startSurveyBot(faq, { locale: 'en-GB' });
    await adapter
      .send('goodbye')
      .assertReply(text(en.goodbyeSurvey))
      .assertReply(text(t.cesQuestion))
      .send('skip')
      .assertReply(text(t.thanks))
      .send('bye')
      .assertReply(text(en.goodbye));
    const stored = await surveys.get('Convo1');
    expect(stored?.ces).toBeUndefined();
    expect(stored?.context.language).toBe('en');
  });

  test('a new question during the survey is answered and the survey dropped', async () => {
    const { adapter, surveys } = startSurveyBot(faq, { locale: 'en-GB' });
    await adapter
      .send('how do I pay my order')
      .assertReply(text('Card, bank transfer and CESU.'))
      .assertReply(text(en.answerCheck))
      .send('Yes')
      .assertReply(text(en.resolved))
      .assertReply(text(t.cesQuestion))
      .send('Where can I find my invoices?')
      .assertReply(text('In My account, under Invoices.'))
      .assertReply(text(en.answerCheck));
    expect((await surveys.get('Convo1'))?.ces).toBeUndefined();
  });

  test('after a ticket resolved by an agent (closing hook): CES, did we answer, CSAT, comment; reason and missed question kept', async () => {
    const { adapter, surveys, resolveByAgent } = startSurveyBot(faq, { locale: 'en-GB', now: SUNDAY_NOON });
    await adapter
      .send('what is the weather tomorrow')
      .assertReply(text(en.notUnderstood))
      .send('I want to talk to a human')
      .assertReply((a) => expect(a.text).toContain('I am passing your request'))
      .assertReply((a) => expect(a.name).toBe('handoff.initiate'));
    // No survey while a person was asked for; nothing is recorded before the close.
    expect(await surveys.get('Convo1')).toBeUndefined();
    await resolveByAgent({ agentId: 'anna', waitMs: 95_000 });
    // The agent's closing words went out as the agent's message: the bot only asks the survey.
    expect([adapter.getNextReply()?.text, adapter.getNextReply()?.text]).toEqual([t.cesQuestion, undefined]);
    await adapter
      .send('3')
      .assertReply(text(t.answeredQuestion))
      .send('yes')
      .assertReply((a) => {
        expect(a.text).toBe(t.csatQuestion);
        expect(actionsOf(a)).toHaveLength(6);
      })
      .send('5')
      .assertReply(text(t.commentPrompt))
      .send('skip')
      .assertReply(text(t.thanks));
    expect(await surveys.get('Convo1')).toMatchObject({
      ces: 3,
      answered: true,
      csat: 5,
      context: {
        path: 'ticket',
        agentId: 'anna',
        waitMs: 95_000,
        escalationReason: 'customer-request',
        missedQuestions: ['what is the weather tomorrow'],
      },
    });
  });
});
