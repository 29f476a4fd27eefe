import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, type EventStream } from './clients';

let running: AgentApp;
let alice: Agent;
let bruno: Agent;
let emma: Agent;
const streams: EventStream[] = [];

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson());
  alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
  emma = await Agent.login(running.url, 'emma', PASSWORDS.emma);
  for (const agent of [alice, bruno, emma]) await agent.post('/presence', { presence: 'online' });
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await running?.close();
});

async function listen(agent: Agent): Promise<EventStream> {
  const stream = agent.events();
  streams.push(stream);
  await stream.ready;
  return stream;
}

test('to a colleague, then to another language’s queue; the customer follows; typed refusals', async () => {
  const brunoEvents = await listen(bruno);
  const emmaEvents = await listen(emma);
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  const id = customer.conversationId;
  expect((await alice.post(`/conversations/${id}/claim`)).status).toBe(200);

  // Who Alice can hand it to: colleagues online now, and the queues.
  expect((await alice.get('/colleagues')).json).toEqual({
    agents: [
      { id: 'bruno', name: 'Bruno', languages: ['fr'] },
      { id: 'emma', name: 'Emma', languages: ['en'] },
    ],
    queues: ['en', 'fr'],
  });

  // Refusals: yourself, nobody, a bad body, a colleague who does not speak French.
  expect(
    await alice.post(`/conversations/${id}/transfer`, { target: { kind: 'agent', agentId: 'alice' } }),
  ).toMatchObject({
    status: 400,
  });
  expect(
    (await alice.post(`/conversations/${id}/transfer`, { target: { kind: 'agent', agentId: 'zoe' } })).status,
  ).toBe(400);
  expect(await alice.post(`/conversations/${id}/transfer`, { target: { kind: 'someone' } })).toMatchObject({
    status: 400,
    json: { error: { message: expect.stringMatching(/^target/) } },
  });
  expect(
    await alice.post(`/conversations/${id}/transfer`, { target: { kind: 'agent', agentId: 'emma' } }),
  ).toMatchObject({
    status: 409,
    json: { error: { code: 'NotRoutable' } },
  });
  expect((await bruno.post(`/conversations/${id}/transfer`, { target: { kind: 'queue' } })).status).toBe(403);

  const toBruno = await alice.post(`/conversations/${id}/transfer`, {
    target: { kind: 'agent', agentId: 'bruno' },
  });
  expect(toBruno).toMatchObject({ status: 200, json: { state: 'with-agent', agentId: 'bruno' } });
  expect((await brunoEvents.take('transferred', 1))[0]?.data).toEqual({
    type: 'transferred',
    conversationId: id,
    fromAgentId: 'alice',
    agentId: 'bruno',
  });
  await customer.say(running.url, 'toujours là');
  expect((await brunoEvents.take('customer-message', 1))[0]?.data).toMatchObject({
    line: { text: 'toujours là' },
  });
  expect((await alice.post(`/conversations/${id}/messages`, { text: 'encore moi' })).status).toBe(403);
  expect((await bruno.post(`/conversations/${id}/messages`, { text: 'Bruno prend la suite.' })).status).toBe(
    200,
  );
  expect((await customer.texts(running.url)).at(-1)).toBe('Bruno prend la suite.');

  // Alice steps away: no transfer to her.
  await alice.post('/presence', { presence: 'away' });
  expect(
    await bruno.post(`/conversations/${id}/transfer`, { target: { kind: 'agent', agentId: 'alice' } }),
  ).toMatchObject({
    status: 409,
    json: { error: { code: 'TargetAway' } },
  });
  await alice.post('/presence', { presence: 'online' });

  // Back to a queue, in English: Emma's console is told and she takes it.
  const toQueue = await bruno.post(`/conversations/${id}/transfer`, {
    target: { kind: 'queue', language: 'en' },
  });
  expect(toQueue).toMatchObject({ status: 200, json: { state: 'queued', language: 'en' } });
  expect((await emmaEvents.take('queued', 1))[0]?.data).toMatchObject({ conversationId: id, language: 'en' });
  expect((await emma.post(`/conversations/${id}/claim`)).json).toMatchObject({ agentId: 'emma' });
  const transcript = (await emma.get(`/conversations/${id}`)).json as {
    lines: { from: string; text: string }[];
  };
  expect(transcript.lines.filter((l) => l.from === 'system').map((l) => l.text)).toEqual([
    'transferred by alice to bruno',
    'transferred by bruno to the en queue',
  ]);
});
