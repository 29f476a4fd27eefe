import { buildTestFaq } from '../../support/test-faq';
import { FakeConnector } from '../bot/fake-connector';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent } from './clients';
import { teamsCustomer } from './teams-customer';

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
  const send = teamsCustomer(running.url, connector.url, 'teams-conv-1');

  expect((await send('je veux parler à un conseiller')).status).toBe(200);
  expect(
    connector.replies
      .map((r) => r.activity.text)
      .filter(Boolean)
      .at(-1),
  ).toMatch(/position 1/);
  // The agent API knows the conversation by its key (entry point, channel, the channel's id);
  // what goes to the connector carries the channel's own id.
  const beforeClaim = connector.replies.length;
  expect((await alice.post('/conversations/bf:msteams:teams-conv-1/claim')).status).toBe(200);
  // The join notice, proactive, plain text: no channelData a channel could misread, from the bot.
  const joined = connector.replies.slice(beforeClaim);
  expect(joined.map((r) => [r.path, r.activity.text])).toEqual([
    ['/v3/conversations/teams-conv-1/activities', 'Alice du service Client a rejoint la conversation.'],
  ]);
  expect(joined[0]?.activity.channelData).toBeUndefined();
  expect(joined[0]?.activity.suggestedActions).toBeUndefined();

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
  // The channel shows every message as the bot's: the agent's name comes first in the text.
  expect(relayed.map((r) => [r.path, r.activity.text, r.activity.replyToId])).toEqual([
    ['/v3/conversations/teams-conv-1/activities', 'Alice\u00a0: Bonjour, Alice à votre écoute.', undefined],
  ]);
  expect(relayed[0]?.activity.from).toMatchObject({ id: 'relais' });

  const beforeHandBack = connector.replies.length;
  expect((await alice.post('/conversations/bf:msteams:teams-conv-1/hand-back')).status).toBe(200);
  expect(connector.replies.slice(beforeHandBack).map((r) => r.activity.text)).toEqual([
    'Alice vous a repassé à l’assistant.',
    'Vous parlez de nouveau à l’assistant virtuel (un robot). Avez-vous une autre question ?',
  ]);
  const afterHandBack = connector.replies.length;
  await send('comment payer');
  expect(connector.replies.slice(afterHandBack).map((r) => r.activity.text)).toEqual([
    'Carte bancaire, virement et CESU.',
    'Est-ce que cela répond à votre question ?',
  ]);
});
