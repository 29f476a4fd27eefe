import { createHmac } from 'node:crypto';
import { MemorySurveyStore } from '../../../insights/index';
import type { HistoryConversation, HistorySummary } from '../../../bot/history/history-store';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, eventually } from './clients';

const SUPERVISOR_TOKEN = 'supervisor-token-for-tests-0123';
const IDENTITY_SECRET = 'identity-secret-for-the-history-test-0123456789';

interface Page {
  readonly items: readonly HistorySummary[];
  readonly total: number;
  readonly nextCursor?: string;
}

describe.each(['memory', 'Redis'] as const)('agent history API (%s)', (mode) => {
  let running: AgentApp;
  let url: string;
  let clock = OPEN_TIME.getTime();
  let alice: Agent;
  let bruno: Agent;
  let emma: Agent;
  let french: Customer;
  let english: Customer;
  const surveys = new MemorySurveyStore();

  const page = async (agent: Agent, query: string): Promise<Page> => {
    const res = await agent.get(`/history?${query}`);
    expect(res.status).toBe(200);
    return res.json as Page;
  };
  const idsOf = async (agent: Agent, query: string): Promise<string[]> =>
    (await page(agent, query)).items.map((i) => i.conversationId);
  const opened = async (agent: Agent, id: string): Promise<HistoryConversation> => {
    const res = await agent.get(`/history/${id}`);
    expect(res.status).toBe(200);
    return res.json as HistoryConversation;
  };

  beforeAll(async () => {
    running = await startAgentApp(buildTestFaq(), await agentsJson(), {
      now: () => new Date(clock),
      env: { SUPERVISOR_TOKEN, IDENTITY_SECRET },
      surveys,
      ...(mode === 'Redis' ? { redisUrl: testRedisUrl(), prefix: uniquePrefix('history-api') } : {}),
    });
    url = running.url;
    [alice, bruno, emma] = await Promise.all([
      Agent.login(url, 'alice', PASSWORDS.alice),
      Agent.login(url, 'bruno', PASSWORDS.bruno),
      Agent.login(url, 'emma', PASSWORDS.emma),
    ]);

    // A French conversation the bot answers, then escalated, taken by Alice, resolved, CES 2.
    french = await Customer.start(url, 'fr-FR');
    await french.say(url, 'Où trouver mes FACTURES ?');
    await eventually(async () => ((await french.texts(url)).length >= 3 ? true : undefined), 'the answer');
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    await french.say(url, 'Non');
    await eventually(
      async () => ((await alice.post('/claim-next')).status === 200 ? true : undefined),
      'a claim',
    );
    await alice.post(`/conversations/${french.conversationId}/messages`, {
      text: 'Je vérifie votre échéancier tout de suite',
    });
    await alice.post(`/conversations/${french.conversationId}/resolve`, { reason: 'réglé' });
    await eventually(
      async () => ((await french.texts(url)).some((t) => /facile/i.test(t)) ? true : undefined),
      'the CES question',
    );
    for (const reply of ['2', 'oui', '5', 'passer']) await french.say(url, reply);
    await eventually(
      async () => ((await surveys.get(french.conversationId))?.ces === 2 ? true : undefined),
      'the survey stored',
    );
    // An English conversation, a minute later, that stays with the bot.
    clock += 60_000;
    english = await Customer.start(url, 'en-US');
    await english.say(url, 'Where can I find my invoices for the cleaning?');
    await eventually(
      async () => ((await english.texts(url)).length >= 3 ? true : undefined),
      'the English answer',
    );
    await eventually(
      async () => ((await opened(alice, french.conversationId)).ces === 2 ? true : undefined),
      'the CES in the history',
    );
  }, 30_000);

  afterAll(() => running?.close());

  test('401 without a session or with a bad one', async () => {
    expect((await fetch(`${url}/api/agent/history`)).status).toBe(401);
    const forged = await fetch(`${url}/api/agent/history/x`, {
      headers: { authorization: 'Bearer forged.token' },
    });
    expect(forged.status).toBe(401);
  });

  test('400 with a clear message on a bad query', async () => {
    for (const [query, message] of [
      ['state=lost', /state/],
      ['limit=500', /limit/],
      ['cursor=abc', /cursor: the nextCursor of a previous page/],
      ['from=yesterday', /from: an ISO date/],
      ['from=2026-03-12&to=2026-03-11', /to: must be after from/],
      ['color=blue', /unrecognized|color/i],
      ['ces=9', /ces/],
    ] as const) {
      const res = await alice.get(`/history?${query}`);
      expect(res.status).toBe(400);
      expect((res.json as { error: { message: string } }).error.message).toMatch(message);
    }
    expect((await alice.get('/history/a%20b')).status).toBe(400);
    expect((await alice.get('/history/unknown-id')).status).toBe(404);
  });

  test('accents and case are ignored, stems match, in French and in English; every word must match', async () => {
    expect(await idsOf(alice, 'q=factures')).toEqual([french.conversationId]);
    expect(await idsOf(alice, `q=${encodeURIComponent('FACTURÉ')}`)).toEqual([french.conversationId]);
    expect(await idsOf(alice, `q=${encodeURIComponent('echeancier')}`)).toEqual([french.conversationId]);
    expect(await idsOf(alice, 'q=INVOICE')).toEqual([english.conversationId]);
    expect(await idsOf(alice, 'q=invoice%20cleaning')).toEqual([english.conversationId]);
    expect(await idsOf(alice, 'q=invoice%20nothing')).toEqual([]);
  });

  test('an agent sees only the conversations in their languages', async () => {
    expect(await idsOf(alice, '')).toEqual([english.conversationId, french.conversationId]);
    expect(await idsOf(bruno, '')).toEqual([french.conversationId]);
    expect(await idsOf(emma, '')).toEqual([english.conversationId]);
    expect(await idsOf(emma, 'q=factures')).toEqual([]);
    expect((await emma.get(`/history/${french.conversationId}`)).status).toBe(403);
    expect((await bruno.get('/history?language=en')).status).toBe(403);
    expect((await emma.get(`/history/${english.conversationId}`)).status).toBe(200);
  });

  test('the supervisor reads every language with the supervisor token, and nothing without it', async () => {
    const get = (path: string, token?: string) =>
      fetch(
        `${url}/api/reports/history${path}`,
        token ? { headers: { authorization: `Bearer ${token}` } } : {},
      );
    expect((await get('')).status).toBe(401);
    expect((await get('', alice.token)).status).toBe(401);
    const res = await get('?q=invoice', SUPERVISOR_TOKEN);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Page).items.map((i) => i.conversationId)).toEqual([english.conversationId]);
    const all = (await (await get('', SUPERVISOR_TOKEN)).json()) as Page;
    expect(all.items.map((i) => i.conversationId)).toEqual([english.conversationId, french.conversationId]);
    expect((await get(`/${french.conversationId}`, SUPERVISOR_TOKEN)).status).toBe(200);
    expect((await get('?state=nope', SUPERVISOR_TOKEN)).status).toBe(400);
  });

  test('facets filter: state, agent, path, queue, CES, dates', async () => {
    expect(await idsOf(alice, 'state=resolved')).toEqual([french.conversationId]);
    expect(await idsOf(alice, 'state=bot')).toEqual([english.conversationId]);
    expect(await idsOf(alice, 'agent=alice')).toEqual([french.conversationId]);
    expect(await idsOf(alice, 'agent=bruno')).toEqual([]);
    expect(await idsOf(alice, 'path=escalated&queue=standard&ces=2')).toEqual([french.conversationId]);
    expect(await idsOf(alice, 'ces=5')).toEqual([]);
    const later = new Date(OPEN_TIME.getTime() + 30_000).toISOString();
    expect(await idsOf(alice, `from=${later}`)).toEqual([english.conversationId]);
    expect(await idsOf(alice, `to=${later}`)).toEqual([french.conversationId]);
  });

  test('pages with a cursor, newest first', async () => {
    const first = await page(alice, 'limit=1');
    expect(first).toMatchObject({ total: 2, nextCursor: '1' });
    expect(first.items.map((i) => i.conversationId)).toEqual([english.conversationId]);
    const second = await page(alice, `limit=1&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((i) => i.conversationId)).toEqual([french.conversationId]);
    expect(second.nextCursor).toBeUndefined();
  });

  test("opening one shows the whole transcript with the bot's decisions inline", async () => {
    const conversation = await opened(alice, french.conversationId);
    expect(conversation).toMatchObject({
      state: 'resolved',
      language: 'fr',
      path: 'escalated',
      queue: 'standard',
      agents: ['alice'],
      ces: 2,
      title: 'Où trouver mes FACTURES ?',
    });
    const lines = conversation.lines;
    const customerAt = lines.findIndex((l) => l.kind === 'message' && l.text === 'Où trouver mes FACTURES ?');
    const decision = lines[customerAt + 1];
    expect(decision).toMatchObject({ kind: 'decision', decision: 'answer', entryId: 'invoices' });
    expect(decision?.kind === 'decision' ? decision.confidence : undefined).toBeGreaterThan(0);
    expect(lines[customerAt + 2]).toMatchObject({
      kind: 'message',
      from: 'bot',
      text: 'Dans « Mon compte », rubrique « Factures ».',
    });
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'decision', decision: 'handoff', reason: 'answer-refused' }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ kind: 'event', event: 'queued' }));
    const agentLines = lines.filter((l) => l.kind === 'message' && l.from === 'agent');
    expect(agentLines).toEqual([
      expect.objectContaining({ text: 'Je vérifie votre échéancier tout de suite', agentId: 'alice' }),
    ]);
    // The agent's message is not logged a second time as the bot's.
    expect(
      lines.filter((l) => l.kind === 'message' && l.text === 'Je vérifie votre échéancier tout de suite'),
    ).toHaveLength(1);
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
  });

  test('erasing a customer removes their conversations from every index', async () => {
    const customer = { id: 'cust-history', name: 'Zoé', vip: false, b2b: false };
    const signature = createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(customer)).digest('hex');
    clock += 60_000;
    const zoe = await Customer.start(url, 'fr-FR', { customer, signature });
    await zoe.say(url, 'mon adresse confidentielle est rue des Lilas');
    await eventually(
      async () => ((await idsOf(alice, 'q=lilas')).length === 1 ? true : undefined),
      'indexed',
    );
    const res = await fetch(`${url}/api/privacy/customers/cust-history`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as { historyLinesErased: number };
    expect(report.historyLinesErased).toBeGreaterThanOrEqual(2);
    expect(await idsOf(alice, 'q=lilas')).toEqual([]);
    expect(await idsOf(alice, 'q=confidentiel')).toEqual([]);
    expect((await alice.get(`/history/${zoe.conversationId}`)).status).toBe(404);
    expect(await idsOf(alice, '')).toEqual([english.conversationId, french.conversationId]);
  });
});
