import { Agent, Customer } from '../agent/clients';
import { PASSWORDS, startHostileApp, type HostileApp } from './hostile-app';
import { scrape, value, type Samples } from './scrape';

const METRICS_TOKEN = 'metrics-token-for-the-ops-tests';
let running: HostileApp;
let url: string;

beforeAll(async () => {
  running = await startHostileApp({ env: { METRICS_TOKEN } });
  url = running.url;
});
afterAll(async () => running?.close());

async function samples(): Promise<Samples> {
  const scraped = await scrape(url, METRICS_TOKEN);
  expect(scraped.status).toBe(200);
  return scraped.samples;
}

const delta = (before: Samples, after: Samples, series: string) =>
  value(after, series) - value(before, series);

test('/metrics wants the bearer token when METRICS_TOKEN is set, and speaks the 0.0.4 text format', async () => {
  expect((await scrape(url)).status).toBe(401);
  expect((await scrape(url, 'wrong-token-wrong-token')).status).toBe(401);
  const ok = await scrape(url, METRICS_TOKEN);
  expect(ok.type).toBe('text/plain; version=0.0.4; charset=utf-8');
  expect(ok.text).toMatch(/^# HELP relais_turns_total .+\n# TYPE relais_turns_total counter\n/m);
  expect(ok.text).toMatch(/^# TYPE relais_handoff_wait_seconds histogram$/m);
  expect(value(ok.samples, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
  expect(value(ok.samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
});

test('turns, decisions, escalations, queue length, wait time, CES and HTTP requests move with real turns', async () => {
  const start = await samples();
  const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);

  const asker = await Customer.start(url);
  await asker.say(url, 'Comment réserver une prestation ?');
  const afterAnswer = await samples();
  expect(delta(start, afterAnswer, 'relais_decisions_total{decision="answer"}')).toBe(1);
  expect(delta(start, afterAnswer, 'relais_turns_total{channel="webchat"}')).toBe(1);

  const waiting = await Customer.start(url);
  await waiting.say(url, 'je veux parler à un conseiller');
  const queued = await samples();
  expect(delta(afterAnswer, queued, 'relais_escalations_total{reason="customer-request"}')).toBe(1);
  expect(value(queued, 'relais_handoff_queue_length{language="fr"}')).toBe(1);

  // 90 s in the queue; the console's heartbeats (every few seconds) keep alice online meanwhile.
  for (let i = 0; i < 6; i++) {
    running.advance(15);
    expect((await alice.post('/heartbeat')).status).toBe(200);
  }
  expect((await alice.post('/claim-next')).json).toMatchObject({ id: waiting.conversationId });
  const claimed = await samples();
  expect(value(claimed, 'relais_handoff_queue_length{language="fr"}')).toBe(0);
  expect(delta(queued, claimed, 'relais_handoff_wait_seconds_count')).toBe(1);
  expect(delta(queued, claimed, 'relais_handoff_wait_seconds_sum')).toBe(90);
  expect(delta(queued, claimed, 'relais_handoff_wait_seconds_bucket{le="60"}')).toBe(0);
  expect(delta(queued, claimed, 'relais_handoff_wait_seconds_bucket{le="120"}')).toBe(1);

  expect(
    (await alice.post(`/conversations/${waiting.conversationId}/resolve`, { reason: 'ok' })).status,
  ).toBe(200);
  for (const reply of ['2', 'oui', '5', 'passer']) await waiting.say(url, reply);
  const surveyed = await samples();
  // The survey is stored after each of the four answers; its CES counts once.
  expect(delta(claimed, surveyed, 'relais_ces_answers_total')).toBe(1);
  expect(delta(claimed, surveyed, 'relais_ces_points_sum')).toBe(2);
  expect(delta(start, surveyed, 'relais_turns_total{channel="webchat"}')).toBe(6);
  expect(
    delta(start, surveyed, 'relais_http_requests_total{method="POST",route="/api/agent/login",status="200"}'),
  ).toBe(1);
  expect(
    delta(
      start,
      surveyed,
      'relais_http_requests_total{method="POST",route="/v3/directline/conversations/:conversationId/activities",status="200"}',
    ),
  ).toBe(6);
});
