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

test('a Bot Framework channel: no outgoing activity carries a note, while the messages and the takeover notice go out', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  const bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
  for (const agent of [alice, bruno]) await agent.post('/presence', { presence: 'online' });
  const send = teamsCustomer(running.url, connector.url, 'teams-notes-1');
  const id = 'bf:msteams:teams-notes-1';
  expect((await send('je veux parler à un conseiller')).status).toBe(200);
  expect((await alice.post(`/conversations/${id}/notes`, { text: 'NOTE-A en attente' })).status).toBe(200);
  expect((await alice.post(`/conversations/${id}/claim`)).status).toBe(200);
  expect((await alice.post(`/conversations/${id}/notes`, { text: 'NOTE-B pour @bruno' })).status).toBe(200);
  expect(
    (await alice.post(`/conversations/${id}/messages`, { text: 'Je regarde votre dossier.' })).status,
  ).toBe(200);
  expect((await send('merci')).status).toBe(200);
  expect(
    (
      await alice.post(`/conversations/${id}/transfer`, {
        target: { kind: 'agent', agentId: 'bruno' },
        note: 'NOTE-C au transfert',
      })
    ).status,
  ).toBe(200);
  expect((await bruno.post(`/conversations/${id}/notes`, { text: 'NOTE-D de Bruno' })).status).toBe(200);
  expect((await bruno.post(`/conversations/${id}/messages`, { text: 'Bruno prend la suite.' })).status).toBe(
    200,
  );

  const texts = connector.replies.map((r) => r.activity.text);
  // The channel did get (the name before the text, French spacing) what the customer is meant to see…
  expect(texts).toEqual(
    expect.arrayContaining([
      'Alice du service Client a rejoint la conversation.',
      expect.stringMatching(/^Alice\s:\sJe regarde votre dossier\.$/u),
      'Bruno du service Client a pris le relais.',
      expect.stringMatching(/^Bruno\s:\sBruno prend la suite\.$/u),
    ]),
  );
  // …and no activity, in any field, carries a note.
  const everything = JSON.stringify(connector.replies);
  for (const marker of ['NOTE-A', 'NOTE-B', 'NOTE-C', 'NOTE-D']) expect(everything).not.toContain(marker);
  // The agents do see all four.
  const lines = (
    (await bruno.get(`/conversations/${id}`)).json as { lines: { from: string; text: string }[] }
  ).lines;
  expect(lines.filter((l) => l.from === 'note').map((l) => l.text.slice(0, 6))).toEqual([
    'NOTE-A',
    'NOTE-B',
    'NOTE-C',
    'NOTE-D',
  ]);
});
