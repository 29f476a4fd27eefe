import { postJson } from '../bot/app';
import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';

let running: AgentApp;
let alice: Agent;
let bruno: Agent;
let emma: Agent;

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson());
  [alice, bruno, emma] = await Promise.all([
    Agent.login(running.url, 'alice', PASSWORDS.alice),
    Agent.login(running.url, 'bruno', PASSWORDS.bruno),
    Agent.login(running.url, 'emma', PASSWORDS.emma),
  ]);
  for (const agent of [alice, bruno, emma]) await agent.post('/presence', { presence: 'online' });
});
afterAll(async () => {
  await running?.close();
});

async function waitingConversation(): Promise<string> {
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  return customer.conversationId;
}

test('no endpoint answers without a session: 401', async () => {
  const { url } = running;
  for (const path of ['/api/agent/queue', '/api/agent/events', '/api/agent/conversations/x']) {
    const res = await fetch(`${url}${path}`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'Unauthorized', message: expect.stringMatching(/log in/) },
    });
  }
  for (const path of [
    '/claim-next',
    '/presence',
    '/heartbeat',
    '/conversations/x/claim',
    '/conversations/x/messages',
  ]) {
    expect((await postJson(`${url}/api/agent${path}`, {})).status).toBe(401);
  }
  const forged = `${alice.token.split('.')[0]}.AAAA`;
  expect(
    (await postJson(`${url}/api/agent/claim-next`, {}, { authorization: `Bearer ${forged}` })).status,
  ).toBe(401);
});

test('a wrong password or an unknown agent: 401, and no token', async () => {
  const wrong = await postJson(`${running.url}/api/agent/login`, { agentId: 'alice', password: 'not-hers' });
  expect(wrong).toEqual({
    status: 401,
    json: { error: { code: 'Unauthorized', message: 'unknown agent or wrong password' } },
  });
  const unknown = await postJson(`${running.url}/api/agent/login`, { agentId: 'mallory', password: 'x' });
  expect(unknown.status).toBe(401);
  const malformed = await postJson(`${running.url}/api/agent/login`, { agentId: 'alice' });
  expect(malformed.status).toBe(400);
  expect(JSON.stringify(malformed.json)).toMatch(/password/);
});

test('another agent’s conversation: 403; a second claim: 409 naming the owner', async () => {
  const id = await waitingConversation();
  // Emma speaks only English: the French conversation is not in her queue.
  expect((await emma.get(`/conversations/${id}`)).status).toBe(403);
  expect((await emma.post(`/conversations/${id}/claim`)).status).toBe(403);
  // Bruno speaks French: he may read it while it waits.
  expect((await bruno.get(`/conversations/${id}`)).status).toBe(200);

  expect((await alice.post(`/conversations/${id}/claim`)).status).toBe(200);
  const second = await bruno.post(`/conversations/${id}/claim`);
  expect(second).toEqual({
    status: 409,
    json: { error: { code: 'AlreadyClaimed', message: expect.stringContaining('alice') } },
  });
  expect((await bruno.get(`/conversations/${id}`)).status).toBe(403);
  expect((await bruno.post(`/conversations/${id}/messages`, { text: 'hello' })).status).toBe(403);
  expect((await bruno.post(`/conversations/${id}/hand-back`)).status).toBe(403);
  expect((await alice.get(`/conversations/does-not-exist`)).status).toBe(404);
});

test('bodies are checked: 400 with the field named', async () => {
  const id = await waitingConversation();
  await alice.post(`/conversations/${id}/claim`);
  const empty = await alice.post(`/conversations/${id}/messages`, { text: '   ' });
  expect(empty.status).toBe(400);
  expect(JSON.stringify(empty.json)).toMatch(/text/);
  expect((await alice.post(`/conversations/${id}/resolve`, {})).status).toBe(400);
  expect((await alice.post('/presence', { presence: 'sleeping' })).status).toBe(400);
  const notJson = await postJson(`${running.url}/api/agent/claim-next`, '{', {
    authorization: `Bearer ${alice.token}`,
  });
  expect(notJson.status).toBeLessThan(500);
});

test('away: keeps conversations, takes no new one', async () => {
  await waitingConversation();
  expect((await bruno.post('/presence', { presence: 'away' })).status).toBe(200);
  const refused = await bruno.post('/claim-next');
  expect(refused.status).toBe(409);
  expect(JSON.stringify(refused.json)).toMatch(/away/);
  expect((await bruno.post('/presence', { presence: 'online' })).status).toBe(200);
  expect((await bruno.post('/claim-next')).status).toBe(200);
});
