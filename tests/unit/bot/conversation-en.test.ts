import type { Activity } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { signIdentity } from '../../../bot/security/identity';
import { en } from '../../../bot/text/en';
import { actionsOf, startBot } from './harness';
import { buildTestFaq } from '../../support/test-faq';
import { SECRET, SUNDAY_NOON } from '../../support/test-settings';

let faq: Faq;
beforeAll(() => {
  faq = buildTestFaq();
});

const text = (expected: string) => (a: Partial<Activity>) => expect(a.text).toBe(expected);
const contains = (fragment: string) => (a: Partial<Activity>) => expect(a.text).toContain(fragment);
const handoffEvent = (a: Partial<Activity>) => expect(a.name).toBe('handoff.initiate');

describe('conversation in English', () => {
  test('welcome in the page language says it is a bot and how to reach a person', async () => {
    const { adapter } = startBot(faq, { locale: 'en-GB' });
    await adapter
      .send({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user1', name: 'Customer' }],
        recipient: { id: 'bot', name: 'bot' },
      })
      .assertReply((a) => {
        expect(a.text).toContain('a bot, not a person');
        expect(a.text).toContain('write "agent"');
        expect(a.text).toContain('Monday to Saturday, 8 am to 9 pm');
      });
  });

  test('answer, check with Yes/No and follow-ups, Yes closes', async () => {
    const { adapter } = startBot(faq, { locale: 'en-US' });
    await adapter
      .send('How do I book a service?')
      .assertReply(text('Log in, then click Book.'))
      .assertReply((a) => {
        expect(a.text).toBe('Did this answer your question?');
        expect(actionsOf(a)).toEqual([
          'Yes',
          'No',
          'Which payment methods do you accept?',
          'Am I entitled to the tax credit?',
        ]);
      })
      .send('Yes')
      .assertReply(text(en.resolved));
  });

  test('a French page switches to English when the customer writes English', async () => {
    const { adapter } = startBot(faq, { locale: 'fr-FR' });
    await adapter
      .send('how do I book a service')
      .assertReply(text('Log in, then click Book.'))
      .assertReply(text(en.answerCheck))
      .send('No')
      .assertReply(contains('I am passing your request'))
      .assertReply(handoffEvent);
  });

  test('clarify, then the chosen option', async () => {
    const { adapter } = startBot(faq, { locale: 'en' });
    await adapter
      .send('invoice for taxes')
      .assertReply((a) => {
        expect(a.text).toBe(en.clarify);
        expect(actionsOf(a)).toContain('Am I entitled to the tax credit?');
        expect(actionsOf(a)).toContain(en.noneOfThese);
      })
      .send('Am I entitled to the tax credit?')
      .assertReply(text('Yes: 50% of what you paid.'));
  });

  test('two misses in a row hand over', async () => {
    const { adapter, handoff } = startBot(faq, { locale: 'en' });
    await adapter
      .send('invoice for taxes')
      .assertReply(text(en.clarify))
      .send(en.noneOfThese)
      .assertReply(text(en.notUnderstood))
      .send('what is the weather tomorrow')
      .assertReply(contains('I am passing your request'))
      .assertReply(handoffEvent);
    expect(handoff.requests[0]?.reason).toBe('repeated-misses');
    expect(handoff.requests[0]?.locale).toBe('en');
  });

  test.each([['I want to talk to a human'], ['agent please'], ['can I speak to a real person']])(
    'explicit request "%s" hands over',
    async (message) => {
      const { adapter, handoff } = startBot(faq, { locale: 'en' });
      await adapter
        .send(message)
        .assertReply(contains('I am passing your request'))
        .assertReply(handoffEvent);
      expect(handoff.requests[0]?.reason).toBe('customer-request');
    },
  );

  test('frustration hands over', async () => {
    const { adapter, handoff } = startBot(faq, { locale: 'en' });
    await adapter
      .send('this bot is useless')
      .assertReply(contains('I am passing your request'))
      .assertReply(handoffEvent);
    expect(handoff.requests[0]?.reason).toBe('frustration');
  });

  test('an entry marked escalate hands over after its answer', async () => {
    const { adapter, handoff } = startBot(faq, { locale: 'en' });
    await adapter
      .send('she broke my vase')
      .assertReply(text('We are sorry about this incident: an agent will take over your request.'))
      .assertReply(contains('I am passing your request'))
      .assertReply(handoffEvent);
    expect(handoff.requests[0]?.reason).toBe('entry-escalate');
  });

  test('"are you open now?" on a Sunday', async () => {
    const { adapter } = startBot(faq, { locale: 'en', now: SUNDAY_NOON });
    await adapter
      .send('are you open now?')
      .assertReply(
        text(
          'Customer Service is open Monday to Saturday, 8 am to 9 pm (Paris time). It is closed right now and opens again on Monday at 8 am.',
        ),
      );
  });

  test('half an hour is explained and one hour offered', async () => {
    const { adapter } = startBot(faq, { locale: 'en' });
    await adapter
      .send('can I book half an hour of cleaning?')
      .assertReply((a) => {
        expect(a.text).toBe(en.bookingMinimum);
        expect(actionsOf(a)).toEqual([en.bookOneHour]);
      })
      .send('Yes')
      .assertReply(text(en.bookOneHourSteps));
  });

  test('VIP and contact', async () => {
    const { adapter } = startBot(faq, { locale: 'en' });
    await adapter
      .send('what does the VIP subscription include?')
      .assertReply(contains('€15 per month'))
      .send('how can I contact customer service?')
      .assertReply(contains('Monday to Saturday, 8 am to 9 pm'));
  });

  test('no-show: anonymous visitors are asked to log in', async () => {
    const { adapter, backOffice } = startBot(faq, { locale: 'en' });
    await adapter.send('my cleaner did not show up this morning').assertReply(text(en.noShowLoginRequired));
    expect(backOffice.actions).toHaveLength(0);
  });

  test('no-show: an identified customer is refunded and can decline the rebooking', async () => {
    const channelData = { relaisCustomer: signIdentity({ id: 'C-7', vip: true, b2b: false }, SECRET) };
    const { adapter, backOffice } = startBot(faq, { locale: 'en', channelData });
    await adapter.send('the provider never came').assertReply((a) => {
      expect(a.text).toBe(en.noShowChooseMission);
      expect(actionsOf(a)[1]).toContain('Ironing on Monday 9 March');
    });
    await adapter
      .send('M-1002')
      .assertReply((a) => {
        expect(a.text).toContain('your 1 h are refunded automatically');
        expect(a.text).toContain('10% discount');
      })
      .send('No')
      .assertReply(text(en.resolved));
    expect(backOffice.actions.map((x) => x.kind)).toEqual(['no-show']);
  });
});
