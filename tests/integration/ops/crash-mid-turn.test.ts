import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { Agent, eventually, type EventStream } from '../agent/clients';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { DirectLineCustomer } from './direct-line-client';
import { RelaisProcess } from '../../support/relais-process';

/**
 * kill -9 between "message stored" and "turn done", at the exact point: the instance arms the
 * die-after-store hook and SIGKILLs itself once the posted message is in Redis.
 */
const started: RelaisProcess[] = [];
let stream: EventStream | undefined;

async function launch(env: Record<string, string>): Promise<RelaisProcess> {
  const relais = await RelaisProcess.start(env);
  started.push(relais);
  return relais;
}

async function sharedEnv(label: string): Promise<Record<string, string>> {
  return {
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: uniquePrefix(label).replace(/:$/, ''),
    TOKEN_SECRET: 'instances-share-this-secret-instances-share',
    AGENTS: await agentsJson(),
    // A dead instance's lease lapses after a second (15 s by default).
    TURN_LEASE_MS: '1000',
  };
}

/** Posts a message to the instance armed to die right after storing it: the request never gets an answer. */
async function sayAndDie(relais: RelaisProcess, customer: DirectLineCustomer, text: string, id: string) {
  await expect(customer.on(relais.url).say(text, id)).rejects.toThrow();
  const exit = await eventually(async () => relais.exited, 'the armed instance to die');
  expect(exit.signal).toBe('SIGKILL');
}

afterEach(async () => {
  stream?.close();
  stream = undefined;
  for (const relais of started.splice(0)) await relais.stop();
});

test('killed -9 after storing a message: the restarted instance answers it, once; the retried POST gets the same id', async () => {
  const env = await sharedEnv('crash-restart');
  const armed = await launch({ ...env, RELAIS_FAULT_HOOK: 'die-after-store' });
  const customer = (await DirectLineCustomer.start(armed.url))!;
  const welcome = await eventually(async () => {
    const replies = await customer.replies();
    return replies.length === 1 ? replies : undefined;
  }, 'the welcome');
  await sayAndDie(armed, customer, 'Comment réserver une prestation ?', 'c-1');

  const restarted = await launch(env);
  const onRestarted = customer.on(restarted.url);
  const stored = (await onRestarted.activities()).find((a) => a.channelData?.clientActivityID === 'c-1');
  expect(stored).toBeDefined();
  const answered = await eventually(
    async () => {
      const replies = await onRestarted.replies();
      return replies.length >= 3 ? replies : undefined;
    },
    'the answer to the stored message',
    10_000,
  );
  expect(answered.slice(0, 1)).toEqual(welcome);
  expect(answered.slice(1)).toEqual([
    expect.stringContaining('Réserver'),
    'Est-ce que cela répond à votre question ?',
  ]);

  // Web Chat's retry of the POST that never got an answer: the first id, no second answer.
  const retried = await onRestarted.say('Comment réserver une prestation ?', 'c-1');
  expect(retried.status).toBe(200);
  expect(JSON.parse(retried.text)).toEqual({ id: stored!.id });
  expect((await onRestarted.say('Oui', 'c-2')).status).toBe(200);
  const after = await onRestarted.replies();
  expect(after.slice(0, answered.length)).toEqual(answered);
  expect(after.filter((t) => t.includes('Réserver'))).toHaveLength(1);
}, 60_000);

test('two instances, an agent in the conversation: the message stored by the instance that died reaches the console through the other, once', async () => {
  const env = await sharedEnv('crash-agent');
  const [armed, survivor] = await Promise.all([
    launch({ ...env, RELAIS_FAULT_HOOK: 'die-after-store' }),
    launch(env),
  ]);
  const alice = await Agent.login(survivor.url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  const customer = (await DirectLineCustomer.start(survivor.url))!;
  expect((await customer.say('je veux parler à un conseiller', 'c-1')).status).toBe(200);
  expect((await alice.post('/claim-next')).json).toMatchObject({ id: customer.conversationId });
  stream = alice.events();
  await stream.ready;

  await sayAndDie(armed, customer, 'Vous êtes toujours là ?', 'c-2');

  const relayed = await stream.take('customer-message', 1);
  expect(relayed[0]?.data).toMatchObject({
    conversationId: customer.conversationId,
    line: { text: 'Vous êtes toujours là ?' },
  });
  // The page retries its POST on the survivor: accepted, and the agent does not get it twice.
  expect((await customer.say('Vous êtes toujours là ?', 'c-2')).status).toBe(200);
  expect((await customer.say('Allô ?', 'c-3')).status).toBe(200);
  const lines = await stream.take('customer-message', 2);
  expect(lines.map((e) => (e.data as { line: { text: string } }).line.text)).toEqual([
    'Vous êtes toujours là ?',
    'Allô ?',
  ]);
  // The bot stays silent while the agent owns the conversation (no answer from the recovered turn).
  const replies = await customer.replies();
  expect(replies.filter((t) => t.startsWith('Est-ce que cela répond'))).toHaveLength(0);
  expect(survivor.exited).toBeUndefined();
}, 60_000);
