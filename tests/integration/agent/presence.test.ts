import { hashPassword } from '../../../bot/agent/credentials';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';

/** What Web Chat reads of each activity (clients.ts DlActivity, with the fields this suite checks). */
interface Seen {
  readonly type: string;
  readonly text?: string;
  readonly from: { readonly id: string; readonly name?: string; readonly role?: string };
  readonly channelData?: Record<string, unknown>;
  readonly suggestedActions?: { readonly actions: readonly { readonly title?: string }[] };
}

/** Alice shows herself to customers as "Camille"; Bruno keeps his first name; Emma speaks English. */
async function agents(): Promise<string> {
  return JSON.stringify([
    {
      id: 'alice',
      name: 'Alice Martin',
      displayName: 'Camille',
      languages: ['fr', 'en'],
      passwordHash: await hashPassword(PASSWORDS.alice),
    },
    {
      id: 'bruno',
      name: 'Bruno Petit',
      languages: ['fr'],
      passwordHash: await hashPassword(PASSWORDS.bruno),
    },
    { id: 'emma', name: 'Emma', languages: ['en'], passwordHash: await hashPassword(PASSWORDS.emma) },
  ]);
}

const stores: [string, () => { redisUrl?: string; prefix?: string }][] = [
  ['memory', () => ({})],
  ['redis', () => ({ redisUrl: testRedisUrl(), prefix: uniquePrefix('presence').replace(/:$/, '') })],
];

describe.each(stores)('presence notices over Direct Line (%s stores)', (_name, options) => {
  let running: AgentApp;
  let now = OPEN_TIME;
  const online: Partial<Record<'alice' | 'bruno' | 'emma', Agent>> = {};

  beforeAll(async () => {
    running = await startAgentApp(buildTestFaq(), await agents(), { ...options(), now: () => now });
  });
  afterAll(async () => {
    await running?.close();
  });

  async function agent(id: 'alice' | 'bruno' | 'emma'): Promise<Agent> {
    const existing = online[id];
    if (existing) return existing;
    const logged = await Agent.login(running.url, id, PASSWORDS[id]);
    expect((await logged.post('/presence', { presence: 'online' })).status).toBe(200);
    online[id] = logged;
    return logged;
  }

  async function waiting(locale = 'fr-FR', text = 'je veux parler à un conseiller'): Promise<Customer> {
    const customer = await Customer.start(running.url, locale);
    await customer.say(running.url, text);
    return customer;
  }

  const seen = async (customer: Customer): Promise<Seen[]> =>
    ((await customer.activities(running.url)) as unknown as Seen[]).filter((a) => a.type === 'message');

  test('claim: a join notice naming the agent, from the bot with no buttons; the agent writes as themselves', async () => {
    const alice = await agent('alice');
    const customer = await waiting();
    const before = await seen(customer);
    // The bot phase offered its button: the notice must take it away.
    expect(before.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toEqual(['Revenir à l’assistant']);

    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    const [notice, ...rest] = (await seen(customer)).slice(before.length);
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      text: 'Camille du service Client a rejoint la conversation.',
      from: { id: 'relais', role: 'bot' },
      channelData: { relaisNotice: 'agent-joined' },
    });
    expect(notice?.suggestedActions).toBeUndefined();

    const post = await alice.post(`/conversations/${customer.conversationId}/messages`, {
      text: 'Bonjour, je regarde votre dossier.',
    });
    expect(post.status).toBe(200);
    const message = (await seen(customer)).at(-1);
    // Read back from the store through the Direct Line route: the sender survived both.
    expect(message).toMatchObject({
      text: 'Bonjour, je regarde votre dossier.',
      from: { id: 'agent:alice', name: 'Camille', role: 'bot' },
    });
    // The bot's own messages keep the bot's account.
    expect(before.every((a) => a.from.role === 'user' || a.from.id === 'relais')).toBe(true);

    const handBack = await alice.post(`/conversations/${customer.conversationId}/hand-back`);
    expect(handBack.status).toBe(200);
    const after = (await seen(customer)).slice(-2);
    expect(after.map((a) => [a.text, a.channelData?.relaisNotice, a.from.id])).toEqual([
      ['Camille vous a repassé à l’assistant.', 'agent-handed-back', 'relais'],
      [
        'Vous parlez de nouveau à l’assistant virtuel (un robot). Avez-vous une autre question ?',
        undefined,
        'relais',
      ],
    ]);
  });

  test('transfer to a colleague: "Bruno … a pris le relais"; release: Bruno left, back in the queue', async () => {
    const alice = await agent('alice');
    const bruno = await agent('bruno');
    const customer = await waiting();
    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    const moved = await alice.post(`/conversations/${customer.conversationId}/transfer`, {
      target: { kind: 'agent', agentId: 'bruno' },
    });
    expect(moved.status).toBe(200);
    expect((await seen(customer)).at(-1)).toMatchObject({
      text: 'Bruno du service Client a pris le relais.',
      channelData: { relaisNotice: 'agent-joined' },
    });
    await bruno.post(`/conversations/${customer.conversationId}/messages`, { text: 'Bruno ici.' });
    expect((await seen(customer)).at(-1)?.from).toEqual({ id: 'agent:bruno', name: 'Bruno', role: 'bot' });

    expect((await bruno.post(`/conversations/${customer.conversationId}/release`)).status).toBe(200);
    expect((await seen(customer)).at(-1)).toMatchObject({
      text: 'Bruno a quitté la conversation. Vous êtes de nouveau dans la file : un autre conseiller va vous répondre ici.',
      channelData: { relaisNotice: 'agent-left' },
      from: { id: 'relais' },
    });
    expect((await running.side.agent.queue.get(customer.conversationId))?.state).toBe('queued');
  });

  test('transfer to a queue and going offline: a leave notice each time; a refused action says nothing', async () => {
    const alice = await agent('alice');
    const customer = await waiting();
    // Not claimed yet: a refused transfer tells the customer nothing.
    const count = (await seen(customer)).length;
    const refused = await alice.post(`/conversations/${customer.conversationId}/transfer`, {
      target: { kind: 'queue', language: 'fr' },
    });
    expect(refused.status).toBe(409);
    expect(await seen(customer)).toHaveLength(count);

    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    const toQueue = await alice.post(`/conversations/${customer.conversationId}/transfer`, {
      target: { kind: 'queue', language: 'fr' },
    });
    expect(toQueue.status).toBe(200);
    expect((await seen(customer)).at(-1)?.text).toMatch(/^Camille a quitté la conversation\./);

    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    expect((await alice.post('/presence', { presence: 'offline' })).status).toBe(200);
    delete online.alice;
    const last = (await seen(customer)).slice(-2);
    expect(last.map((a) => a.text)).toEqual([
      'Camille du service Client a rejoint la conversation.',
      'Camille a quitté la conversation. Vous êtes de nouveau dans la file : un autre conseiller va vous répondre ici.',
    ]);
  });

  test('in English for an English conversation', async () => {
    const emma = await agent('emma');
    const customer = await waiting('en-GB', 'I want to talk to a person please');
    expect((await emma.post('/claim-next')).json).toMatchObject({ id: customer.conversationId });
    expect((await seen(customer)).at(-1)?.text).toBe('Emma from Customer Service joined the conversation.');
    await emma.post(`/conversations/${customer.conversationId}/hand-back`);
    expect((await seen(customer)).slice(-2).map((a) => a.text)).toEqual([
      'Emma handed you back to the assistant.',
      'You are talking to the virtual assistant (a bot) again. Do you have another question?',
    ]);
  });

  // Last: the sweep takes every console offline.
  test('the sweeper requeues a silent console’s conversation: the customer hears that Camille left', async () => {
    const alice = await agent('alice');
    const customer = await waiting();
    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Je regarde.' });
    const count = (await seen(customer)).length;
    now = new Date(now.getTime() + 31_000);
    const report = await running.side.sweep();
    expect(report.requeued).toContain(customer.conversationId);
    const told = (await seen(customer)).slice(count);
    expect(told.map((a) => [a.text, a.channelData?.relaisNotice])).toEqual([
      [
        'Camille a quitté la conversation. Vous êtes de nouveau dans la file : un autre conseiller va vous répondre ici.',
        'agent-left',
      ],
    ]);
    // A sweep with nothing to requeue says nothing more.
    await running.side.sweep();
    expect((await seen(customer)).length).toBe(count + 1);
  });
});
