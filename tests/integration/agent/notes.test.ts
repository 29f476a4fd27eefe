import { Redis } from 'ioredis';
import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { deploymentKeys } from '../../support/redis-contents';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, type EventStream } from './clients';

/**
 * Internal notes over real sockets on two instances sharing one Redis: the customer and Alice on
 * A, Bruno on B. Notes reach agents (console, history, mention events across instances) and
 * nothing the customer can read.
 */
let a: AgentApp;
let b: AgentApp;
let redis: Redis;
let prefix: string;
const streams: EventStream[] = [];

beforeAll(async () => {
  const faq = buildTestFaq();
  const agents = await agentsJson();
  prefix = uniquePrefix('notes').replace(/:$/, '');
  a = await startAgentApp(faq, agents, { redisUrl: testRedisUrl(), prefix });
  b = await startAgentApp(faq, agents, { redisUrl: testRedisUrl(), prefix });
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.all([a?.close(), b?.close()]);
  await redis?.quit();
});

async function listen(agent: Agent): Promise<EventStream> {
  const stream = agent.events();
  streams.push(stream);
  await stream.ready;
  return stream;
}

type Line = { from: string; text: string; agentId?: string; mentions?: string[] };

/** Every Redis key under the deployment's prefix whose value holds the text. */
async function keysHolding(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const key of await deploymentKeys(redis, prefix)) {
    const type = await redis.type(key);
    const values =
      type === 'string'
        ? [(await redis.get(key)) ?? '']
        : type === 'list'
          ? await redis.lrange(key, 0, -1)
          : type === 'hash'
            ? Object.values(await redis.hgetall(key))
            : type === 'set'
              ? await redis.smembers(key)
              : type === 'zset'
                ? await redis.zrange(key, '0', '-1')
                : [];
    if (values.some((v) => v.includes(text))) found.push(key);
  }
  return found.sort();
}

test('notes: auth and validation, seen by agents on both instances and in the history, @mention events, never the customer', async () => {
  const alice = await Agent.login(a.url, 'alice', PASSWORDS.alice);
  const bruno = await Agent.login(b.url, 'bruno', PASSWORDS.bruno);
  const emma = await Agent.login(b.url, 'emma', PASSWORDS.emma);
  for (const agent of [alice, bruno, emma]) await agent.post('/presence', { presence: 'online' });
  const brunoEvents = await listen(bruno);
  const aliceEvents = await listen(alice);

  const customer = await Customer.start(a.url);
  await customer.say(a.url, 'je veux parler à un conseiller');
  const id = customer.conversationId;

  // Who may write: a session, on a conversation they may read, with a text.
  const anonymous = await fetch(`${a.url}/api/agent/conversations/${id}/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'x' }),
  });
  expect(anonymous.status).toBe(401);
  expect(await alice.post(`/conversations/${id}/notes`, { text: '   ' })).toMatchObject({
    status: 400,
    json: { error: { message: expect.stringMatching(/^text/) } },
  });
  expect((await alice.post(`/conversations/${id}/notes`, { text: 'x'.repeat(2001) })).status).toBe(400);
  expect((await alice.post(`/conversations/${id}/notes`, { text: 'ok', extra: 1 })).status).toBe(400);
  expect((await alice.post('/conversations/nobody-here/notes', { text: 'ok' })).status).toBe(404);
  // Emma speaks English only: this French conversation is not hers to read, nor to annotate.
  expect(await emma.post(`/conversations/${id}/notes`, { text: 'je note' })).toMatchObject({
    status: 403,
    json: { error: { code: 'Forbidden' } },
  });

  // While it waits, anyone of its queue may note; Bruno reads it on the other instance.
  const queuedNote = 'Note interne : client déjà relancé deux fois';
  expect((await bruno.post(`/conversations/${id}/notes`, { text: queuedNote })).status).toBe(200);
  expect((await alice.post(`/conversations/${id}/claim`)).status).toBe(200);
  const secret = 'Note interne : remboursement validé, @Bruno peux-tu vérifier ? cc @alice @zoe';
  const added = await alice.post(`/conversations/${id}/notes`, { text: secret });
  expect(added).toMatchObject({
    status: 200,
    json: { from: 'note', text: secret, agentId: 'alice', mentions: ['alice', 'bruno'] },
  });
  const seq = (added.json as { seq: number }).seq;

  // Bruno's console (instance B) is told; Alice's own self-mention notifies nobody.
  expect((await brunoEvents.take('mention', 1))[0]?.data).toEqual({
    type: 'mention',
    conversationId: id,
    agentId: 'bruno',
    fromAgentId: 'alice',
    fromName: 'Alice',
    seq,
    excerpt: secret,
  });

  await customer.say(a.url, 'vous êtes là ?');
  await aliceEvents.take('customer-message', 1);
  expect((await alice.post(`/conversations/${id}/messages`, { text: 'Oui, je regarde.' })).status).toBe(200);

  // The console transcript shows both notes as notes.
  const transcript = (await alice.get(`/conversations/${id}`)).json as { lines: Line[] };
  expect(transcript.lines.filter((l) => l.from === 'note')).toEqual([
    expect.objectContaining({ text: queuedNote, agentId: 'bruno' }),
    expect.objectContaining({ text: secret, agentId: 'alice', mentions: ['alice', 'bruno'] }),
  ]);

  // Transfer with a note: the colleague on B gets the conversation, its history and the note.
  const handover = 'Note de transfert : le client attend un avoir';
  expect(
    await alice.post(`/conversations/${id}/transfer`, {
      target: { kind: 'agent', agentId: 'bruno' },
      note: 'x'.repeat(2001),
    }),
  ).toMatchObject({ status: 400, json: { error: { message: expect.stringMatching(/^note/) } } });
  // A refused transfer leaves no note behind.
  expect(
    (
      await alice.post(`/conversations/${id}/transfer`, {
        target: { kind: 'agent', agentId: 'emma' },
        note: 'jamais écrite',
      })
    ).status,
  ).toBe(409);
  expect(
    await alice.post(`/conversations/${id}/transfer`, {
      target: { kind: 'agent', agentId: 'bruno' },
      note: handover,
    }),
  ).toMatchObject({ status: 200, json: { agentId: 'bruno' } });
  await brunoEvents.take('transferred', 1);
  const onB = (await bruno.get(`/conversations/${id}`)).json as {
    lines: Line[];
    botTranscript: { text: string }[];
  };
  expect(onB.lines.map((l) => [l.from, l.text])).toEqual([
    ['note', queuedNote],
    ['note', secret],
    ['customer', 'vous êtes là ?'],
    ['agent', 'Oui, je regarde.'],
    ['system', 'transferred by alice to bruno'],
    ['note', handover],
  ]);
  expect(onB.botTranscript.map((l) => l.text)).toContain('je veux parler à un conseiller');
  // Alice no longer holds it: the same read rule as the transcript.
  expect((await alice.post(`/conversations/${id}/notes`, { text: 'encore' })).status).toBe(403);

  // The customer is told who took over, and never sees a note: every activity of the Direct Line log.
  const activities = await customer.activities(a.url);
  const said = activities.flatMap((x) => (x.text ? [x.text] : []));
  expect(said).toContain('Bruno du service Client a pris le relais.');
  const everything = JSON.stringify(activities);
  for (const text of [queuedNote, secret, handover, 'Note interne', 'Note de transfert', 'jamais écrite'])
    expect(everything).not.toContain(text);

  // The history (agents only) holds the notes as notes, and finds the conversation by a note's words.
  const history = (await bruno.get(`/history/${id}`)).json as {
    lines: { kind: string; text?: string; agentId?: string }[];
  };
  expect(history.lines.filter((l) => l.kind === 'note').map((l) => [l.agentId, l.text])).toEqual([
    ['bruno', queuedNote],
    ['alice', secret],
    ['alice', handover],
  ]);
  const found = (await bruno.get('/history?q=avoir')).json as { items: { conversationId: string }[] };
  expect(found.items.map((i) => i.conversationId)).toContain(id);

  // In Redis the note text lives in the agent-side log and the history only: not in the bot's
  // state (ConversationData), not in the Direct Line log, not in any customer-facing record.
  const holders = await keysHolding('remboursement validé');
  expect(holders.length).toBeGreaterThan(0);
  for (const key of holders)
    expect(key).toMatch(new RegExp(`^\\{${prefix}:c:[^}]+\\}:(agent:log|history:lines)$`));
});
