import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { MemorySurveyStore, RedisSurveyStore, type SurveyStore } from '../../../insights/index';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer } from '../agent/clients';
import { buildTestFaq } from '../../support/test-faq';
import { reachableStrings } from '../../support/deep-strings';
import { redisContents } from '../../support/redis-contents';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

const SUPERVISOR_TOKEN = 'supervisor-token-for-tests-0123';
const IDENTITY_SECRET = 'identity-secret-for-the-erasure-test-0123456789';
const CUSTOMER = {
  id: 'cust-77',
  name: 'Jeanne Martin',
  email: 'jeanne.martin@example.fr',
  vip: false,
  b2b: false,
};
const PHONE = '06 98 76 54 32';
const ADDRESS = '12 rue des Acacias';
/** What must be gone from every store once the customer is erased. */
const PERSONAL = [CUSTOMER.name, CUSTOMER.email, PHONE, ADDRESS];

interface Mode {
  readonly name: 'memory' | 'redis';
  start(): Promise<{ running: AgentApp; surveys: SurveyStore; leftovers: () => Promise<string[]> }>;
}

/** Where each personal value still sits, as "value in where". */
function found(where: string, text: string): string[] {
  return PERSONAL.filter((value) => text.includes(value)).map((value) => `${value} in ${where}`);
}

const MODES: Mode[] = [
  {
    name: 'memory',
    start: async () => {
      const surveys = new MemorySurveyStore();
      const running = await startAgentApp(buildTestFaq(), await agentsJson(), {
        env: { SUPERVISOR_TOKEN, IDENTITY_SECRET },
        surveys,
      });
      const stores = { ...running.stores, agent: running.side.agent, surveys };
      return {
        running,
        surveys,
        leftovers: async () =>
          Object.entries(stores).flatMap(([name, store]) =>
            found(name, reachableStrings([store]).join('\n')),
          ),
      };
    },
  },
  {
    name: 'redis',
    start: async () => {
      const redis = new Redis(testRedisUrl());
      const prefix = uniquePrefix('erase-all')
        .replace(/:$/, '')
        .replace(/[^A-Za-z0-9:_-]/g, '-');
      const surveys = new RedisSurveyStore({ redis, keyPrefix: `${prefix}:insights` });
      const running = await startAgentApp(buildTestFaq(), await agentsJson(), {
        redisUrl: testRedisUrl(),
        prefix,
        env: { SUPERVISOR_TOKEN, IDENTITY_SECRET },
        surveys,
      });
      const close = running.close;
      return {
        running: { ...running, close: async () => (await close(), void (await redis.quit())) },
        surveys,
        leftovers: async () =>
          [...(await redisContents(redis, `*${prefix}*`))].flatMap(([key, text]) => [
            ...found(key, text),
            ...(key.includes(CUSTOMER.id) ? [`customer id in key ${key}`] : []),
          ]),
      };
    },
  },
];

const signature = createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(CUSTOMER)).digest('hex');
const identified = (url: string) => Customer.start(url, 'fr-FR', { customer: CUSTOMER, signature });

async function erase(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/privacy/customers/${CUSTOMER.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe.each(MODES)('erasure of a customer with several conversations ($name)', (mode) => {
  let running: AgentApp;
  let surveys: SurveyStore;
  let leftovers: () => Promise<string[]>;

  beforeEach(async () => {
    ({ running, surveys, leftovers } = await mode.start());
  });
  afterEach(() => running.close());

  /** Escalates, is claimed by Alice, and gives the phone number and address to her. */
  async function withAlice(alice: Agent): Promise<Customer> {
    const { url } = running;
    const customer = await identified(url);
    await customer.say(url, 'comment payer');
    await customer.say(url, 'Non');
    expect((await alice.post('/claim-next')).json).toMatchObject({ id: customer.conversationId });
    await customer.say(url, `mon téléphone est le ${PHONE}, j'habite ${ADDRESS}`);
    return customer;
  }

  test('two conversations, one without a survey: both are found and nothing personal is left anywhere', async () => {
    const { url } = running;
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const surveyed = await withAlice(alice);
    await alice.post(`/conversations/${surveyed.conversationId}/resolve`, { reason: 'adresse notée' });
    await surveyed.say(url, '1');
    expect((await surveys.get(surveyed.conversationId))?.context.customerId).toBe(CUSTOMER.id);
    // The second one never reaches a survey: only the customer index knows it.
    const unsurveyed = await identified(url);
    await unsurveyed.say(url, `livraison au ${ADDRESS}, rappelez-moi au ${PHONE}`);
    expect(await surveys.get(unsurveyed.conversationId)).toBeUndefined();
    expect((await leftovers()).length).toBeGreaterThan(0);

    const report = await erase(url);
    expect(report).toMatchObject({
      customerId: CUSTOMER.id,
      conversations: 2,
      surveysErased: 1,
      conversationStatesErased: 2,
      handoffRecordsErased: 1,
      keptLive: [],
    });
    expect(await leftovers()).toEqual([]);
    expect(await running.stores.directLineStore.getConversation(unsurveyed.conversationId)).toBeUndefined();
    expect(await erase(url)).toMatchObject({ conversations: 0, keptLive: [] });
  });

  test('three conversations, one still with an agent: reported live, found again and erased once resolved', async () => {
    const { url } = running;
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const surveyed = await withAlice(alice);
    await alice.post(`/conversations/${surveyed.conversationId}/resolve`, { reason: 'adresse notée' });
    await surveyed.say(url, '2');
    const unsurveyed = await identified(url);
    await unsurveyed.say(url, `mon adresse : ${ADDRESS}`);
    const live = await withAlice(alice);

    const first = await erase(url);
    expect(first).toMatchObject({
      conversations: 3,
      surveysErased: 1,
      conversationStatesErased: 3,
      handoffRecordsErased: 1,
      keptLive: [live.conversationId],
    });
    expect(await running.side.agent.queue.get(live.conversationId)).toMatchObject({ state: 'with-agent' });

    expect(
      (await alice.post(`/conversations/${live.conversationId}/resolve`, { reason: 'fini' })).status,
    ).toBe(200);
    const second = await erase(url);
    expect(second).toMatchObject({ conversations: 1, handoffRecordsErased: 1, keptLive: [] });
    expect(await leftovers()).toEqual([]);
    expect(await erase(url)).toMatchObject({ conversations: 0 });
  });
});
