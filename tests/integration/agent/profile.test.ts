import { createHmac } from 'node:crypto';
import { MemorySurveyStore } from '../../../insights/index';
import type { CustomerProfile } from '../../../bot/agent/customer-profile';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, eventually } from './clients';

const SUPERVISOR_TOKEN = 'supervisor-token-for-the-profile-test';
const IDENTITY_SECRET = 'identity-secret-for-the-profile-test-0123456789';
/** The same Wednesday, 23:00 in Paris: support closed, escalations become tickets. */
const NIGHT = new Date('2026-03-11T22:00:00Z').getTime();
const ASK = 'je veux parler à un conseiller';

const sign = (customer: Record<string, unknown>) => ({
  customer,
  signature: createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(customer)).digest('hex'),
});

describe.each(['memory', 'Redis'] as const)('customer profile API (%s)', (mode) => {
  let running: AgentApp;
  let url: string;
  let clock = OPEN_TIME.getTime();
  let alice: Agent;
  let bruno: Agent;
  let emma: Agent;
  const surveys = new MemorySurveyStore();
  const vip = { id: 'cust-vip', name: 'Véra Ingres', email: 'vera@example.fr', vip: true, b2b: false };

  const profile = async (agent: Agent, id: string): Promise<CustomerProfile> => {
    const res = await agent.get(`/conversations/${id}/profile`);
    expect(res.status).toBe(200);
    return res.json as CustomerProfile;
  };
  /** Moves the server's clock; the consoles announce themselves again (their heartbeats lapsed). */
  const setClock = async (at: number): Promise<void> => {
    clock = at;
    for (const a of [alice, bruno, emma])
      expect((await a.post('/presence', { presence: 'online' })).status).toBe(200);
  };
  /** A signed customer's first conversation: escalated, taken by Alice, resolved, CES 2. */
  const resolvedWithCes = async (identity: ReturnType<typeof sign>): Promise<Customer> => {
    const customer = await Customer.start(url, 'fr-FR', identity);
    await customer.say(url, ASK);
    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Je regarde.' });
    await alice.post(`/conversations/${customer.conversationId}/resolve`, { reason: 'réglé' });
    await eventually(
      async () => ((await customer.texts(url)).some((t) => /facile/i.test(t)) ? true : undefined),
      'the CES question',
    );
    for (const reply of ['2', 'oui', '5', 'passer']) await customer.say(url, reply);
    await eventually(
      async () => ((await surveys.get(customer.conversationId))?.ces === 2 ? true : undefined),
      'the survey stored',
    );
    return customer;
  };

  beforeAll(async () => {
    running = await startAgentApp(buildTestFaq(), await agentsJson(), {
      now: () => new Date(clock),
      env: { SUPERVISOR_TOKEN, IDENTITY_SECRET, AGENT_SESSION_TTL_SECONDS: String(2 * 86400) },
      surveys,
      ...(mode === 'Redis' ? { redisUrl: testRedisUrl(), prefix: uniquePrefix('profile-api') } : {}),
    });
    url = running.url;
    [alice, bruno, emma] = await Promise.all([
      Agent.login(url, 'alice', PASSWORDS.alice),
      Agent.login(url, 'bruno', PASSWORDS.bruno),
      Agent.login(url, 'emma', PASSWORDS.emma),
    ]);
    for (const a of [alice, bruno, emma])
      expect((await a.post('/presence', { presence: 'online' })).status).toBe(200);
  }, 30_000);

  afterAll(() => running?.close());

  test('401 without a session, 403 outside your conversations, 404 unknown, 400 bad id', async () => {
    const customer = await Customer.start(url, 'fr-FR');
    await customer.say(url, ASK);
    const path = `/api/agent/conversations/${customer.conversationId}/profile`;
    expect((await fetch(url + path)).status).toBe(401);
    expect((await fetch(url + path, { headers: { authorization: 'Bearer forged.token' } })).status).toBe(401);
    // Emma speaks English only: a French queued conversation is not hers to read.
    expect((await emma.get(`/conversations/${customer.conversationId}/profile`)).status).toBe(403);
    expect((await bruno.get(`/conversations/${customer.conversationId}/profile`)).status).toBe(200);
    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    // Now Alice's: Bruno may no longer read it.
    expect((await bruno.get(`/conversations/${customer.conversationId}/profile`)).status).toBe(403);
    expect((await alice.get('/conversations/nope/profile')).status).toBe(404);
    expect((await alice.get('/conversations/a%20b/profile')).status).toBe(400);
    const anonymous = await profile(alice, customer.conversationId);
    expect(anonymous).toEqual({
      conversationId: customer.conversationId,
      identified: false,
      segment: { vip: false, b2b: false },
      linkedBy: 'none',
      previous: [],
    });
    await alice.post(`/conversations/${customer.conversationId}/hand-back`);
  });

  test('an identified VIP: name, e-mail, segment and the previous conversation with outcome and CES', async () => {
    await setClock(clock + 60_000);
    const first = await resolvedWithCes(sign(vip));
    await setClock(clock + 60_000);
    const again = await Customer.start(url, 'fr-FR', sign(vip));
    await again.say(url, ASK);
    const seen = await profile(bruno, again.conversationId);
    expect(seen).toMatchObject({
      conversationId: again.conversationId,
      identified: true,
      customerId: 'cust-vip',
      name: 'Véra Ingres',
      email: 'vera@example.fr',
      segment: { vip: true, b2b: false },
      linkedBy: 'identity',
    });
    expect(seen.previous).toHaveLength(1);
    expect(seen.previous[0]).toMatchObject({
      conversationId: first.conversationId,
      path: 'escalated',
      ces: 2,
      language: 'fr',
      queue: 'vip',
    });
    expect(['resolved', 'closed']).toContain(seen.previous[0]?.state);
  });

  test('a B2B account: its segment and account manager, from the signed identity', async () => {
    await setClock(clock + 60_000);
    const account = {
      id: 'cust-b2b',
      name: 'Brasserie Lenoir',
      vip: false,
      b2b: true,
      accountManagerId: 'bruno',
    };
    const customer = await Customer.start(url, 'fr-FR', sign(account));
    await customer.say(url, ASK);
    // The manager is online: it waits for him first.
    expect((await running.side.agent.queue.get(customer.conversationId))?.accountManagerId).toBe('bruno');
    const seen = await profile(alice, customer.conversationId);
    expect(seen).toMatchObject({
      identified: true,
      customerId: 'cust-b2b',
      name: 'Brasserie Lenoir',
      segment: { vip: false, b2b: true, accountManagerId: 'bruno', accountManagerName: 'Bruno' },
      previous: [],
    });
    expect(seen.email).toBeUndefined();
  });

  test('anonymous visitors are linked by the e-mail they left on a ticket (case ignored)', async () => {
    await setClock(NIGHT);
    const first = await Customer.start(url, 'fr-FR');
    await first.say(url, 'ma facture est fausse, je veux parler à un conseiller');
    await first.say(url, 'mon mail c jean.dupont@example.com');
    expect((await running.side.agent.queue.get(first.conversationId))?.state).toBe('ticket');
    await setClock(clock + 3_600_000);
    const second = await Customer.start(url, 'fr-FR');
    await second.say(url, 'je veux parler à un conseiller');
    await second.say(url, 'écrivez-moi à Jean.Dupont@Example.com');
    const seen = await profile(alice, second.conversationId);
    expect(seen).toMatchObject({
      identified: false,
      email: 'Jean.Dupont@example.com', // the capture lower-cases the domain only
      linkedBy: 'email',
      segment: { vip: false, b2b: false },
    });
    expect(seen.previous.map((p) => [p.conversationId, p.path])).toEqual([[first.conversationId, 'ticket']]);
    // Someone who left another address sees nothing of Jean's.
    await setClock(clock + 60_000);
    const other = await Customer.start(url, 'fr-FR');
    await other.say(url, 'je veux parler à un conseiller');
    await other.say(url, 'mon adresse : paul@example.org');
    expect((await profile(alice, other.conversationId)).previous).toEqual([]);
  });

  // Last: the erasure removes what the earlier tests built for Véra.
  test('after the erasure of the customer, the profile shows nothing of them', async () => {
    await setClock(OPEN_TIME.getTime() + 3_600_000);
    // Every escalation of Véra linked her signed address too.
    const live = await Customer.start(url, 'fr-FR', sign(vip));
    await live.say(url, ASK);
    expect((await profile(alice, live.conversationId)).previous.length).toBeGreaterThanOrEqual(1);
    const linkedBefore = await running.side.agent.emailLinks?.conversationsOf('vera@example.fr');
    expect(linkedBefore?.length).toBeGreaterThanOrEqual(2);

    const res = await fetch(`${url}/api/privacy/customers/cust-vip`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const seen = await profile(alice, live.conversationId);
    expect(seen.previous).toEqual([]);
    // Every link of her address went with her conversations (the live ones too: their history is erased).
    expect(await running.side.agent.emailLinks?.conversationsOf('vera@example.fr')).toEqual([]);
  });
});
