import type { Activity } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { resolutionOf, surveyText } from '../../../insights/index';
import { fr } from '../../../bot/text/fr';
import { actionsOf } from './harness';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { startSurveyBot } from './survey-harness';

let faq: Faq;
beforeAll(() => {
  faq = buildTestFaq();
});

const t = surveyText('fr');
const text = (expected: string) => (a: Partial<Activity>) => expect(a.text).toBe(expected);
const CES_ACTIONS = [
  '1 Très facile',
  '2 Facile',
  '3 Ni facile ni compliqué',
  '4 Un peu compliqué',
  '5 Très compliqué',
  'Passer',
];

describe('closing survey in French', () => {
  test('after "Oui": CES with five suggested actions, then the comment; "did we answer" is not asked', async () => {
    const { adapter, surveys } = startSurveyBot(faq);
    await adapter
      .send('comment payer')
      .assertReply(text('Carte bancaire, virement et CESU.'))
      .assertReply(text(fr.answerCheck))
      .send('Oui')
      .assertReply(text(fr.resolved))
      .assertReply((a) => {
        expect(a.text).toBe("À quel point était-ce facile d'obtenir une résolution à votre problème ?");
        expect(actionsOf(a)).toEqual(CES_ACTIONS);
      })
      .send('2 Facile')
      .assertReply((a) => {
        expect(a.text).toBe(t.commentPrompt);
        expect(actionsOf(a)).toEqual(['Passer']);
      })
      .send('Très clair, merci')
      .assertReply(text(t.thanks));

    const stored = await surveys.get('Convo1');
    expect(stored).toEqual({
      context: {
        conversationId: 'Convo1',
        path: 'bot-only',
        language: 'fr',
        channel: 'test',
        kbEntryIds: ['payment-methods'],
        missedQuestions: [],
        // What the deflection rule reads: answered, and the customer said "Oui".
        answeredAt: OPEN_TIME.getTime(),
        answerConfirmed: true,
        startedAt: OPEN_TIME.getTime(),
        closedAt: OPEN_TIME.getTime(),
      },
      ces: 2,
      comment: 'Très clair, merci',
      recordedAt: OPEN_TIME.getTime(),
    });
  });

  test('"Passer" ends the survey; the closed conversation is recorded without answers', async () => {
    const { adapter, surveys } = startSurveyBot(faq);
    await adapter
      .send('comment payer')
      .assertReply(text('Carte bancaire, virement et CESU.'))
      .assertReply(text(fr.answerCheck))
      .send('Oui')
      .assertReply(text(fr.resolved))
      .assertReply(text(t.cesQuestion))
      .send('Passer')
      .assertReply(text(t.thanks));
    const stored = await surveys.get('Convo1');
    expect(stored?.context.path).toBe('bot-only');
    expect(stored?.ces).toBeUndefined();
    expect(stored?.comment).toBeUndefined();
  });

  test('a new question during the survey is answered, the survey dropped and not asked again', async () => {
    const { adapter, surveys } = startSurveyBot(faq);
    await adapter
      .send('comment payer')
      .assertReply(text('Carte bancaire, virement et CESU.'))
      .assertReply(text(fr.answerCheck))
      .send('Oui')
      .assertReply(text(fr.resolved))
      .assertReply(text(t.cesQuestion))
      .send('Comment réserver une prestation ?')
      .assertReply(text('Connectez-vous puis cliquez sur « Réserver ».'))
      .assertReply(text(fr.answerCheck))
      .send('Oui')
      .assertReply(text(fr.resolved))
      // Asked once per conversation: the next message is handled as a question, not a survey reply.
      .send('au revoir')
      .assertReply(text(fr.goodbye));
    const stored = await surveys.get('Convo1');
    expect(stored?.ces).toBeUndefined();
    expect(stored?.context.kbEntryIds).toEqual(['payment-methods']);
  });

  test('"je n\'ai pas compris" then goodbye: recorded as a miss with no answer, which the reports count as unresolved', async () => {
    const { adapter, surveys } = startSurveyBot(faq);
    await adapter
      .send('zorglub frobnique le quasar')
      .assertReply(text(fr.notUnderstood))
      .send('au revoir')
      .assertReply(text(fr.goodbyeSurvey))
      .assertReply(text(t.cesQuestion));
    const stored = await surveys.get('Convo1');
    expect(stored?.context).toMatchObject({
      path: 'bot-only',
      kbEntryIds: [],
      missedAt: OPEN_TIME.getTime(),
    });
    expect(stored?.context.answeredAt).toBeUndefined();
    expect(resolutionOf(stored!.context)).toBe('unresolved');
  });

  test('on goodbye, typed words are read: "deux", "non" (the question goes to the missed ones), skip the comment', async () => {
    const { adapter, surveys } = startSurveyBot(faq);
    await adapter
      .send('je veux une facture')
      .assertReply(text(fr.clarify))
      .send('Où trouver mes factures ?')
      .assertReply(text('Dans « Mon compte », rubrique « Factures ».'))
      .assertReply(text(fr.answerCheck))
      .send('merci, au revoir')
      .assertReply(text(fr.goodbyeSurvey))
      .assertReply((a) => {
        expect(a.text).toBe(t.cesQuestion);
        expect(actionsOf(a)).toEqual(CES_ACTIONS);
      })
      .send('je dirais deux')
      .assertReply((a) => {
        expect(a.text).toBe('Avons-nous répondu à votre question ?');
        expect(actionsOf(a)).toEqual(['Oui', 'Non', 'Passer']);
      })
      .send('non')
      .assertReply(text(t.commentPrompt))
      .send('je passe')
      .assertReply(text(t.thanks));
    const stored = await surveys.get('Convo1');
    expect(stored).toMatchObject({
      ces: 2,
      answered: false,
      context: {
        path: 'clarified',
        kbEntryIds: ['invoices'],
        missedQuestions: ['je veux une facture'],
      },
    });
  });
});
