import { Redis } from 'ioredis';
import { loadConfig } from '../../../bot/config';
import { compose, type Composition } from '../../../bot/root/compose';
import { silentLog } from '../../../bot/log';
import { createServer, type RelaisServer } from '../../../bot/server';
import { uniquePrefix } from '../../support/prefix';
import { startRedisServer, type RedisServer } from '../../support/redis-server';

/** The production dependencies (bot/root/compose.ts) on a redis-server of this suite's own, so it can stop it. */
let redis: RedisServer;
let deps: Composition;
let app: RelaisServer;
let url: string;

beforeAll(async () => {
  redis = await startRedisServer();
  const config = loadConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: uniquePrefix('health'),
    MATCHER_ENCODER: 'off',
  });
  deps = await compose(config, { log: silentLog });
  app = createServer(config, deps);
  url = await app.listen(0);
});

afterAll(async () => {
  await app?.close();
  await deps?.dispose();
  await redis?.stop();
});

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, body: await res.json() };
}

/** Asks until /readyz gives the wanted status (Redis reconnects in the background); the last answer. */
async function readyzUntil(status: number, attempts = 50): Promise<{ status: number; body: unknown }> {
  let last = await get('/readyz');
  for (let i = 1; i < attempts && last.status !== status; i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await get('/readyz');
  }
  return last;
}

test('/healthz says the process is up', async () => {
  expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
});

test('/readyz is 200 with the KB loaded and Redis answering PING', async () => {
  expect(await get('/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
});

test('/readyz answers 503 naming Redis while it is down, /healthz stays 200, and both recover', async () => {
  // A connection that never reconnects, so SHUTDOWN is sent once and nothing waits on it afterwards.
  const admin = new Redis(redis.url, { lazyConnect: true, retryStrategy: () => null });
  await admin.connect();
  await admin.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
  admin.disconnect();

  const down = await readyzUntil(503);
  expect(down.status).toBe(503);
  expect(down.body).toEqual({
    status: 'not-ready',
    error: { code: 'NotReady', message: expect.stringMatching(/redis|no answer/i) },
  });
  expect((await get('/healthz')).status).toBe(200);

  await redis.crashAndRestart();
  expect(await readyzUntil(200)).toEqual({ status: 200, body: { status: 'ready' } });
});
