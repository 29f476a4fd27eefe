import { createHmac } from 'node:crypto';
import { MemorySurveyStore } from '../../../insights/index';
import { type BuiltAgentSide } from '../../../bot/root/agent-side';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer } from '../agent/clients';
import { buildTestFaq } from '../../support/test-faq';

const SUPERVISOR_TOKEN = 'supervisor-token-for-tests-0123';
const IDENTITY_SECRET = 'identity-secret-for-the-erasure-test-0123456789';
let running: AgentApp;
let side: BuiltAgentSide;
let url: string;
const surveys = new MemorySurveyStore();

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    env: { SUPERVISOR_TOKEN, IDENTITY_SECRET },
    surveys,
  });
  ({ side, url } = running);
});

afterAll(() => running?.close());

test('DELETE /api/privacy/customers/:id erases the survey and every transcript of that customer', async () => {
  const customer = { id: 'cust-42', name: 'Jean Dupont', vip: false, b2b: false };
  const signature = createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(customer)).digest('hex');
  const jean = await Customer.start(url, 'fr-FR', { customer, signature });
  const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  await jean.say(url, 'comment payer');
  await jean.say(url, 'Non');
  expect((await alice.post('/claim-next')).json).toMatchObject({ id: jean.conversationId });
  await jean.say(url, 'mon adresse est 3 rue des Lilas');
  await alice.post(`/conversations/${jean.conversationId}/resolve`, { reason: 'adresse corrigée' });
  // Recorded in the agent's proactive turn, which carries no identity: the id comes from the handoff record.
  expect((await surveys.get(jean.conversationId))?.context.customerId).toBe('cust-42');
  await jean.say(url, '1');
  expect((await surveys.get(jean.conversationId))?.context.customerId).toBe('cust-42');

  const res = await fetch(`${url}/api/privacy/customers/cust-42`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
  });
  expect(res.status).toBe(200);
  const report = (await res.json()) as Record<string, unknown>;
  expect(report).toMatchObject({
    customerId: 'cust-42',
    conversations: 1,
    surveysErased: 1,
    conversationStatesErased: 1,
    relayLinesErased: 2, // the customer's line and the resolve note
    handoffRecordsErased: 1,
    keptLive: [],
  });
  expect(report.directLineActivitiesErased).toBeGreaterThan(5);

  expect(await surveys.get(jean.conversationId)).toBeUndefined();
  expect(await running.stores.storage.read([`webchat/conversations/${jean.conversationId}/`])).toEqual({});
  expect(await running.stores.directLineStore.getConversation(jean.conversationId)).toBeUndefined();
  expect(await side.agent.queue.get(jean.conversationId)).toBeNull();
  expect(await side.agent.store.lines(jean.conversationId)).toEqual([]);
});
