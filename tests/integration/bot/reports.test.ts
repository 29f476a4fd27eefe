import type { MemorySurveyStore } from '../../../insights/index';
import type { RelaisServer } from '../../../bot/server';
import { SEEDED_RANGE } from '../../fixtures/seeded-surveys';
import { startReportsApp, SUPERVISOR_TOKEN } from './reports-app';

let app: RelaisServer;
let url: string;
let surveys: MemorySurveyStore;
let disabled: { app: RelaisServer; url: string };

beforeAll(async () => {
  ({ app, url, surveys } = await startReportsApp());
  disabled = await startReportsApp({});
});

afterAll(async () => {
  await app?.close();
  await disabled?.app.close();
});

const auth = { authorization: `Bearer ${SUPERVISOR_TOKEN}` };
const march = `from=${SEEDED_RANGE.from}&to=${SEEDED_RANGE.to}`;

async function getJson(path: string, headers: Record<string, string> = auth) {
  const res = await fetch(`${url}${path}`, { headers });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, unknown> };
}

describe('reports API', () => {
  test('summary: the seeded figures', async () => {
    const { status, json } = await getJson(`/api/reports/summary?${march}`);
    expect(status).toBe(200);
    expect(json.from).toBe('2026-03-01T00:00:00.000Z');
    expect(json.to).toBe('2026-04-01T00:00:00.000Z');
    const report = json.report as Record<string, unknown>;
    expect(report.conversations).toBe(11);
    expect(report.responses).toBe(10);
    expect(report.ces).toMatchObject({ count: 10, sum: 28, value: 2.8 });
    expect(report.deflection).toEqual({ count: 7, total: 11, rate: 7 / 11 });
    expect(report.escalation).toEqual({ count: 4, total: 11, rate: 4 / 11 });
    expect(report.escalationReasons).toEqual([
      { key: 'customer-request', count: 2 },
      { key: 'answer-refused', count: 1 },
      { key: 'repeated-misses', count: 1 },
    ]);
    expect(report.notAnswered).toEqual({ count: 1, total: 4, rate: 0.25 });
    expect(report.topEntries).toEqual([
      { key: 'payment-methods', count: 3 },
      { key: 'booking-how', count: 2 },
      { key: 'invoices', count: 2 },
    ]);
    expect(
      (report.cesByDay as { day: string; ces: { value: number } }[]).map((d) => [d.day, d.ces.value]),
    ).toEqual([
      ['2026-03-02', 4 / 3],
      ['2026-03-03', 8 / 3],
      ['2026-03-04', 11 / 3],
      ['2026-03-05', 5],
    ]);
    expect(Object.keys(report.cesByPath as object)).toEqual(['bot-only', 'clarified', 'escalated', 'ticket']);
    expect((report.cesByAgent as Record<string, { value: number }>).anna?.value).toBe(3);
    expect(report.waitTime).toMatchObject({ p50: 120_000 });
  });

  test('a range outside the seeded days has no score', async () => {
    const { json } = await getJson('/api/reports/summary?from=2026-04-01&to=2026-04-30');
    const report = json.report as Record<string, unknown>;
    expect(report.conversations).toBe(0);
    expect(report.ces).toBeUndefined();
  });

  test('surveys.csv is masked by default, and unmasked on request', async () => {
    const res = await fetch(`${url}/api/reports/surveys.csv?${march}`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      'conversation_id,customer_id,closed_at,path,outcome,language,channel,agent_id,wait_ms,kb_entries,escalation_reason,ces,answered,csat,nps,comment',
    );
    expect(lines).toHaveLength(13); // header, 11 rows, and the empty string after the last CRLF
    expect(lines[1]).toMatch(
      /^c01,,2026-03-02T11:00:00.000Z,bot-only,resolved,fr,directline,,,payment-methods,,1,,,,/,
    );
    expect(lines[1]).not.toContain('jean.dupont@example.fr');
    const raw = await fetch(`${url}/api/reports/surveys.csv?${march}&mask=false&separator=semicolon`, {
      headers: auth,
    });
    const rawText = await raw.text();
    expect(rawText).toContain('jean.dupont@example.fr');
    expect(rawText.split('\r\n')[0]).toMatch(/^conversation_id;customer_id;/);
  });

  test('kb-suggestions clusters the missed questions', async () => {
    const { status, json } = await getJson(`/api/reports/kb-suggestions?${march}`);
    expect(status).toBe(200);
    const suggestions = json.suggestions as { count: number; examples: string[] }[];
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({
      kind: 'new-entry',
      count: 2,
      examples: ['résilier mon contrat de ménage', 'comment résilier mon contrat de ménage ?'],
    });
  });

  test.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-supervisor-token' }],
    ['another scheme', { authorization: `Basic ${SUPERVISOR_TOKEN}` }],
  ])('401 with %s', async (_name, headers: Record<string, string>) => {
    for (const path of [
      '/api/reports/summary',
      '/api/reports/surveys.csv',
      '/api/reports/agents.csv',
      '/api/reports/kb-suggestions',
      '/api/reports/live',
    ]) {
      const { status, headers: h, json } = await getJson(path, headers);
      expect(status).toBe(401);
      expect(h.get('www-authenticate')).toContain('Bearer');
      expect(json).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
    }
  });

  test.each([
    ['from=yesterday', 'from: must be a date'],
    ['from=2026-03-31&to=2026-03-01', 'from: must be before to'],
    ['from=2020-01-01&to=2026-01-01', 'to: the range must not exceed 366 days'],
    ['mask=maybe', 'mask:'],
  ])('400 for %s', async (query, message) => {
    const { status, json } = await getJson(`/api/reports/summary?${query}`);
    expect(status).toBe(400);
    expect((json.error as { message: string }).message).toContain(message);
  });

  test('without SUPERVISOR_TOKEN the reports answer 503 with what to set', async () => {
    for (const path of ['/api/reports/summary', '/api/reports/live']) {
      const res = await fetch(`${disabled.url}${path}`, { headers: auth });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        error: { code: 'ReportsDisabled', message: 'reports disabled: set SUPERVISOR_TOKEN' },
      });
    }
  });

  test('a deployment without agent accounts: no live view (404, and the summary says so), agents from the surveys only', async () => {
    const live = await getJson('/api/reports/live');
    expect(live.status).toBe(404);
    expect(live.json).toEqual({
      error: { code: 'NoAgents', message: 'no agent accounts: there is nothing live to show' },
    });
    const { json } = await getJson('/api/reports/summary?from=2026-03-01&to=2026-03-31');
    expect(json.live).toBe(false);
    expect(json.agentNames).toEqual({});
    const report = json.report as { agents: { agentId: string; handled: number }[]; cesByAgent: object };
    // The seeded conversations name their agent but carry no times (recorded before them): counted, no medians.
    expect(report.agents.map((a) => a.agentId).sort()).toEqual(Object.keys(report.cesByAgent).sort());
    expect(report.agents.every((a) => a.handled > 0)).toBe(true);
  });

  test("DELETE /api/privacy/customers/:id erases that customer's surveys only", async () => {
    const april = Date.UTC(2026, 3, 2, 9);
    for (const [conversationId, customerId] of [
      ['e1', 'cust-42'],
      ['e2', 'cust-42'],
      ['e3', 'cust-7'],
    ] as const) {
      await surveys.record({
        context: {
          conversationId,
          customerId,
          path: 'bot-only',
          language: 'fr',
          channel: 'directline',
          startedAt: april,
          closedAt: april,
        },
        comment: 'mon numéro est le 06 12 34 56 78',
        recordedAt: april,
      });
    }
    const erase = (id: string, headers: Record<string, string> = auth) =>
      fetch(`${url}/api/privacy/customers/${id}`, { method: 'DELETE', headers });
    expect((await erase('cust-42', {})).status).toBe(401);
    expect((await erase('%7Bcust%7D')).status).toBe(400);
    const res = await erase('cust-42');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      customerId: 'cust-42',
      conversations: 2,
      surveysErased: 2,
      conversationStatesErased: 0,
      directLineActivitiesErased: 0,
      relayLinesErased: 0,
      uploadsErased: 0,
      handoffRecordsErased: 0,
      historyLinesErased: 0,
      keptLive: [],
    });
    expect(await surveys.get('e1')).toBeUndefined();
    expect(await surveys.get('e2')).toBeUndefined();
    expect((await surveys.get('e3'))?.context.customerId).toBe('cust-7');
    expect(await (await erase('cust-42')).json()).toMatchObject({
      customerId: 'cust-42',
      conversations: 0,
      surveysErased: 0,
    });
  });
});
