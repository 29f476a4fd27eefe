import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, type EventStream } from './clients';

/** Two instances sharing one Redis: the customer on A, the agent on B. */
let a: AgentApp;
let b: AgentApp;
let stream: EventStream | undefined;

beforeAll(async () => {
  const faq = buildTestFaq();
  const agents = await agentsJson();
  const prefix = uniquePrefix('agent2').replace(/:$/, '');
  a = await startAgentApp(faq, agents, { redisUrl: testRedisUrl(), prefix });
  b = await startAgentApp(faq, agents, { redisUrl: testRedisUrl(), prefix });
});
afterAll(async () => {
  stream?.close();
  await Promise.all([a?.close(), b?.close()]);
});

test('customer on A, agent on B: queue event, messages both ways in order, bot silent, hand back', async () => {
  const bruno = await Agent.login(b.url, 'bruno', PASSWORDS.bruno);
  expect((await bruno.post('/presence', { presence: 'online' })).status).toBe(200);
  stream = bruno.events();
  await stream.ready;

  const customer = await Customer.start(a.url);
  await customer.say(a.url, 'je veux parler à un conseiller');
  expect((await customer.texts(a.url)).at(-1)).toMatch(/position 1/);
  expect((await stream.take('queued', 1))[0]?.data).toMatchObject({
    conversationId: customer.conversationId,
  });

  expect((await bruno.post('/claim-next')).json).toMatchObject({
    id: customer.conversationId,
    agentId: 'bruno',
  });
  const seen = (await customer.texts(a.url)).length;
  for (const text of ['un', 'deux', 'comment payer', 'quatre']) await customer.say(a.url, text);
  const relayed = await stream.take('customer-message', 4);
  expect(relayed.map((e) => (e.data as { line: { text: string; seq: number } }).line)).toEqual([
    expect.objectContaining({ seq: 1, text: 'un' }),
    expect.objectContaining({ seq: 2, text: 'deux' }),
    expect.objectContaining({ seq: 3, text: 'comment payer' }),
    expect.objectContaining({ seq: 4, text: 'quatre' }),
  ]);

  for (const text of ['Bonjour', 'je regarde', 'voilà']) {
    expect((await bruno.post(`/conversations/${customer.conversationId}/messages`, { text })).status).toBe(
      200,
    );
  }
  expect(await customer.textsAfter(a.url, seen)).toEqual([
    'un',
    'deux',
    'comment payer',
    'quatre',
    'Bonjour',
    'je regarde',
    'voilà',
  ]);
  // The same conversation read through B: one log, no duplicates.
  expect(await customer.textsAfter(b.url, seen)).toEqual(await customer.textsAfter(a.url, seen));

  expect((await bruno.post(`/conversations/${customer.conversationId}/hand-back`)).status).toBe(200);
  const afterHandBack = (await customer.texts(a.url)).length;
  await customer.say(a.url, 'comment payer');
  expect((await customer.textsAfter(a.url, afterHandBack))[1]).toBe('Carte bancaire, virement et CESU.');
  // Exactly the four customer messages reached the agent: nothing twice.
  expect(stream.all('customer-message')).toHaveLength(4);
});
