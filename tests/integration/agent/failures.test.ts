import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME, SUNDAY_NOON } from '../../support/test-settings';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';

let now = OPEN_TIME;
let running: AgentApp;
let agents: string;

beforeAll(async () => {
  agents = await agentsJson();
  running = await startAgentApp(buildTestFaq(), agents, { now: () => now });
});
afterAll(async () => {
  await running?.close();
});

async function escalated(): Promise<Customer> {
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  return customer;
}

test('nobody online: a ticket, and the customer is told when a person will answer', async () => {
  const customer = await escalated();
  expect((await customer.texts(running.url)).at(-1)).toMatch(
    /avec notre échange\. Nos conseillers sont absents pour le moment.*au plus tard mercredi 11 mars à 14:00/,
  );
});

test('outside business hours: a ticket promised for the next opening', async () => {
  const sunday = await startAgentApp(buildTestFaq(), agents, { now: () => SUNDAY_NOON });
  try {
    const alice = await Agent.login(sunday.url, 'alice', PASSWORDS.alice);
    await alice.post('/presence', { presence: 'online' });
    const customer = await Customer.start(sunday.url);
    await customer.say(sunday.url, 'je veux parler à un conseiller');
    expect((await customer.texts(sunday.url)).at(-1)).toMatch(/au plus tard lundi 16 mars/);
    expect(((await alice.get('/queue')).json as { waiting: unknown[] }).waiting).toEqual([]);
  } finally {
    await sunday.close();
  }
});

test('an agent going offline mid-conversation: back to the head of the queue, another agent takes over', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  const bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
  await alice.post('/presence', { presence: 'online' });
  await bruno.post('/presence', { presence: 'online' });
  const customer = await escalated();
  expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
  await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Je regarde.' });

  await alice.post('/presence', { presence: 'offline' });
  expect((await bruno.post('/claim-next')).json).toMatchObject({
    id: customer.conversationId,
    agentId: 'bruno',
  });
  expect(
    (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'encore moi' })).status,
  ).toBe(403);
  await customer.say(running.url, 'vous êtes là ?');
  const transcript = (await bruno.get(`/conversations/${customer.conversationId}`)).json as {
    lines: { from: string; text: string }[];
  };
  expect(transcript.lines.map((l) => [l.from, l.text])).toEqual([
    ['agent', 'Je regarde.'],
    ['customer', 'vous êtes là ?'],
  ]);
  await bruno.post(`/conversations/${customer.conversationId}/hand-back`);
  await bruno.post('/presence', { presence: 'offline' });
});

test('a console that stops its heartbeats: the sweep requeues its conversation, the heartbeat is refused', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  const customer = await escalated();
  // By id: the first test's ticket, its customer still there, was offered live when an agent logged in.
  expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
  await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Bonjour' });

  now = new Date(now.getTime() + 31_000);
  const swept = await running.side.agent.queue.requeueExpired();
  expect(swept.agentsOffline).toContain('alice');
  expect(swept.requeued).toContain(customer.conversationId);
  const beat = await alice.post('/heartbeat');
  expect(beat.status).toBe(409);
  // Still waiting for a person: the bot does not answer in its place.
  const seen = (await customer.texts(running.url)).length;
  await customer.say(running.url, 'comment payer');
  expect((await customer.textsAfter(running.url, seen))[1]).toMatch(/déjà transmise/);
});

test('the customer leaves (closes the chat, goes silent): the conversation closes and the agent sees it end', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  const stream = alice.events();
  await stream.ready;
  try {
    const customer = await escalated();
    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    await customer.say(running.url, 'ma facture');
    await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Je regarde.' });

    // Sixteen minutes without a word from the customer; the agent's console is alive.
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await alice.post('/heartbeat')).status).toBe(200);
    const report = await running.side.sweep();
    expect(report.closedSilent).toContain(customer.conversationId);

    const [ended] = await stream.take('conversation-ended', 1);
    expect(ended?.data).toEqual({
      type: 'conversation-ended',
      conversationId: customer.conversationId,
      reason: 'customer-silence',
      agentId: 'alice',
    });
    const queue = (await alice.get('/queue')).json as { mine: { id: string }[] };
    expect(queue.mine.map((c) => c.id)).not.toContain(customer.conversationId);
    expect(
      (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'allô ?' })).status,
    ).toBe(403);
    // Coming back later, the customer talks to the bot again.
    const seen = (await customer.texts(running.url)).length;
    await customer.say(running.url, 'comment payer');
    expect((await customer.textsAfter(running.url, seen))[1]).toBe('Carte bancaire, virement et CESU.');
  } finally {
    stream.close();
    await alice.post('/presence', { presence: 'offline' });
  }
});
