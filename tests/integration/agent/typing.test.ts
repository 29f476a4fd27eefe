import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, type EventStream } from './clients';

let running: AgentApp;
let alice: Agent;
let bruno: Agent;
let stream: EventStream;

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson());
  alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
  await alice.post('/presence', { presence: 'online' });
  stream = alice.events();
  await stream.ready;
});
afterAll(async () => {
  stream?.close();
  await running?.close();
});

async function claimed(): Promise<Customer> {
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
  return customer;
}

test('the customer typing reaches the agent who owns the conversation, throttled', async () => {
  const customer = await claimed();
  const before = stream.all('customer-typing').length;
  await customer.typing(running.url);
  await customer.typing(running.url);
  await customer.typing(running.url);
  await customer.say(running.url, 'voilà');
  // Events of one bus arrive in order: once the message is here, every typing event sent before it is too.
  await stream.take('customer-message', stream.all('customer-message').length + 1);
  const typing = stream.all('customer-typing').slice(before);
  expect(typing.map((e) => e.data)).toEqual([
    { type: 'customer-typing', conversationId: customer.conversationId, agentId: 'alice' },
  ]);
  // The bot said nothing to the typing activities.
  expect((await customer.texts(running.url)).at(-1)).toBe('voilà');
});

test('the agent typing shows as a typing activity in the customer’s Web Chat; only the owner may', async () => {
  const customer = await claimed();
  const typed = await alice.post(`/conversations/${customer.conversationId}/typing`);
  expect(typed).toEqual({ status: 200, json: { relayed: true } });
  // A second one right after is absorbed (the console repeats it while the agent types).
  expect((await alice.post(`/conversations/${customer.conversationId}/typing`)).json).toEqual({
    relayed: false,
  });
  const fromBot = (await customer.activities(running.url)).filter((a) => a.from.role === 'bot');
  expect(fromBot.filter((a) => a.type === 'typing')).toHaveLength(1);
  expect(fromBot.at(-1)?.type).toBe('typing');

  expect((await bruno.post(`/conversations/${customer.conversationId}/typing`)).status).toBe(403);
  const waiting = await Customer.start(running.url);
  await waiting.say(running.url, 'je veux parler à un conseiller');
  expect((await alice.post(`/conversations/${waiting.conversationId}/typing`)).status).toBe(409);
});
