import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, eventually } from './clients';

const GAP_MS = 300;
const UPDATE = /Vous êtes maintenant en position (\d+) dans la file/;

function updates(texts: readonly string[]): string[] {
  return texts.filter((t) => UPDATE.test(t));
}

async function escalated(url: string): Promise<Customer> {
  const customer = await Customer.start(url);
  await customer.say(url, 'je veux parler à un conseiller');
  return customer;
}

/** Both instances' notifiers have looked at the queue a few more times. */
async function passes(apps: readonly AgentApp[], count = 3): Promise<void> {
  await Promise.all(apps.map((app) => app.side.agent.waitNotifier?.passesDone(count)));
}

describe.each([
  ['one instance, in memory', false],
  ['two instances on one Redis', true],
])('position updates while waiting (%s)', (_label, shared) => {
  let apps: AgentApp[] = [];

  beforeAll(async () => {
    const faq = buildTestFaq();
    const agents = await agentsJson();
    const env = { QUEUE_UPDATE_INTERVAL_MS: String(GAP_MS) };
    // Time moves (from a weekday's opening hours), so the queue serves in arrival order.
    const started = Date.now();
    const now = () => new Date(OPEN_TIME.getTime() + Date.now() - started);
    if (shared) {
      const prefix = uniquePrefix('wait').replace(/:$/, '');
      const options = { redisUrl: testRedisUrl(), prefix, env, now };
      apps = [await startAgentApp(faq, agents, options), await startAgentApp(faq, agents, options)];
    } else apps = [await startAgentApp(faq, agents, { env, now })];
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  test('the customer is told once when the position changes, without writing; no more after the claim', async () => {
    const [a, b = a] = apps as [AgentApp, AgentApp?];
    const alice = await Agent.login(b.url, 'alice', PASSWORDS.alice);
    await alice.post('/presence', { presence: 'online' });
    const first = await escalated(a.url);
    const second = await escalated(a.url);
    expect((await second.texts(a.url)).at(-1)).toMatch(/position 2 dans la file/);

    // Nothing changed yet: no update, however many passes.
    await passes(apps);
    expect(updates(await second.texts(a.url))).toEqual([]);

    await first.say(a.url, 'annuler');
    // Until its cancel is processed the first customer is still waiting and may be told of a new
    // estimate like anyone else; from the confirmation on it must hear nothing more.
    await eventually(async () => {
      const texts = await first.texts(a.url);
      return texts.some((t) => t.startsWith('C’est noté, j’annule')) ? texts : undefined;
    }, 'the cancel confirmation');
    const toldBeforeLeaving = updates(await first.texts(a.url)).length;
    const told = await eventually(async () => {
      const found = updates(await second.texts(a.url));
      return found.length > 0 ? found : undefined;
    }, 'the position update');
    expect(told).toEqual([
      expect.stringMatching(/position 1 dans la file, attente estimée : environ \d+ min\./),
    ]);

    // Every instance keeps looking: the same notice is never sent again.
    await passes(apps);
    expect(updates(await second.texts(a.url))).toHaveLength(1);
    // The first customer, gone from the queue, hears nothing more.
    expect(updates(await first.texts(a.url))).toHaveLength(toldBeforeLeaving);

    expect((await alice.post(`/conversations/${second.conversationId}/claim`)).status).toBe(200);
    await passes(apps);
    expect(updates(await second.texts(a.url))).toHaveLength(1);
    await alice.post(`/conversations/${second.conversationId}/hand-back`);
    await alice.post('/presence', { presence: 'offline' });
  });
});
