import { fr } from '../../../bot/text/fr';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';

/** The same ticket life over real sockets, on the memory store and on a real Redis. */
describe.each([
  ['memory', () => ({})],
  ['redis', () => ({ redisUrl: testRedisUrl(), prefix: uniquePrefix('tickets').replace(/:$/, '') })],
])('ticket lifecycle (%s)', (_name, storeOptions) => {
  let running: AgentApp;
  let now = OPEN_TIME;
  const later = (ms: number): void => {
    now = new Date(now.getTime() + ms);
  };

  beforeEach(async () => {
    now = OPEN_TIME; // in hours, nobody online: asking for a person opens a ticket
    running = await startAgentApp(buildTestFaq(), await agentsJson(), {
      now: () => now,
      ...storeOptions(),
    });
  });
  afterEach(async () => {
    await running?.close();
  });

  async function ticket(): Promise<Customer> {
    const customer = await Customer.start(running.url);
    await customer.say(running.url, 'je veux parler à un conseiller');
    expect((await running.side.agent.queue.get(customer.conversationId))?.state).toBe('ticket');
    later(1_000);
    return customer;
  }

  const ticketIds = async (agent: Agent): Promise<string[]> =>
    ((await agent.get('/tickets')).json as { tickets: { id: string }[] }).tickets.map((t) => t.id);

  test('a ticket the customer cancels leaves the agent list at once and cannot be answered', async () => {
    const kept = await ticket();
    const cancelling = await ticket();
    const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
    expect(await ticketIds(alice)).toEqual([kept.conversationId, cancelling.conversationId]);

    await cancelling.say(running.url, fr.backToBot);
    expect((await cancelling.texts(running.url)).at(-1)).toBe(fr.handoffCancelled);
    expect((await running.side.agent.queue.get(cancelling.conversationId))?.state).toBe('cancelled');
    expect(await ticketIds(alice)).toEqual([kept.conversationId]);
    const late = await alice.post(`/tickets/${cancelling.conversationId}/answer`, { text: 'trop tard' });
    expect(late.status).toBe(409);
    expect(await cancelling.texts(running.url)).not.toContain('trop tard');
    // The bot has the conversation again: it answers the next question itself.
    await cancelling.say(running.url, 'comment payer');
    expect((await cancelling.texts(running.url)).slice(-2)).toEqual([
      'Carte bancaire, virement et CESU.',
      'Est-ce que cela répond à votre question ?',
    ]);
  });

  test('an agent coming online is offered the tickets whose customer is still connected, and the customer is told', async () => {
    const gone = await ticket();
    later(16 * 60_000); // that customer left 16 minutes ago
    const here = await ticket();
    const english = await Customer.start(running.url, 'en-GB');
    await english.say(running.url, 'I want to talk to a human');
    const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice); // fr + en
    const bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno); // fr only
    const before = (await here.texts(running.url)).length;

    expect((await bruno.post('/presence', { presence: 'online' })).status).toBe(200);
    expect(await here.textsAfter(running.url, before)).toEqual([fr.ticketNowLive]);
    expect((await running.side.agent.queue.get(here.conversationId))?.state).toBe('queued');
    // The English customer waits for someone who speaks English; the one who left stays a ticket.
    expect((await running.side.agent.queue.get(english.conversationId))?.state).toBe('ticket');
    expect(await ticketIds(alice)).toEqual([gone.conversationId, english.conversationId]);
    const queue = (await bruno.get('/queue')).json as { waiting: { id: string }[] };
    expect(queue.waiting.map((c) => c.id)).toEqual([here.conversationId]);

    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    expect((await running.side.agent.queue.get(english.conversationId))?.state).toBe('queued');
    expect(await ticketIds(alice)).toEqual([gone.conversationId]);
    expect((await gone.texts(running.url)).join('\n')).not.toContain(fr.ticketNowLive);

    // Now a live conversation: claimed, and the customer's messages reach the agent.
    expect((await bruno.post(`/conversations/${here.conversationId}/claim`)).status).toBe(200);
    await here.say(running.url, 'Bonjour, vous êtes là ?');
    const transcript = (await bruno.get(`/conversations/${here.conversationId}`)).json as {
      lines: { from: string; text: string }[];
    };
    expect(transcript.lines.at(-1)).toMatchObject({ from: 'customer', text: 'Bonjour, vous êtes là ?' });
    // Logging in again offers nothing twice.
    expect((await bruno.post('/presence', { presence: 'online' })).status).toBe(200);
    expect((await here.texts(running.url)).filter((t) => t === fr.ticketNowLive)).toHaveLength(1);
  });
});
