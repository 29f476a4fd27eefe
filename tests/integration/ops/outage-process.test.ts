import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { Agent, type EventStream } from '../agent/clients';
import { DirectLineCustomer } from './direct-line-client';
import { RedisProcess } from './redis-process';
import { RelaisProcess } from './relais-process';

/** Longer than the sweeper's 5 s period, so a sweep runs while Redis is down. */
const OUTAGE_MS = 6_500;

let redis: RedisProcess;
let relais: RelaisProcess;
let stream: EventStream | undefined;

beforeAll(async () => {
  redis = await RedisProcess.start();
  relais = await RelaisProcess.start({
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'outage',
    AGENTS: await agentsJson(),
    NODE_ENV: 'production',
    RATE_LIMIT_IP_PER_MINUTE: '0',
  });
});

afterAll(async () => {
  stream?.close();
  await relais?.stop();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readyz(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

test('Redis killed for 6.5 s under traffic: the process answers 503 meanwhile, emits nothing unhandled, and serves again once Redis is back', async () => {
  const { url } = relais;
  const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  stream = alice.events();
  await stream.ready;
  const waiting = (await DirectLineCustomer.start(url))!;
  expect((await waiting.say('je veux parler à un conseiller', 'w-1')).status).toBe(200);
  const customer = (await DirectLineCustomer.start(url))!;
  expect((await customer.say('Comment annuler une réservation ?', 'c-1')).status).toBe(200);

  await redis.kill();
  const statuses = new Set<number>();
  const bodies = new Set<string>();
  const until = Date.now() + OUTAGE_MS;
  for (let i = 0; Date.now() < until; i++) {
    const answer = await customer.say('Oui', `c-outage-${i}`);
    statuses.add(answer.status);
    bodies.add(answer.text);
    if (answer.status === 503) expect(answer.retryAfter).toBe('5');
    statuses.add((await alice.post('/heartbeat')).status);
    statuses.add(await readyz(url));
    await sleep(250);
  }
  expect([...statuses].filter((s) => s >= 500 && s !== 503)).toEqual([]);
  expect(statuses).toContain(503);
  expect([...bodies]).toContainEqual(expect.stringContaining('"code":"ServiceUnavailable"'));
  expect(relais.exited).toBeUndefined();

  await redis.launch();
  for (let i = 0; i < 100 && (await readyz(url)) !== 200; i++) await sleep(100);
  expect(await readyz(url)).toBe(200);
  const after = (await DirectLineCustomer.start(url))!;
  expect((await after.say('Comment annuler une réservation ?', 'a-1')).status).toBe(200);
  expect((await after.replies()).length).toBeGreaterThanOrEqual(2);
  expect((await alice.post('/heartbeat')).status).toBe(200);

  expect(relais.exited).toBeUndefined();
  const stderr = relais.stderr.join('');
  expect(stderr).not.toMatch(/Unhandled|unhandledRejection|uncaughtException|MaxRetriesPerRequestError/);
}, 60_000);
