import { MemorySurveyStore, RedisSurveyStore, type SurveyStore } from '../../../insights/index';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer } from '../agent/clients';
import { buildTestFaq } from '../../support/test-faq';
import { SUNDAY_NOON } from '../../support/test-settings';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

const SUPERVISOR_TOKEN = 'supervisor-token-for-deflection-0123';

interface Summary {
  report: {
    conversations: number;
    openWithPeople: number;
    deflection: { count: number; total: number; rate?: number };
    unresolved: { count: number; total: number; rate?: number };
    escalation: { count: number; total: number; rate?: number };
  };
}

async function summary(url: string): Promise<Summary['report']> {
  const res = await fetch(`${url}/api/reports/summary?from=2026-01-01&to=2026-12-31`, {
    headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as Summary).report;
}

const modes: ReadonlyArray<[string, () => { surveys: SurveyStore; redisUrl?: string; prefix?: string }]> = [
  ['memory', () => ({ surveys: new MemorySurveyStore() })],
  [
    'redis',
    () => {
      const prefix = uniquePrefix('deflection');
      return {
        redisUrl: testRedisUrl(),
        prefix,
        surveys: new RedisSurveyStore({ redis: testRedisUrl(), keyPrefix: `${prefix}insights` }),
      };
    },
  ],
];

describe.each(modes)('honest deflection over HTTP (%s stores)', (_mode, makeStores) => {
  let running: AgentApp;
  let surveys: SurveyStore;
  let nowMs = SUNDAY_NOON.getTime();

  beforeAll(async () => {
    const stores = makeStores();
    surveys = stores.surveys;
    running = await startAgentApp(buildTestFaq(), await agentsJson(), {
      ...(stores.redisUrl ? { redisUrl: stores.redisUrl, prefix: stores.prefix! } : {}),
      surveys,
      now: () => new Date(nowMs),
      env: { SUPERVISOR_TOKEN },
    });
  });

  afterAll(async () => {
    await running?.close();
    await surveys?.dispose();
  });

  test("the issue's case: three misses then goodbye, three open tickets; a ticket answered stays counted once", async () => {
    const { url } = running;
    for (let i = 0; i < 3; i++) {
      const customer = await Customer.start(url);
      await customer.say(url, 'zorglub frobnique le quasar');
      await customer.say(url, 'au revoir');
      expect(await surveys.get(customer.conversationId)).toMatchObject({ context: { path: 'bot-only' } });
    }
    const tickets: Customer[] = [];
    for (let i = 0; i < 3; i++) {
      const customer = await Customer.start(url);
      // Sunday: support is closed, the request becomes a ticket, with no survey record yet.
      await customer.say(url, 'je veux parler à un conseiller');
      expect((await running.side.agent.queue.get(customer.conversationId))?.state).toBe('ticket');
      expect(await surveys.get(customer.conversationId)).toBeUndefined();
      tickets.push(customer);
    }

    const before = await summary(url);
    expect(before.conversations).toBe(6);
    expect(before.openWithPeople).toBe(3);
    expect(before.deflection).toEqual({ count: 0, total: 6, rate: 0 });
    expect(before.unresolved).toEqual({ count: 3, total: 6, rate: 0.5 });
    expect(before.escalation).toEqual({ count: 3, total: 6, rate: 0.5 });

    // One ticket answered: the case stays open for the customer's reply (no survey record yet), and is
    // still one conversation, handed over, read from the queue.
    nowMs += 10 * 60_000;
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    const answered = await alice.post(`/tickets/${tickets[0]!.conversationId}/answer`, {
      text: 'Nous vous rappelons lundi.',
    });
    expect(answered.status).toBe(200);
    expect(await surveys.get(tickets[0]!.conversationId)).toBeUndefined();
    expect((await running.side.agent.queue.get(tickets[0]!.conversationId))?.state).toBe('answered');
    const after = await summary(url);
    expect(after.conversations).toBe(6);
    expect(after.openWithPeople).toBe(3);
    expect(after.escalation).toEqual({ count: 3, total: 6, rate: 0.5 });
    expect(after.unresolved.count).toBe(3);
    expect(after.deflection.count).toBe(0);
  });

  test('queued and with-agent conversations are handed over too, read from the queue, and counted once after the resolve', async () => {
    const { url } = running;
    nowMs = Date.UTC(2026, 2, 16, 9, 0); // Monday 10:00 in Paris: support is open
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const first = await Customer.start(url);
    await first.say(url, 'je veux parler à un conseiller');
    const second = await Customer.start(url);
    await second.say(url, 'je veux parler à un conseiller');
    expect((await alice.post(`/conversations/${first.conversationId}/claim`)).status).toBe(200);
    expect((await running.side.agent.queue.get(first.conversationId))?.state).toBe('with-agent');
    expect((await running.side.agent.queue.get(second.conversationId))?.state).toBe('queued');

    const open = await summary(url);
    // The six of the first test (three tickets still open, one of them answered), one with Alice, one waiting.
    expect(open.conversations).toBe(8);
    expect(open.openWithPeople).toBe(5);
    expect(open.escalation).toEqual({ count: 5, total: 8, rate: 5 / 8 });
    expect(open.unresolved.count).toBe(3);

    expect(
      (await alice.post(`/conversations/${first.conversationId}/resolve`, { reason: 'rappel fixé' })).status,
    ).toBe(200);
    expect(await surveys.get(first.conversationId)).toMatchObject({ context: { path: 'escalated' } });
    const resolved = await summary(url);
    expect(resolved.conversations).toBe(8);
    expect(resolved.openWithPeople).toBe(4);
    expect(resolved.escalation).toEqual({ count: 5, total: 8, rate: 5 / 8 });
  });
});
