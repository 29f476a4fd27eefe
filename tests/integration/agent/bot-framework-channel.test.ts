import { buildTestFaq } from '../../unit/bot/harness';
import { postJson } from '../bot/app';
import { FakeConnector } from '../bot/fake-connector';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent } from './clients';

let running: AgentApp;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await new FakeConnector().start();
  running = await startAgentApp(buildTestFaq(), await agentsJson());
});
afterAll(async () => {
  await running?.close();
  await connector?.stop();
});

test('a Bot Framework channel: the agent’s messages go out proactively to the stored reference, not as replies', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  const conversation = { id: 'teams-conv-1' };
  let n = 0;
  const send = (text: string) =>
    postJson(`${running.url}/api/messages`, {
      type: 'message',
      id: `act-${++n}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation,
      from: { id: 'user-1', name: 'Client' },
      recipient: { id: 'relais', name: 'Relais' },
      locale: 'fr-FR',
      text,
    });

  expect((await send('je veux parler à un conseiller')).status).toBe(200);
  expect(
    connector.replies
      .map((r) => r.activity.text)
      .filter(Boolean)
      .at(-1),
  ).toMatch(/position 1/);
  // The agent API knows the conversation by its key (entry point, channel, the channel's id);
  // what goes to the connector carries the channel's own id.
  expect((await alice.post('/conversations/bf:msteams:teams-conv-1/claim')).status).toBe(200);

  const before = connector.replies.length;
  expect((await send('comment payer')).status).toBe(200);
  // The bot says nothing while Alice owns the conversation.
  expect(connector.replies).toHaveLength(before);

  expect(
    (
      await alice.post('/conversations/bf:msteams:teams-conv-1/messages', {
        text: 'Bonjour, Alice à votre écoute.',
      })
    ).status,
  ).toBe(200);
  const relayed = connector.replies.slice(before);
  expect(relayed.map((r) => [r.path, r.activity.text, r.activity.replyToId])).toEqual([
    ['/v3/conversations/teams-conv-1/activities', 'Bonjour, Alice à votre écoute.', undefined],
  ]);

  expect((await alice.post('/conversations/bf:msteams:teams-conv-1/hand-back')).status).toBe(200);
  expect(connector.replies.at(-1)?.activity.text).toMatch(/repassé à l’assistant/);
  const afterHandBack = connector.replies.length;
  await send('comment payer');
  expect(connector.replies.slice(afterHandBack).map((r) => r.activity.text)).toEqual([
    'Carte bancaire, virement et CESU.',
    'Est-ce que cela répond à votre question ?',
  ]);
});
