import { randomUUID } from 'node:crypto';
import type { OutboundCredentials } from '../../../bot/adapter';
import { loadConfig } from '../../../bot/config';
import { FakeConnector } from '../bot/fake-connector';
import { startHostileApp, type HostileApp } from './hostile-app';
import { CHANNEL_ISSUER, LocalOpenIdProvider, newSigningKey, signJwt } from './openid-issuer';

const APP_ID = '4f6c1f1e-5a0b-4c3e-9d1e-0123456789ab';
const CHANNEL = 'msteams';
const OUTBOUND = 'Bearer local-outbound-token';

const published = newSigningKey('relais-test-key');
const stranger = newSigningKey('relais-test-key'); // same kid, another key: a forgery
const provider = new LocalOpenIdProvider([published], [CHANNEL]);
const connector = new FakeConnector();
let running: HostileApp;

/** Replies are signed by this instead of an Azure AD token, which cannot be fetched from here. */
const outbound: OutboundCredentials = async () => ({
  signRequest: async (request) => {
    request.headers.set('authorization', OUTBOUND);
    return request;
  },
});

beforeAll(async () => {
  await provider.start();
  await connector.start();
  running = await startHostileApp({
    env: {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'app-password-never-used-here',
      BOT_OPENID_METADATA_URL: provider.metadataUrl,
    },
    botOutboundCredentials: outbound,
  });
});

afterAll(async () => {
  await running?.close();
  await connector.stop();
  await provider.stop();
});

const now = () => Math.floor(Date.now() / 1000);

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: CHANNEL_ISSUER,
    aud: APP_ID,
    serviceurl: connector.url,
    nbf: now() - 60,
    iat: now() - 60,
    exp: now() + 3600,
    ...overrides,
  };
}

async function send(token: string | undefined, text = 'Comment réserver une prestation ?') {
  const conversationId = `teams-${randomUUID()}`;
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({
      type: 'message',
      id: `m-${randomUUID()}`,
      text,
      locale: 'fr-FR',
      channelId: CHANNEL,
      serviceUrl: connector.url,
      from: { id: 'teams-user' },
      recipient: { id: APP_ID },
      conversation: { id: conversationId },
    }),
  });
  return { status: res.status, conversationId, body: await res.text() };
}

const repliesTo = (conversationId: string) =>
  connector.replies.filter((r) => r.path.startsWith(`/v3/conversations/${conversationId}/`));

test('a token signed by the published key passes: the bot answers through the connector, signing its reply', async () => {
  const sent = await send(signJwt(published, claims()));
  expect(sent.status).toBeGreaterThanOrEqual(200);
  expect(sent.status).toBeLessThan(300);
  const replies = repliesTo(sent.conversationId);
  expect(replies.map((r) => r.activity.text)).toContainEqual(expect.stringMatching(/Réserver/));
  expect(replies.every((r) => r.authorization === OUTBOUND)).toBe(true);
  expect(provider.hits).toEqual(expect.arrayContaining(['/.well-known/openid-configuration', '/keys']));
});

test.each([
  ['no token', () => undefined],
  ['a token signed by another key (same key id)', () => signJwt(stranger, claims())],
  ['a token signed by an unknown key id', () => signJwt({ ...stranger, kid: 'unknown' }, claims())],
  [
    'an expired token',
    () => signJwt(published, claims({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })),
  ],
  ['a token for another bot (audience)', () => signJwt(published, claims({ aud: 'another-bot-app-id' }))],
  ['a token from another issuer', () => signJwt(published, claims({ iss: 'https://issuer.example.org' }))],
  ['a token for another serviceUrl', () => signJwt(published, claims({ serviceurl: 'http://127.0.0.1:1' }))],
  ['a token not valid yet', () => signJwt(published, claims({ nbf: now() + 3600 }))],
  [
    'a tampered token',
    () => signJwt(published, claims()).replace(/\.([^.]+)\./, (_m, p: string) => `.${p.slice(0, -2)}AA.`),
  ],
  ['garbage', () => 'not.a.jwt'],
])('%s → 401, and the bot says nothing', async (_name, token) => {
  const sent = await send(token());
  expect(sent.status).toBe(401);
  expect(repliesTo(sent.conversationId)).toEqual([]);
  expect(running.errors).toEqual([]);
});

test('BOT_OPENID_METADATA_URL must be an http(s) URL', () => {
  expect(() => loadConfig({ BOT_OPENID_METADATA_URL: 'ftp://keys.example.org/openid' })).toThrow(
    /BOT_OPENID_METADATA_URL: must be an http\(s\) URL/,
  );
});
