import { MemorySurveyStore, RedisSurveyStore, type SurveyStore } from '../../../insights/index';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer, eventually } from '../agent/clients';
import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

const SUPERVISOR_TOKEN = 'supervisor-token-for-agent-figures-0123';
/** Monday 16 March 2026, 10:00 in Paris: support is open. */
const MONDAY = Date.UTC(2026, 2, 16, 9, 0);

const modes: ReadonlyArray<[string, () => { surveys: SurveyStore; redisUrl?: string; prefix?: string }]> = [
  ['memory', () => ({ surveys: new MemorySurveyStore() })],
  [
    'redis',
    () => {
      const prefix = uniquePrefix('agent-figures');
      return {
        redisUrl: testRedisUrl(),
        prefix,
        surveys: new RedisSurveyStore({ redis: testRedisUrl(), keyPrefix: `${prefix}insights` }),
      };
    },
  ],
];

/** `token` '' sends no Authorization header. */
async function supervisorGet(url: string, path: string, token = SUPERVISOR_TOKEN) {
  return fetch(`${url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
}

interface LiveView {
  agents: {
    agentId: string;
    name: string;
    presence: string;
    capacity: number;
    load: number;
    conversations: {
      conversationId: string;
      language?: string;
      queue?: string;
      awaitingFirstReply: boolean;
    }[];
  }[];
  queues: { queue: string; waiting: number; headWaitMs?: number }[];
  tickets: { open: number; answered: number };
}

describe.each(modes)('per-agent figures and the live view over HTTP (%s stores)', (_mode, makeStores) => {
  let running: AgentApp;
  let surveys: SurveyStore;
  let nowMs = MONDAY;
  let alice: Agent;
  let bruno: Agent;

  /** The test clock moves in steps shorter than the heartbeat timeout; both consoles beat at each. */
  async function advance(ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= 10_000) {
      nowMs += Math.min(10_000, left);
      for (const agent of [alice, bruno]) expect((await agent.post('/heartbeat')).status).toBe(200);
    }
  }

  const live = async (): Promise<LiveView> => {
    const res = await supervisorGet(running.url, '/api/reports/live');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as LiveView;
  };

  beforeAll(async () => {
    const stores = makeStores();
    surveys = stores.surveys;
    running = await startAgentApp(buildTestFaq(), await agentsJson(), {
      ...(stores.redisUrl ? { redisUrl: stores.redisUrl, prefix: stores.prefix! } : {}),
      surveys,
      now: () => new Date(nowMs),
      env: { SUPERVISOR_TOKEN },
    });
    alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
    bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
  });

  afterAll(async () => {
    await running?.close();
    await surveys?.dispose();
  });

  test('the live view needs the supervisor token', async () => {
    const none = await supervisorGet(running.url, '/api/reports/live', '');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await supervisorGet(running.url, '/api/reports/live', 'not-the-token-at-all')).status).toBe(401);
    expect((await supervisorGet(running.url, '/api/reports/agents.csv', '')).status).toBe(401);
  });

  test('two agents, one transfer: who holds what live, then handled, passed on, median times and CES per agent', async () => {
    const { url } = running;
    for (const agent of [alice, bruno])
      expect((await agent.post('/presence', { presence: 'online' })).status).toBe(200);
    const first = await Customer.start(url);
    await first.say(url, 'je veux parler à un conseiller');
    const second = await Customer.start(url);
    await second.say(url, 'je veux parler à un conseiller');

    const waiting = await live();
    expect(waiting.queues).toEqual([{ queue: 'fr:general', waiting: 2, headWaitMs: 0 }]);
    expect(waiting.agents.map((a) => [a.agentId, a.presence, a.load, a.capacity])).toEqual([
      ['alice', 'online', 0, 3],
      ['bruno', 'online', 0, 3],
      ['emma', 'offline', 0, 3],
    ]);

    // Alice takes both; she answers the first after 30 s.
    await advance(10_000);
    expect((await alice.post(`/conversations/${first.conversationId}/claim`)).status).toBe(200);
    expect((await alice.post(`/conversations/${second.conversationId}/claim`)).status).toBe(200);
    const held = await live();
    expect(held.queues).toEqual([]);
    const aliceNow = held.agents.find((a) => a.agentId === 'alice');
    expect(aliceNow?.load).toBe(2);
    expect(
      aliceNow?.conversations.map((c) => [c.conversationId, c.language, c.queue, c.awaitingFirstReply]),
    ).toEqual(
      expect.arrayContaining([
        [first.conversationId, 'fr', 'fr:general', true],
        [second.conversationId, 'fr', 'fr:general', true],
      ]),
    );
    await advance(30_000);
    expect(
      (await alice.post(`/conversations/${first.conversationId}/messages`, { text: 'Bonjour, Alice.' }))
        .status,
    ).toBe(200);
    expect(
      (await live()).agents
        .find((a) => a.agentId === 'alice')
        ?.conversations.find((c) => c.conversationId === first.conversationId)?.awaitingFirstReply,
    ).toBe(false);

    // She passes the second to Bruno, who answers 20 s after it reached him.
    expect(
      (
        await alice.post(`/conversations/${second.conversationId}/transfer`, {
          target: { kind: 'agent', agentId: 'bruno' },
        })
      ).status,
    ).toBe(200);
    const afterTransfer = await live();
    expect(
      afterTransfer.agents.find((a) => a.agentId === 'bruno')?.conversations.map((c) => c.conversationId),
    ).toEqual([second.conversationId]);
    expect(afterTransfer.agents.find((a) => a.agentId === 'alice')?.load).toBe(1);
    await advance(20_000);
    expect(
      (
        await bruno.post(`/conversations/${second.conversationId}/messages`, {
          text: 'Bruno prend la suite.',
        })
      ).status,
    ).toBe(200);

    // Alice resolves 110 s after her claim; Bruno 100 s after the transfer. Only the first answers the CES.
    await advance(60_000);
    expect(
      (await alice.post(`/conversations/${first.conversationId}/resolve`, { reason: 'fait' })).status,
    ).toBe(200);
    await advance(20_000);
    expect(
      (await bruno.post(`/conversations/${second.conversationId}/resolve`, { reason: 'fait' })).status,
    ).toBe(200);
    // The survey is stored when it ends: CES 2, then the other questions skipped or answered.
    for (const reply of ['2', 'oui', '5', 'passer']) await first.say(url, reply);
    await eventually(
      async () => ((await surveys.get(first.conversationId))?.ces === 2 ? true : undefined),
      'the CES answer',
    );

    expect((await surveys.get(second.conversationId))?.context).toMatchObject({
      agentId: 'bruno',
      earlierAgentIds: ['alice'],
      agentFirstReplyAt: expect.any(Number),
    });

    const res = await supervisorGet(url, '/api/reports/summary?from=2026-03-16&to=2026-03-16');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      report: { agents: unknown[] };
      agentNames: Record<string, string>;
    };
    expect(body.agentNames).toEqual({ alice: 'Alice', bruno: 'Bruno', emma: 'Emma' });
    expect(body.report.agents).toEqual([
      {
        agentId: 'alice',
        handled: 1,
        passedOn: 1,
        firstReply: { count: 1, median: 30_000 },
        handling: { count: 1, median: 110_000 },
        ces: expect.objectContaining({ count: 1, sum: 2, value: 2 }),
        fewCesAnswers: true,
      },
      {
        agentId: 'bruno',
        handled: 1,
        passedOn: 0,
        firstReply: { count: 1, median: 20_000 },
        handling: { count: 1, median: 100_000 },
        fewCesAnswers: true,
      },
      {
        agentId: 'emma',
        handled: 0,
        passedOn: 0,
        firstReply: { count: 0 },
        handling: { count: 0 },
        fewCesAnswers: true,
      },
    ]);

    const csv = await supervisorGet(
      url,
      '/api/reports/agents.csv?from=2026-03-16&to=2026-03-16&separator=semicolon',
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="agents.csv"');
    expect((await csv.text()).split('\r\n').slice(1, 3)).toEqual([
      'alice;Alice;1;1;30000;1;110000;1;2;2;1',
      'bruno;Bruno;1;0;20000;1;100000;1;;0;0',
    ]);

    const after = await live();
    expect(after.agents.map((a) => a.load)).toEqual([0, 0, 0]);
    expect(after.tickets).toEqual({ open: 0, answered: 0 });
  });
});
