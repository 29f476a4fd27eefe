import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { Agent, EventStream } from '../agent/clients';
import { postJson } from '../bot/app';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { DirectLineCustomer } from './direct-line-client';
import { RelaisProcess } from '../../support/relais-process';

let a: RelaisProcess;
let b: RelaisProcess;
let stream: EventStream | undefined;

beforeAll(async () => {
  // Two instances behind an imaginary load balancer: one Redis, one prefix, one token secret.
  const env = {
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: uniquePrefix('killed').replace(/:$/, ''),
    TOKEN_SECRET: 'instances-share-this-secret-instances-share',
    AGENTS: await agentsJson(),
    NODE_ENV: 'production',
    REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
    // Customers come through the web chat; the Bot Framework endpoint stays anonymous on purpose.
    BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
    METRICS_TOKEN: 'metrics-token-for-process-tests',
  };
  [a, b] = await Promise.all([RelaisProcess.start(env), RelaisProcess.start(env)]);
});

afterAll(async () => {
  stream?.close();
  await a?.kill();
  await b?.stop();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function messagesAfter(customer: DirectLineCustomer, count: number, seen: number): Promise<string[]> {
  let texts: string[] = [];
  for (let i = 0; i < 100; i++) {
    texts = (await customer.activities()).filter((x) => x.type === 'message').flatMap((x) => x.text ?? []);
    if (texts.length >= seen + count) break;
    await sleep(20);
  }
  return texts.slice(seen);
}

test('instance A is killed -9 mid-handoff: through B the agent keeps the conversation and messages flow both ways', async () => {
  // Everything up to the kill goes through A.
  const alice = await Agent.login(a.url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  const customer = (await DirectLineCustomer.start(a.url))!;
  expect((await customer.say('je veux parler à un conseiller', 'c-1')).status).toBe(200);
  expect((await alice.post('/claim-next')).json).toMatchObject({ id: customer.conversationId });
  expect(
    (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Bonjour, ici Alice.' }))
      .status,
  ).toBe(200);
  expect((await customer.say('Bonjour Alice', 'c-2')).status).toBe(200);

  await a.kill();
  expect(a.exited?.signal).toBe('SIGKILL');

  // The console and the page reconnect to B with the tokens they hold.
  const aliceOnB = new AgentSession(b.url, alice.token);
  stream = new EventStream(`${b.url}/api/agent/events`, alice.token);
  await stream.ready;
  const onB = customer.on(b.url);
  const seen = (await onB.activities()).filter((x) => x.type === 'message').length;

  const conversation = (await aliceOnB.get(`/conversations/${customer.conversationId}`)).json;
  expect(conversation).toMatchObject({ conversation: { state: 'with-agent', agentId: 'alice' } });

  expect((await onB.say('Toujours là ?', 'c-3')).status).toBe(200);
  const relayed = await stream.take('customer-message', 1);
  expect(relayed[0]?.data).toMatchObject({
    conversationId: customer.conversationId,
    line: { text: 'Toujours là ?' },
  });
  expect(
    (await aliceOnB.post(`/conversations/${customer.conversationId}/messages`, { text: 'Oui, je suis là.' }))
      .status,
  ).toBe(200);
  // The bot stays silent: only the customer's message and the agent's answer follow.
  expect(await messagesAfter(onB, 2, seen)).toEqual(['Toujours là ?', 'Oui, je suis là.']);
  expect(
    (await aliceOnB.post(`/conversations/${customer.conversationId}/resolve`, { reason: 'réglé' })).status,
  ).toBe(200);
  expect(b.exited).toBeUndefined();
}, 60_000);

/** The agent's session (a signed token) used against another instance, as the console would after a reconnect. */
class AgentSession {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async post(path: string, body: unknown = {}): Promise<{ status: number; json: unknown }> {
    return postJson(`${this.url}/api/agent${path}`, body, { authorization: `Bearer ${this.token}` });
  }

  async get(path: string): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${this.url}/api/agent${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    return { status: res.status, json: (await res.json()) as unknown };
  }
}
