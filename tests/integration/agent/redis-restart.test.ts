import { buildTestFaq } from '../../support/test-faq';
import { uniquePrefix } from '../../support/prefix';
import { startRedisServer, type RedisServer } from '../../support/redis-server';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, eventually, type EventStream } from './clients';

let redis: RedisServer;
let running: AgentApp;
let stream: EventStream | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    redisUrl: redis.url,
    prefix: uniquePrefix('restart').replace(/:$/, ''),
  });
});
afterAll(async () => {
  stream?.close();
  await running?.close();
  await redis?.stop();
});

test('Redis restarts mid-conversation: the agent and the customer keep talking, nothing acknowledged is lost', async () => {
  const { url } = running;
  const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  stream = alice.events();
  await stream.ready;
  const customer = await Customer.start(url);
  await customer.say(url, 'je veux parler à un conseiller');
  expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
  await customer.say(url, 'un');
  await stream.take('customer-message', 1);
  expect(
    (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Bonjour' })).status,
  ).toBe(200);

  await redis.crashAndRestart();
  // This instance's subscription is back: the console is told to reload (it may have missed events).
  await stream.take('reset', 1);
  // The app now answers 503 + Retry-After until its own connection is ready again (production's
  // gate, bot/http/unavailable.ts); a client retries, this one waits for /readyz.
  await eventually(async () => ((await fetch(`${url}/readyz`)).ok ? true : undefined), 'ready again');

  await customer.say(url, 'deux');
  const relayed = await stream.take('customer-message', 2);
  expect((relayed[1]?.data as { line: { text: string; seq: number } }).line).toMatchObject({
    seq: 3,
    text: 'deux',
  });
  expect(
    (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Toujours là.' })).status,
  ).toBe(200);
  await eventually(
    async () => ((await customer.texts(url)).at(-1) === 'Toujours là.' ? true : undefined),
    'the agent reply after the restart',
  );

  const transcript = (await alice.get(`/conversations/${customer.conversationId}`)).json as {
    conversation: { state: string; agentId: string };
    lines: { from: string; text: string }[];
  };
  expect(transcript.conversation).toMatchObject({ state: 'with-agent', agentId: 'alice' });
  expect(transcript.lines.map((l) => [l.from, l.text])).toEqual([
    ['customer', 'un'],
    ['agent', 'Bonjour'],
    ['customer', 'deux'],
    ['agent', 'Toujours là.'],
  ]);
  const told = await customer.texts(url);
  expect(told.slice(-4)).toEqual(['un', 'Bonjour', 'deux', 'Toujours là.']);
});
