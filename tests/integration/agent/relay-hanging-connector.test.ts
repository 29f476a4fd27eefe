import { buildTestFaq } from '../../support/test-faq';
import { FlakyConnector } from '../ops/flaky-connector';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent } from './clients';
import { teamsCustomer } from './teams-customer';

const TIMEOUT_MS = 1500;
let running: AgentApp;
let connector: FlakyConnector;

beforeAll(async () => {
  connector = await new FlakyConnector().start();
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    env: { CHANNEL_SEND_TIMEOUT_MS: String(TIMEOUT_MS) },
  });
});
afterAll(async () => {
  await running?.close();
  await connector?.stop();
});

test("an agent's line to a hanging channel ends in 503 after the timeout, sent once; another customer is answered meanwhile", async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  await teamsCustomer(running.url, connector.url, 'teams-hang')('je veux parler à un conseiller');
  expect((await alice.post('/conversations/bf:msteams:teams-hang/claim')).status).toBe(200);

  connector.set('teams-hang', 'stall');
  const before = connector.attempts.filter((a) => a.conversationId === 'teams-hang').length;
  let relayed = false;
  const sending = alice
    .post('/conversations/bf:msteams:teams-hang/messages', { text: 'Je regarde.', clientMessageId: 'h-1' })
    .finally(() => (relayed = true));
  while (connector.attempts.filter((a) => a.conversationId === 'teams-hang').length === before)
    await new Promise((r) => setTimeout(r, 10));
  const heldAt = Date.now();

  // The proactive send holds nothing else: a customer on the same connector gets the bot's answer.
  const other = await teamsCustomer(
    running.url,
    connector.url,
    'teams-other',
  )('Comment réserver une prestation ?');
  expect(other.status).toBe(200);
  expect(connector.delivered('teams-other')).toEqual([
    expect.stringMatching(/Réserver/),
    expect.stringMatching(/répond/),
  ]);
  expect(relayed).toBe(false);

  const failed = await sending;
  expect(failed.status).toBe(503);
  expect(Date.now() - heldAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
  // Not posted again after the timeout: the connector may have delivered it.
  expect(connector.attempts.filter((a) => a.conversationId === 'teams-hang').slice(before)).toEqual([
    expect.objectContaining({ answered: 'stalled', text: expect.stringMatching(/Je regarde/) }),
  ]);
});
