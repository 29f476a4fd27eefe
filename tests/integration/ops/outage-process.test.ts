import { Redis } from 'ioredis';
import { RedisSurveyStore } from '../../../insights/index';
import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { Agent, type EventStream } from '../agent/clients';
import { DirectLineCustomer } from './direct-line-client';
import { startRedisServer, type RedisServer } from '../../support/redis-server';
import { RelaisProcess } from '../../support/relais-process';

/** Longer than the sweeper's 5 s period, so a sweep runs while Redis is down. */
const OUTAGE_MS = 6_500;
const PREFIX = 'outage';
const SURVEY = ['Comment annuler une réservation ?', 'Oui', '2', 'Merci, c’était clair'];

let redis: RedisServer;
let relais: RelaisProcess;
let stream: EventStream | undefined;

beforeAll(async () => {
  redis = await startRedisServer();
  relais = await RelaisProcess.start({
    REDIS_URL: redis.url,
    REDIS_PREFIX: PREFIX,
    AGENTS: await agentsJson(),
    NODE_ENV: 'production',
    REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
    // Customers come through the web chat; the Bot Framework endpoint stays anonymous on purpose.
    BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
    METRICS_TOKEN: 'metrics-token-for-process-tests',
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '0',
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

/** Says each message once the previous one was answered; throws on anything but 200. */
async function converse(
  customer: DirectLineCustomer,
  messages: readonly string[],
  tag: string,
): Promise<void> {
  for (const [i, text] of messages.entries()) {
    const before = (await customer.replies()).length;
    const answer = await customer.say(text, `${tag}-${i}`);
    if (answer.status !== 200) throw new Error(`${text}: ${answer.status} ${answer.text}`);
    for (let poll = 0; poll < 100 && (await customer.replies()).length === before; poll++) await sleep(20);
  }
}

test('Redis killed -9 for 6.5 s under load: 503 with Retry-After meanwhile, nothing unhandled, reconnects by itself, no acknowledged message or survey lost', async () => {
  const { url } = relais;
  const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  stream = alice.events();
  await stream.ready;

  // Surveys acknowledged before the crash (the customer read the question after each answer).
  const surveyed = await Promise.all(Array.from({ length: 4 }, () => DirectLineCustomer.start(url)));
  await Promise.all(surveyed.map((c, i) => converse(c!, SURVEY, `survey-${i}`)));

  // Customers keep posting through the outage; every 200 is an acknowledged message.
  const statuses = new Map<number, number>();
  const acked = new Map<DirectLineCustomer, string[]>();
  const unclear: string[] = [];
  let running = true;
  const load = Array.from({ length: 6 }, async (_, n) => {
    const customer = (await DirectLineCustomer.start(url))!;
    acked.set(customer, []);
    for (let i = 0; running; i++) {
      const id = `load-${n}-${i}`;
      const answer = await customer.say('Comment annuler une réservation ?', id);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 200) acked.get(customer)!.push(id);
      if (answer.status === 503 && answer.retryAfter !== '5') unclear.push(answer.text);
      await sleep(100);
    }
  });
  await sleep(1_000);
  await redis.kill();
  const heartbeats = new Set<number>();
  const deadline = Date.now() + OUTAGE_MS;
  while (Date.now() < deadline) {
    heartbeats.add((await alice.post('/heartbeat')).status);
    expect(await readyz(url)).toBe(503);
    await sleep(500);
  }
  await redis.restart();
  for (let i = 0; i < 100 && (await readyz(url)) !== 200; i++) await sleep(100);
  expect(await readyz(url)).toBe(200);
  await sleep(1_000);
  running = false;
  await Promise.all(load);

  expect([...statuses.keys()].sort()).toEqual([200, 503]);
  expect(unclear).toEqual([]);
  expect([...heartbeats].filter((s) => s !== 200 && s !== 503)).toEqual([]);
  // Every acknowledged message is in its conversation’s log, in order.
  for (const [customer, ids] of acked) {
    const logged = (await customer.activities()).flatMap((a) => a.channelData?.clientActivityID ?? []);
    // A message stored just before its turn failed was answered 503, not acknowledged: it may be there.
    const acknowledged = new Set(ids);
    expect(logged.filter((id) => acknowledged.has(id))).toEqual(ids);
  }
  // Every acknowledged survey is in Redis with its CES.
  const direct = new Redis(redis.url);
  try {
    const surveys = new RedisSurveyStore({ redis: direct, keyPrefix: `${PREFIX}:insights` });
    for (const customer of surveyed) expect((await surveys.get(customer!.conversationId))?.ces).toBe(2);
  } finally {
    direct.disconnect();
  }
  // Pub/sub came back too: a new escalation reaches the agent's event stream.
  const later = (await DirectLineCustomer.start(url))!;
  expect((await later.say('je veux parler à un conseiller', 'later-1')).status).toBe(200);
  const queued = await stream.take('queued', 1);
  expect(queued[0]?.data).toMatchObject({ conversationId: later.conversationId });

  expect(relais.exited).toBeUndefined();
  expect(relais.stderr.join('')).not.toMatch(
    /Unhandled|unhandledRejection|uncaughtException|MaxRetriesPerRequestError/,
  );
}, 60_000);
