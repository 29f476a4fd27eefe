import { PASSWORDS, startHostileApp, SUPERVISOR_TOKEN, type HostileApp } from './hostile-app';
import { fuzzSession, stillServing } from '../../../bench/hostile/fuzz-session';
import { fuzzRoutes, routesOf } from '../../../bench/hostile/route-fuzzer';

// The deterministic share of `npm run bench:hostile` (which sends 5,000 and more): same generator, fixed seed.
const REQUESTS = 1_000;
const SEED = 20261202;

let running: HostileApp;
beforeAll(async () => {
  running = await startHostileApp();
});
afterAll(() => running?.close());

test(`${REQUESTS} random requests over every route (methods, paths, bodies, headers, oversized and malformed JSON): no 5xx, server alive`, async () => {
  const routes = routesOf(running.app.server);
  // Read from the router, not a list kept by hand: every route family is there.
  for (const path of [
    '/api/messages',
    '/v3/directline/conversations/:conversationId/upload',
    '/api/agent/events',
    '/metrics',
  ])
    expect(routes.map((r) => r.path)).toContain(path);
  const credentials = await fuzzSession(running.url, {
    supervisorToken: SUPERVISOR_TOKEN,
    agent: { id: 'alice', password: PASSWORDS.alice },
  });
  const result = await fuzzRoutes({
    url: running.url,
    routes,
    credentials,
    requests: REQUESTS,
    timeBudgetMs: 120_000,
    seed: SEED,
    concurrency: 4,
    // A hang detector, not a timing target: other work shares the machine.
    requestTimeoutMs: 30_000,
    tolerated: [],
  });
  expect(result.requests).toBe(REQUESTS);
  expect(result.examples5xx).toEqual([]);
  expect(result.status5xx).toBe(0);
  expect(result.examplesTimeout).toEqual([]);
  expect(result.timeouts).toBe(0);
  // Most requests reach a handler and are answered (an oversized body may be cut instead).
  expect(result.networkErrors).toBeLessThan(REQUESTS / 10);
  expect(Object.keys(result.byRoute).length).toBeGreaterThan(routes.length / 2);
  expect(running.errors.filter((e) => !/ECONNREFUSED|fetch failed|connect/i.test(e))).toEqual([]);
  expect(await stillServing(running.url)).toBe(true);
}, 180_000);
