import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { Redis } from 'ioredis';
import { RedisDirectLineStore } from '../../../bot/directline/redis-store';
import { InMemoryDirectLineStore, type DirectLineStore } from '../../../bot/directline/store';
import { INTERNAL_ERROR_BODY } from '../../../bot/http/server-errors';
import { storeUnavailable, UNAVAILABLE_BODY } from '../../../bot/http/unavailable';
import { freePort, onFreePorts } from '../../support/free-port';
import { uniquePrefix } from '../../support/prefix';
import { serverArgs, startRedisProcess, type RedisProcess } from '../../support/redis-process';
import { buildTestFaq } from '../../support/test-faq';
import { postJson, startApp, type RunningApp } from './app';

// A cluster node that serves no slot answers every key command with CLUSTERDOWN, as a cluster does
// while a failover or a slot migration settles: the real reply a Direct Line read met in CI, which
// restify turned into a 500 carrying the Redis message.
let clusterDir: string;
let slotless: RedisProcess;
let slotlessClient: Redis;
let running: RunningApp;
let broken: DirectLineStore | undefined;

/** The app's Direct Line store: in memory, or `broken` while a test sets it. */
const switchable = (memory: DirectLineStore): DirectLineStore =>
  new Proxy(memory, {
    get(target, name) {
      const source = (broken ?? target) as unknown as Record<PropertyKey, unknown>;
      const value = source[name];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(source) : value;
    },
  });

beforeAll(async () => {
  clusterDir = mkdtempSync(join(tmpdir(), 'relais-slotless-'));
  slotless = await onFreePorts(async () => {
    const port = await freePort();
    return startRedisProcess(port, [
      ...serverArgs(port, clusterDir, false),
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(clusterDir, 'nodes.conf'),
    ]);
  });
  slotlessClient = new Redis(slotless.port, { maxRetriesPerRequest: 1 });
  running = await startApp(buildTestFaq(), {}, undefined, {
    storage: new MemoryStorage(),
    directLineStore: switchable(new InMemoryDirectLineStore()),
  });
});
afterEach(() => {
  broken = undefined;
});
afterAll(async () => {
  await running?.app.close();
  slotlessClient?.disconnect();
  await slotless?.stop();
  rmSync(clusterDir, { recursive: true, force: true });
});

async function conversation(): Promise<{ id: string; token: string }> {
  const { token } = (await postJson(`${running.url}/api/directline/token`, {})).json as { token: string };
  const started = await postJson(
    `${running.url}/v3/directline/conversations`,
    {},
    { authorization: `Bearer ${token}` },
  );
  expect(started.status).toBe(201);
  const { conversationId, token: conversationToken } = started.json as {
    conversationId: string;
    token: string;
  };
  return { id: conversationId, token: conversationToken };
}

const poll = (c: { id: string; token: string }) =>
  fetch(`${running.url}/v3/directline/conversations/${c.id}/activities?watermark=`, {
    headers: { authorization: `Bearer ${c.token}` },
  });

test('a Direct Line poll while the Redis cluster is down answers 503 + Retry-After, not a 500 with the Redis reply', async () => {
  const c = await conversation();
  broken = new RedisDirectLineStore(slotlessClient, { prefix: uniquePrefix('slotless'), ttlSeconds: 60 });
  const res = await poll(c);
  const body = await res.text();
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
  expect(JSON.parse(body)).toEqual(UNAVAILABLE_BODY);
  expect(body).not.toMatch(/CLUSTERDOWN|slot/i);
  broken = undefined;
  expect((await poll(c)).status).toBe(200);
});

test('an unexpected error answers a 500 whose body says nothing of the error', async () => {
  const c = await conversation();
  const secret = new Error("ENOENT: no such file or directory, open '/srv/relais/private/tokens.json'");
  broken = new Proxy(new InMemoryDirectLineStore(), {
    get: () => () => Promise.reject(secret),
  });
  const res = await poll(c);
  const body = await res.text();
  expect(res.status).toBe(500);
  expect(JSON.parse(body)).toEqual(INTERNAL_ERROR_BODY);
  expect(body).not.toContain('/srv/relais');
});

test('an unexpected error that carries its own 5xx status keeps it, with the same fixed body', async () => {
  const c = await conversation();
  const upstream = Object.assign(new Error('connector https://internal.example/v3 answered 502'), {
    statusCode: 502,
  });
  broken = new Proxy(new InMemoryDirectLineStore(), { get: () => () => Promise.reject(upstream) });
  const res = await poll(c);
  const body = await res.text();
  expect(res.status).toBe(502);
  expect(JSON.parse(body)).toEqual(INTERNAL_ERROR_BODY);
  expect(body).not.toContain('internal.example');
});

test('errors about the request itself keep their 4xx and message', async () => {
  const res = await fetch(`${running.url}/api/directline/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"user":',
  });
  expect(res.status).toBe(400);
  expect(await res.text()).not.toContain(INTERNAL_ERROR_BODY.error.message);
});

describe('which failures mean "the store cannot answer now"', () => {
  test('the real reply of a cluster node that serves no slot', async () => {
    const clusterDown = await slotlessClient.get('any-key').catch((e: unknown) => e);
    expect(String(clusterDown)).toMatch(/^ReplyError: CLUSTERDOWN/);
    expect(storeUnavailable(clusterDown)).toBe(true);
  });

  test('the wording ioredis gives up with after following a moving cluster', () => {
    // ioredis' own messages (cluster/index.js): a test cluster that produced them kept timers alive past the run.
    expect(storeUnavailable(new Error('None of startup nodes is available'))).toBe(true);
    expect(
      storeUnavailable(
        Object.assign(new Error('Failed to refresh slots cache.'), { name: 'ClusterAllFailedError' }),
      ),
    ).toBe(true);
    const cause = new Error('CLUSTERDOWN The cluster is down');
    expect(storeUnavailable(new Error(`Too many Cluster redirections. Last error: ${String(cause)}`))).toBe(
      true,
    );
    expect(
      storeUnavailable(
        Object.assign(new Error('TRYAGAIN Multiple keys request during rehashing of slot'), {
          name: 'ReplyError',
        }),
      ),
    ).toBe(true);
  });

  test('a bug is not an outage', () => {
    expect(storeUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(storeUnavailable(new Error('ERR wrong number of arguments for command'))).toBe(false);
    expect(storeUnavailable(new Error('the cluster is down, said a user'))).toBe(false);
  });
});
