import { Redis } from 'ioredis';
import { RedisDirectLineStore } from '../../../bot/directline/redis-store';
import { RedisStorage } from '../../../bot/storage/redis-storage';
import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { postJson, startApp, type RunningApp } from './app';

/** Two Relais instances behind a (pretend) load balancer, sharing one Redis. */
let a: RunningApp;
let b: RunningApp;
const connections: Redis[] = [];

beforeAll(async () => {
  const faq = buildTestFaq();
  const prefix = uniquePrefix('scale');
  const stores = () => {
    const redis = new Redis(testRedisUrl());
    connections.push(redis);
    return {
      storage: new RedisStorage(redis, { prefix }),
      directLineStore: new RedisDirectLineStore(redis, { prefix }),
    };
  };
  a = await startApp(faq, {}, undefined, stores());
  b = await startApp(faq, {}, undefined, stores());
});

afterAll(async () => {
  await Promise.all([a?.app.close(), b?.app.close()]);
  await Promise.all(connections.map((c) => c.quit()));
});

test('a conversation started on one instance continues on the other, state included', async () => {
  const { token } = (await postJson(`${a.url}/api/directline/token`, {})).json as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  const started = await postJson(`${a.url}/v3/directline/conversations`, {}, auth);
  const { conversationId, token: conversationToken } = started.json as {
    conversationId: string;
    token: string;
  };
  const bearer = { authorization: `Bearer ${conversationToken}` };
  const post = (url: string, text: string, clientActivityID: string) =>
    postJson(
      `${url}/v3/directline/conversations/${conversationId}/activities`,
      { type: 'message', text, channelData: { clientActivityID } },
      bearer,
    );

  expect((await post(b.url, 'comment payer', 'c-1')).status).toBe(200);
  // The retry reaches the other instance: still one message.
  expect((await post(a.url, 'comment payer', 'c-1')).json).toEqual({ id: `${conversationId}|0000001` });
  // "Non" on instance A answers the check instance B asked: the conversation state is shared.
  expect((await post(a.url, 'Non', 'c-2')).status).toBe(200);

  const res = await fetch(`${b.url}/v3/directline/conversations/${conversationId}/activities?watermark=`, {
    headers: bearer,
  });
  const page = (await res.json()) as { activities: { text?: string; name?: string }[]; watermark: string };
  expect(page.activities.map((x) => x.text ?? x.name)).toEqual([
    expect.stringContaining('un robot, pas une personne'),
    'comment payer',
    'Carte bancaire, virement et CESU.',
    'Est-ce que cela répond à votre question ?',
    'Non',
    expect.stringContaining('Je transmets votre demande'),
    'handoff.initiate',
  ]);
  expect(a.handoff.requests.map((r) => r.reason)).toEqual(['answer-refused']);
});
