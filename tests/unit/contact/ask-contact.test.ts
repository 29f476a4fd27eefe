import type { Activity } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import type { HandoffRequest } from '../../../bot/ports/handoff';
import { signIdentity } from '../../../bot/security/identity';
import { actionsOf, startBot } from '../bot/harness';
import { buildTestFaq } from '../../support/test-faq';
import { SECRET } from '../../support/test-settings';

/** Tuesday 7 January 2025, 12:00 in Paris. */
const PROMISED = Date.UTC(2025, 0, 7, 11, 0);

let faq: Faq;
beforeAll(() => {
  faq = buildTestFaq();
});

/** A bot whose handoff opens a ticket (the recorder keeps the request, so addresses can be stored). */
function ticketBot(options: { locale?: string; channelData?: unknown } = {}) {
  const harness = startBot(faq, options);
  jest.spyOn(harness.handoff, 'requestHandoff').mockImplementation(async (request: HandoffRequest) => {
    harness.handoff.requests.push(request);
    return { status: 'ticket', promisedReplyAt: PROMISED };
  });
  return harness;
}

const textOf = (a: Partial<Activity>) => a.text ?? '';

/** Sends one message and returns the bot's message replies to it (not the handoff event). */
async function exchange(harness: ReturnType<typeof ticketBot>, text: string): Promise<Partial<Activity>[]> {
  const before = harness.sent.length;
  await harness.adapter.send(text);
  return harness.sent.slice(before).filter((a) => a.type === 'message');
}

/** The one message reply to a customer message. */
async function reply(harness: ReturnType<typeof ticketBot>, text: string): Promise<Partial<Activity>> {
  const replies = await exchange(harness, text);
  expect(replies).toHaveLength(1);
  return replies[0] ?? {};
}

describe('a ticket for a visitor with no address: the bot asks for one', () => {
  it('takes the address out of free text, stores it on the ticket and says where the answer goes', async () => {
    const h = ticketBot();
    const asked = await reply(h, 'je veux parler à un conseiller');
    expect(textOf(asked)).toContain('écrivez-moi votre adresse');
    expect(actionsOf(asked)).toEqual(['Pas d’e-mail', 'Revenir à l’assistant']);
    expect(textOf(await reply(h, 'mon mail c jean.dupont@example.com'))).toBe(
      'Merci, c’est noté : la réponse vous sera envoyée par e-mail à jean.dupont@example.com, avec un lien pour reprendre cette conversation. Elle s’affichera aussi ici si cette fenêtre est encore ouverte.',
    );
    const id = h.handoff.requests[0]?.conversationId ?? '';
    expect(h.handoff.contacts.get(id)).toBe('jean.dupont@example.com');
    // Asked once: the next message is an ordinary one for the ticket.
    expect(textOf(await reply(h, 'et merci pour votre aide'))).toContain(
      'j’ai ajouté ce message à votre dossier',
    );
  });

  it('re-asks once on an answer with no valid address, then gives up and keeps the chat', async () => {
    const h = ticketBot();
    await reply(h, 'je veux parler à un conseiller');
    const again = await reply(h, 'jean.dupont@example');
    expect(textOf(again)).toContain('je n’y trouve pas d’adresse e-mail valide');
    expect(actionsOf(again)).toEqual(['Pas d’e-mail']);
    expect(textOf(await reply(h, 'je ne sais plus'))).toContain(
      'Je n’ai toujours pas d’adresse valide : la réponse s’affichera ici',
    );
    expect(h.handoff.contacts.size).toBe(0);
  });

  it('accepts a skip, by button or in words, in both languages', async () => {
    for (const [locale, ask, skip, said] of [
      ['fr-FR', 'je veux parler à un conseiller', 'Pas d’e-mail', 'Entendu, sans e-mail'],
      ['fr-FR', 'je veux parler à un conseiller', 'non merci', 'Entendu, sans e-mail'],
      ['en-GB', 'I want to talk to a person please', 'no thanks', 'All right, no e-mail'],
      ['en-GB', 'I want to talk to a person please', 'No e-mail', 'All right, no e-mail'],
    ] as const) {
      const h = ticketBot({ locale });
      await reply(h, ask);
      expect(textOf(await reply(h, skip))).toContain(said);
      expect(h.handoff.contacts.size).toBe(0);
    }
  });

  it('an address typed later fills an empty contact; one on file is kept', async () => {
    const h = ticketBot();
    await reply(h, 'je veux parler à un conseiller');
    await reply(h, 'non');
    expect(textOf(await reply(h, 'finalement : jean@example.com'))).toContain(
      'J’ai ajouté votre adresse à votre demande',
    );
    const id = h.handoff.requests[0]?.conversationId ?? '';
    expect(h.handoff.contacts.get(id)).toBe('jean@example.com');
    expect(textOf(await reply(h, 'ou plutôt autre@example.com'))).toContain(
      'j’ai ajouté ce message à votre dossier',
    );
    expect(h.handoff.contacts.get(id)).toBe('jean@example.com');
  });

  it('never asks a customer whose signed identity has an address', async () => {
    const customer = signIdentity({ id: 'C-9', email: 'martin@example.com', vip: false, b2b: false }, SECRET);
    const h = ticketBot({ channelData: { relaisCustomer: customer } });
    const said = textOf(await reply(h, 'je veux parler à un conseiller'));
    expect(said).toContain('nous vous répondrons par e-mail au plus tard');
    expect(said).not.toContain('votre adresse');
  });

  it('a later escalation of the same conversation carries the address and does not ask again', async () => {
    const h = ticketBot();
    await reply(h, 'je veux parler à un conseiller');
    await reply(h, 'jean@example.com');
    // The recorder routes every later message as "waiting"; back with the bot, a new request goes out.
    jest.spyOn(h.handoff, 'customerMessage').mockResolvedValue({ route: 'bot' });
    expect(textOf(await reply(h, 'je veux parler à un conseiller'))).toContain(
      'nous vous répondrons par e-mail au plus tard',
    );
    expect(h.handoff.requests[1]?.contactEmail).toBe('jean@example.com');
  });
});
