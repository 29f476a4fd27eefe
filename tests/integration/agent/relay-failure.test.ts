import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';
import { teamsCustomer } from './teams-customer';
import { FlakyConnector } from './flaky-connector';

let running: AgentApp;
let connector: FlakyConnector;

beforeAll(async () => {
  connector = await new FlakyConnector().start();
  running = await startAgentApp(buildTestFaq(), await agentsJson());
});
afterAll(async () => {
  await running?.close();
  await connector?.stop();
});

// One sender per conversation: its activity ids keep counting (a repeated id would be a retry).
const senders = new Map<string, ReturnType<typeof teamsCustomer>>();
function customerSays(conversationId: string, text: string) {
  const say = senders.get(conversationId) ?? teamsCustomer(running.url, connector.url, conversationId);
  senders.set(conversationId, say);
  return say(text);
}

test('a relay send that fails after the line was logged: the retry delivers it once, logged once', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  await customerSays('teams-flaky', 'je veux parler à un conseiller');
  // The agent API knows the conversation by its key: the entry point and channel before the channel's id.
  expect((await alice.post('/conversations/bf:msteams:teams-flaky/claim')).status).toBe(200);

  const before = connector.accepted.length;
  connector.failing = true;
  const failed = await alice.post('/conversations/bf:msteams:teams-flaky/messages', {
    text: 'Bonjour, je regarde.',
    clientMessageId: 'm-1',
  });
  expect(failed.status).toBe(503);
  expect(connector.refused).toBeGreaterThan(0);
  expect(connector.accepted).toHaveLength(before);

  // The console sends the same message again (same id) once the channel is back.
  connector.failing = false;
  const retried = await alice.post('/conversations/bf:msteams:teams-flaky/messages', {
    text: 'Bonjour, je regarde.',
    clientMessageId: 'm-1',
  });
  expect(retried).toMatchObject({
    status: 200,
    json: { seq: 1, from: 'agent', text: 'Bonjour, je regarde.' },
  });
  // A retry after a success (the answer was lost on the way back) sends nothing more.
  const again = await alice.post('/conversations/bf:msteams:teams-flaky/messages', {
    text: 'Bonjour, je regarde.',
    clientMessageId: 'm-1',
  });
  expect(again.json).toEqual(retried.json);
  // A Bot Framework channel shows the agent's name in the text (the log keeps the text as written).
  expect(connector.accepted.slice(before).map((a) => a.text)).toEqual(['Alice\u00a0: Bonjour, je regarde.']);

  const next = await alice.post('/conversations/bf:msteams:teams-flaky/messages', {
    text: 'C’est réglé.',
    clientMessageId: 'm-2',
  });
  expect(next.json).toMatchObject({ seq: 2 });
  const transcript = (await alice.get('/conversations/bf:msteams:teams-flaky')).json as {
    lines: { text: string }[];
  };
  expect(transcript.lines.map((l) => l.text)).toEqual(['Bonjour, je regarde.', 'C’est réglé.']);
  expect(connector.accepted.slice(before).map((a) => a.text)).toEqual([
    'Alice\u00a0: Bonjour, je regarde.',
    'Alice\u00a0: C’est réglé.',
  ]);
});

test('Web Chat: a retried message reaches the customer once', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
  const seen = (await customer.texts(running.url)).length;
  for (let i = 0; i < 2; i++)
    expect(
      (
        await alice.post(`/conversations/${customer.conversationId}/messages`, {
          text: 'Une seule fois',
          clientMessageId: 'w-1',
        })
      ).status,
    ).toBe(200);
  expect(await customer.textsAfter(running.url, seen)).toEqual(['Une seule fois']);
});

test('a channel that refuses the join notice: the claim stands, and the agent can write once it accepts again', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  await customerSays('teams-notice', 'je veux parler à un conseiller');
  connector.failing = true;
  const refusedBefore = connector.refused;
  const claim = await alice.post('/conversations/bf:msteams:teams-notice/claim');
  expect(claim.status).toBe(200);
  expect(claim.json).toMatchObject({ state: 'with-agent', agentId: 'alice' });
  expect(connector.refused).toBe(refusedBefore + 1);
  connector.failing = false;
  const before = connector.accepted.length;
  const sent = await alice.post('/conversations/bf:msteams:teams-notice/messages', { text: 'Me voici.' });
  expect(sent.status).toBe(200);
  expect(connector.accepted.slice(before).map((a) => a.text)).toEqual(['Alice\u00a0: Me voici.']);
});
