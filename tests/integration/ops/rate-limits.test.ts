import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../../bot/config';
import { compose, type Composition } from '../../../bot/root/compose';
import { silentLog } from '../../../bot/log';
import { createServer, type RelaisServer } from '../../../bot/server';
import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { uniquePrefix, testRedisUrl } from '../../support/prefix';
import { FakeConnector } from '../bot/fake-connector';

const KB = 'knowledge-base/demo/fr.yaml';

/** Limits small enough to reach in a test: bursts of 3 (per conversation, login) and 5 (per IP). */
const LIMITS = {
  RATE_LIMIT_IP_PER_MINUTE: '30',
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '6',
  RATE_LIMIT_LOGIN_PER_MINUTE: '6',
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '6',
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '6',
  SUPERVISOR_TOKEN: 'supervisor-token-rate-limit-tests',
  // Each test speaks from its own made-up address.
  RATE_LIMIT_TRUST_FORWARDED_FOR: 'true',
};

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly json: { error?: { code?: string; message?: string } } | undefined;
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    json: text ? (JSON.parse(text) as Answer['json']) : undefined,
  };
}

let addresses = 0;
const nextAddress = () => `192.0.2.${++addresses}`;

class Instance {
  private constructor(
    readonly url: string,
    private readonly app: RelaisServer,
    private readonly deps: Composition,
  ) {}

  static async start(env: Record<string, string>): Promise<Instance> {
    const config = loadConfig({ KB_FILES: KB, AGENTS: await agentsJson(), MATCHER_ENCODER: 'off', ...env });
    const deps = await compose(config, { log: silentLog });
    const app = createServer(config, deps);
    return new Instance(await app.listen(0), app, deps);
  }

  /** A Direct Line conversation (started from `ip`, a new address by default): its id and token. */
  async conversation(ip = nextAddress()): Promise<{ id: string; token: string }> {
    const { token } = (await post(`${this.url}/api/directline/token`, {}, {})).json as unknown as {
      token: string;
    };
    const started = (
      await post(
        `${this.url}/v3/directline/conversations`,
        {},
        { authorization: `Bearer ${token}`, 'x-forwarded-for': ip },
      )
    ).json as unknown as { conversationId: string; token: string };
    return { id: started.conversationId, token: started.token };
  }

  say(conversation: { id: string; token: string }, ip: string): Promise<Answer> {
    return post(
      `${this.url}/v3/directline/conversations/${conversation.id}/activities`,
      { type: 'message', text: 'bonjour', from: { id: 'c', role: 'user' } },
      { authorization: `Bearer ${conversation.token}`, 'x-forwarded-for': `203.0.113.250, ${ip}` },
    );
  }

  async start(ip: string): Promise<Answer> {
    const { token } = (await post(`${this.url}/api/directline/token`, {}, {})).json as unknown as {
      token: string;
    };
    return post(
      `${this.url}/v3/directline/conversations`,
      {},
      { authorization: `Bearer ${token}`, 'x-forwarded-for': ip },
    );
  }

  async report(token: string, ip: string): Promise<number> {
    const res = await fetch(`${this.url}/api/reports/summary`, {
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip },
    });
    await res.text();
    return res.status;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.deps.dispose();
  }
}

function expectLimited(answer: Answer, message: RegExp): void {
  expect(answer.status).toBe(429);
  expect(answer.json?.error?.code).toBe('TooManyRequests');
  expect(answer.json?.error?.message).toMatch(message);
  const seconds = Number(answer.retryAfter);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(10);
}

describe.each([
  ['memory', () => ({})],
  ['redis', () => ({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: uniquePrefix('ratelimit') })],
])('rate limits (%s store)', (_store, storeEnv) => {
  let instance: Instance;
  const connector = new FakeConnector();
  beforeAll(async () => {
    await connector.start();
    instance = await Instance.start({ ...storeEnv(), ...LIMITS });
  });
  afterAll(async () => {
    await instance?.close();
    await connector.stop();
  });

  test('Direct Line posts: a burst of 3 per conversation, then 429 with Retry-After; other conversations go on until the address has used its 5', async () => {
    const ip = '198.51.100.1';
    const first = await instance.conversation();
    for (let i = 0; i < 3; i++) expect((await instance.say(first, ip)).status).toBe(200);
    expectLimited(
      await instance.say(first, ip),
      /too many messages in this conversation: try again in \d+ s/,
    );
    const second = await instance.conversation();
    expect((await instance.say(second, ip)).status).toBe(200);
    expectLimited(await instance.say(second, ip), /too many requests from this address/);
    // Another address is not held back by this one.
    expect((await instance.say(await instance.conversation(), '198.51.100.2')).status).toBe(200);
  });

  test('/api/messages: a burst of 3 per conversation, then 429', async () => {
    const conversationId = `bf-${randomUUID()}`;
    const activity = {
      type: 'message',
      id: 'a1',
      text: 'bonjour',
      channelId: 'emulator',
      serviceUrl: connector.url,
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      conversation: { id: conversationId },
    };
    const headers = { 'x-forwarded-for': '198.51.100.3' };
    for (let i = 0; i < 3; i++)
      expect((await post(`${instance.url}/api/messages`, activity, headers)).status).toBeLessThan(300);
    expectLimited(await post(`${instance.url}/api/messages`, activity, headers), /conversation/);
  });

  test('/api/messages naming a web chat conversation drains its own bucket, never the web chat’s', async () => {
    const victim = await instance.conversation();
    const forged = {
      type: 'message',
      id: 'a1',
      text: 'bonjour',
      channelId: 'webchat',
      serviceUrl: connector.url,
      from: { id: 'eve' },
      recipient: { id: 'bot' },
      conversation: { id: victim.id },
    };
    for (let i = 0; i < 3; i++)
      expect(
        (await post(`${instance.url}/api/messages`, forged, { 'x-forwarded-for': `198.51.100.${20 + i}` }))
          .status,
      ).toBeLessThan(300);
    expectLimited(
      await post(`${instance.url}/api/messages`, forged, { 'x-forwarded-for': '198.51.100.23' }),
      /conversation/,
    );
    expect((await instance.say(victim, '198.51.100.24')).status).toBe(200);
  });

  test('Direct Line conversation starts: a burst of 3 per address, then 429 with Retry-After; another address may start', async () => {
    for (let i = 0; i < 3; i++) expect((await instance.start('198.51.100.20')).status).toBe(201);
    expectLimited(await instance.start('198.51.100.20'), /too many new conversations from this address/);
    expect((await instance.start('198.51.100.21')).status).toBe(201);
  });

  test('supervisor token: 6 refused tokens per address and minute, then 429 even for the right one; right tokens do not count', async () => {
    const right = LIMITS.SUPERVISOR_TOKEN;
    for (let i = 0; i < 10; i++) expect(await instance.report(right, '198.51.100.30')).toBe(200);
    for (let i = 0; i < 6; i++) expect(await instance.report(`guess-${i}-guess`, '198.51.100.31')).toBe(401);
    const limited = await fetch(`${instance.url}/api/reports/summary`, {
      headers: { authorization: `Bearer ${right}`, 'x-forwarded-for': '198.51.100.31' },
    });
    expectLimited(
      {
        status: limited.status,
        retryAfter: limited.headers.get('retry-after'),
        json: (await limited.json()) as Answer['json'],
      },
      /too many refused supervisor tokens from this address/,
    );
    expect(await instance.report(right, '198.51.100.32')).toBe(200);
  });

  test('agent login: 3 attempts per address, then 429 even with the right password; another address may log in', async () => {
    const login = (password: string, ip: string) =>
      post(`${instance.url}/api/agent/login`, { agentId: 'alice', password }, { 'x-forwarded-for': ip });
    for (let i = 0; i < 3; i++) expect((await login(`guess-${i}-guess`, '198.51.100.4')).status).toBe(401);
    expectLimited(await login(PASSWORDS.alice, '198.51.100.4'), /too many login attempts from this address/);
    expect((await login(PASSWORDS.alice, '198.51.100.5')).status).toBe(200);
  });
});

test('with Redis, two instances share the buckets of a conversation', async () => {
  const env = {
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: uniquePrefix('ratelimit-shared'),
    TOKEN_SECRET: 'shared-secret-shared-secret-shared-secret',
    ...LIMITS,
  };
  const [one, two] = [await Instance.start(env), await Instance.start(env)];
  try {
    const conversation = await one.conversation();
    expect((await one.say(conversation, '198.51.100.6')).status).toBe(200);
    expect((await two.say(conversation, '198.51.100.7')).status).toBe(200);
    expect((await one.say(conversation, '198.51.100.8')).status).toBe(200);
    expectLimited(await two.say(conversation, '198.51.100.9'), /conversation/);
  } finally {
    await one.close();
    await two.close();
  }
});

test('0 turns a limit off: 12 posts in one conversation from one address all pass', async () => {
  const instance = await Instance.start({
    RATE_LIMIT_IP_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '0',
  });
  try {
    const conversation = await instance.conversation();
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await instance.say(conversation, '198.51.100.10')).status);
    expect(statuses).toEqual(Array(12).fill(200));
  } finally {
    await instance.close();
  }
});
