import type { Activity } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { signIdentity } from '../../../bot/security/identity';
import { fr } from '../../../bot/text/fr';
import { actionsOf, startBot } from './harness';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME, PARIS_HOURS, SECRET, SUNDAY_NOON } from '../../support/test-settings';

let faq: Faq;
beforeAll(() => {
  faq = buildTestFaq();
});

const text = (expected: string) => (a: Partial<Activity>) => expect(a.text).toBe(expected);
const contains = (fragment: string) => (a: Partial<Activity>) => expect(a.text).toContain(fragment);
const handoffEvent = (a: Partial<Activity>) => {
  expect(a.type).toBe('event');
  expect(a.name).toBe('handoff.initiate');
};

describe('conversation in French', () => {
  test('welcome says it is a bot and how to reach a person', async () => {
    const { adapter } = startBot(faq);
    await adapter
      .send({
        type: 'conversationUpdate',
        membersAdded: [{ id: 'user1', name: 'Client' }],
        recipient: { id: 'bot', name: 'bot' },
      })
      .assertReply((a) => {
        expect(a.text).toContain('un robot, pas une personne');
        expect(a.text).toContain('« conseiller »');
        expect(a.text).toContain('du lundi au samedi de 8 h à 21 h');
      });
  });

  test('FAQ answer, then the check with Oui/Non and the follow-ups; Oui closes', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('Comment réserver une prestation ?')
      .assertReply(text('Connectez-vous puis cliquez sur « Réserver ».'))
      .assertReply((a) => {
        expect(a.text).toBe('Est-ce que cela répond à votre question ?');
        expect(actionsOf(a)).toEqual([
          'Oui',
          'Non',
          'Quels moyens de paiement acceptez-vous ?',
          "Ai-je droit au crédit d'impôt ?",
        ]);
      })
      .send('Oui')
      .assertReply(text(fr.resolved));
    expect(handoff.requests).toHaveLength(0);
  });

  test('a follow-up picked from the check gets its own answer', async () => {
    const { adapter } = startBot(faq);
    await adapter
      .send('Comment réserver une prestation ?')
      .assertReply(text('Connectez-vous puis cliquez sur « Réserver ».'))
      .assertReply(text(fr.answerCheck))
      .send('Quels moyens de paiement acceptez-vous ?')
      .assertReply(text('Carte bancaire, virement et CESU.'))
      .assertReply(text(fr.answerCheck));
  });

  test('"Non" to the check hands over with the transcript and the handoff.initiate event', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('comment payer')
      .assertReply(text('Carte bancaire, virement et CESU.'))
      .assertReply(text(fr.answerCheck))
      .send('Non')
      .assertReply((a) => {
        expect(a.text).toContain('Je transmets votre demande à un conseiller');
        expect(actionsOf(a)).toEqual([fr.backToBot]);
      })
      .assertReply((a) => {
        handoffEvent(a);
        expect((a.value as { reason: string }).reason).toBe('answer-refused');
        expect(a.attachments?.[0]?.content).toEqual(
          expect.objectContaining({ activities: expect.any(Array) }),
        );
      });
    expect(handoff.requests).toHaveLength(1);
    const request = handoff.requests[0]!;
    expect(request.reason).toBe('answer-refused');
    expect(request.locale).toBe('fr');
    expect(request.transcript.map((l) => `${l.from}: ${l.text}`)).toEqual([
      'customer: comment payer',
      'bot: Carte bancaire, virement et CESU.',
      `bot: ${fr.answerCheck}`,
      'customer: Non',
    ]);
  });

  test('clarify offers 2–3 options and the chosen one is answered', async () => {
    const { adapter } = startBot(faq);
    await adapter
      .send('je veux une facture')
      .assertReply((a) => {
        expect(a.text).toBe(fr.clarify);
        const actions = actionsOf(a);
        expect(actions.length).toBeGreaterThanOrEqual(3);
        expect(actions.length).toBeLessThanOrEqual(4);
        expect(actions).toContain('Où trouver mes factures ?');
        expect(actions[actions.length - 1]).toBe(fr.noneOfThese);
      })
      .send('Où trouver mes factures ?')
      .assertReply(text('Dans « Mon compte », rubrique « Factures ».'))
      .assertReply(text(fr.answerCheck));
  });

  test('a refused clarification and a miss in a row hand over', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('je veux une facture')
      .assertReply(text(fr.clarify))
      .send(fr.noneOfThese)
      .assertReply((a) => {
        expect(a.text).toBe(fr.notUnderstood);
        expect(actionsOf(a)).toEqual([fr.talkToPerson]);
      })
      .send('quelle est la météo demain')
      .assertReply(contains('Je transmets votre demande'))
      .assertReply(handoffEvent);
    expect(handoff.requests.map((r) => r.reason)).toEqual(['repeated-misses']);
  });

  test('one low-confidence miss offers a person without handing over; a good answer resets the count', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('quelle est la météo demain')
      .assertReply(text(fr.notUnderstood))
      .send('comment payer')
      .assertReply(text('Carte bancaire, virement et CESU.'))
      .assertReply(text(fr.answerCheck))
      .send('quelle est la météo demain')
      .assertReply(text(fr.notUnderstood));
    expect(handoff.requests).toHaveLength(0);
  });

  test('two low-confidence messages in a row hand over with the matcher context', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('quelle est la météo demain')
      .assertReply(text(fr.notUnderstood))
      .send('quelle est la météo demain')
      .assertReply(contains('Je transmets votre demande'))
      .assertReply(handoffEvent);
    expect(handoff.requests[0]?.reason).toBe('repeated-misses');
    expect(handoff.requests[0]?.context.match).toEqual(
      expect.objectContaining({ decision: 'escalate', confidence: 0.1 }),
    );
  });

  test.each([
    ['je veux parler à un conseiller'],
    ['un humain svp'],
    ['je voudrais parler à une personne'],
    ['Parler à un conseiller'],
  ])('explicit request "%s" hands over', async (message) => {
    const { adapter, handoff } = startBot(faq);
    await adapter.send(message).assertReply(contains('Je transmets votre demande')).assertReply(handoffEvent);
    expect(handoff.requests[0]?.reason).toBe('customer-request');
  });

  test.each([['jveux parler a qqn de reel'], ['passez moi le sav']])(
    'a request for a person written as an SMS, "%s", hands over',
    async (message) => {
      const { adapter, handoff } = startBot(faq);
      await adapter
        .send(message)
        .assertReply(contains('Je transmets votre demande'))
        .assertReply(handoffEvent);
      expect(handoff.requests[0]?.reason).toBe('customer-request');
    },
  );

  test('"bjr" and "slt" are greetings; "c est n importe quoi" is frustration', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('bjr')
      .assertReply(text(fr.greeting))
      .send('slt')
      .assertReply(text(fr.greeting))
      .send('c est n importe quoi')
      .assertReply(contains('Je transmets votre demande'))
      .assertReply(handoffEvent);
    expect(handoff.requests[0]?.reason).toBe('frustration');
  });

  test('a parcel tracking number is not taken for our phone number', async () => {
    const { adapter } = startBot(faq);
    await adapter.send('c est quoi le numero de suivi de mon colis').assertReply((a) => {
      // The bot's own contact reply gives the support hours; this small KB's nearest entry is not it.
      expect(a.text).not.toContain('du lundi au samedi de 8 h à 21 h');
    });
  });

  test('frustration hands over', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send("c'est inadmissible, rien ne marche")
      .assertReply(contains('Je transmets votre demande'))
      .assertReply(handoffEvent);
    expect(handoff.requests[0]?.reason).toBe('frustration');
  });

  test('an entry marked escalate is answered then handed over with the matcher context', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('elle a cassé mon vase')
      .assertReply(text('Nous sommes désolés pour cet incident : un conseiller va reprendre votre demande.'))
      .assertReply(contains('Je transmets votre demande'))
      .assertReply(handoffEvent);
    const request = handoff.requests[0]!;
    expect(request.reason).toBe('entry-escalate');
    expect(request.context.match?.entryId).toBe('incident-damage');
    expect(request.context.match?.candidates[0]?.id).toBe('incident-damage');
  });

  test('outside support hours the handoff says when a person will answer', async () => {
    const { adapter } = startBot(faq, { now: SUNDAY_NOON });
    await adapter
      .send('un humain svp')
      .assertReply(contains('une personne vous répondra à partir de lundi à 8 h'))
      .assertReply(handoffEvent);
  });

  test('while waiting for a person the bot does not answer, and the customer can come back to it', async () => {
    const { adapter, handoff } = startBot(faq);
    await adapter
      .send('conseiller')
      .assertReply(contains('Je transmets'))
      .assertReply(handoffEvent)
      .send('comment payer')
      .assertReply(text(fr.handoffPending))
      .send(fr.backToBot)
      .assertReply(text(fr.handoffCancelled))
      .send('comment payer')
      .assertReply(text('Carte bancaire, virement et CESU.'));
    expect(handoff.cancelled).toHaveLength(1);
  });

  test('opening hours: open now on a Wednesday morning', async () => {
    const { adapter } = startBot(faq, { now: OPEN_TIME });
    await adapter
      .send('Quels sont vos horaires ?')
      .assertReply(
        text(
          'Le service Client est ouvert du lundi au samedi de 8 h à 21 h (heure de Paris). Il est ouvert en ce moment, jusqu’à 21 h.',
        ),
      );
  });

  test('"êtes-vous ouverts ?" on a Sunday: closed until Monday 8 h', async () => {
    const { adapter } = startBot(faq, { now: SUNDAY_NOON });
    await adapter
      .send('êtes-vous ouverts maintenant ?')
      .assertReply(contains('Il est fermé en ce moment et rouvre lundi à 8 h.'));
  });

  test('"une demi-heure" is explained and one hour offered', async () => {
    const { adapter } = startBot(faq);
    await adapter
      .send('Je voudrais réserver une demi-heure de ménage')
      .assertReply((a) => {
        expect(a.text).toBe(fr.bookingMinimum);
        expect(actionsOf(a)).toEqual([fr.bookOneHour]);
      })
      .send(fr.bookOneHour)
      .assertReply(text(fr.bookOneHourSteps));
  });

  test('VIP and contact are answered by the bot itself', async () => {
    const { adapter } = startBot(faq);
    await adapter
      .send("c'est combien l'abonnement VIP ?")
      .assertReply(contains('15 € par mois'))
      .send('comment contacter le service client ?')
      .assertReply((a) => {
        expect(a.text).toContain('du lundi au samedi de 8 h à 21 h');
        expect(actionsOf(a)).toEqual([fr.talkToPerson]);
      });
  });

  test('no-show by an anonymous visitor: asked to log in, never refunded', async () => {
    const { adapter, backOffice, handoff } = startBot(faq);
    await adapter
      .send("personne n'est venu ce matin")
      .assertReply((a) => {
        expect(a.text).toBe(fr.noShowLoginRequired);
        expect(actionsOf(a)).toEqual([fr.talkToPerson]);
      })
      .send(fr.talkToPerson)
      .assertReply(contains('Je transmets'))
      .assertReply(handoffEvent);
    expect(backOffice.actions).toHaveLength(0);
    expect(handoff.requests[0]?.reason).toBe('needs-login');
  });

  test('a forged identity in channelData is ignored', async () => {
    const { adapter, backOffice } = startBot(faq, {
      channelData: { relaisCustomer: 'eyJjdXN0b21lciI6eyJpZCI6IngifX0.forged' },
    });
    await adapter.send('prestataire absent').assertReply(text(fr.noShowLoginRequired));
    expect(backOffice.actions).toHaveLength(0);
  });

  test('no-show by an identified customer: mission chosen, refund, discount, one-click rebook', async () => {
    const channelData = {
      relaisCustomer: signIdentity({ id: 'C-42', name: 'Mme Martin', vip: false, b2b: false }, SECRET),
    };
    const { adapter, backOffice } = startBot(faq, { channelData });
    let mission = '';
    await adapter.send("Mon prestataire n'est pas venu").assertReply((a) => {
      expect(a.text).toBe(fr.noShowChooseMission);
      const actions = actionsOf(a);
      expect(actions).toHaveLength(2);
      expect(actions[0]).toContain('Ménage du mercredi 11 mars');
      mission = actions[0]!;
    });
    // A second flow on the same adapter continues the same conversation with the label just offered.
    await adapter
      .send(mission)
      .assertReply((a) => {
        expect(a.text).toContain('vos 2 h vous sont remboursées automatiquement');
        expect(a.text).toContain('réduction de 10 %');
        expect(a.text).toContain('mercredi 18 mars');
        expect(actionsOf(a)).toEqual([fr.rebookAction, fr.no]);
      })
      .send(fr.rebookAction)
      .assertReply(contains('C’est réservé : Ménage du mercredi 18 mars'))
      .assertReply(text(fr.resolved));
    expect(backOffice.actions.map((x) => `${x.kind} ${x.customerId} ${x.missionId}`)).toEqual([
      'no-show C-42 M-1001',
      'rebook C-42 M-1001',
    ]);
  });

  test('the support hours shown follow the configuration', () => {
    expect(fr.welcome({ ...PARIS_HOURS, days: [1, 2, 3, 4, 5], openHour: 9, closeHour: 18 })).toContain(
      'du lundi au vendredi de 9 h à 18 h',
    );
  });
});
