import { MemoryStorage, type TurnContext } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import { OutboundRefusedError } from '../../../bot/channels/channel-cloud-adapter';
import { InMemoryDirectLineStore } from '../../../bot/directline/store';
import { buildTestFaq } from '../../support/test-faq';
import { postJson, startApp, type RunningApp } from '../bot/app';
import { FakeConnector } from '../bot/fake-connector';

/*
 * Issue 14, item 1: without MicrosoftAppId, the bot calls only loopback serviceUrls and the
 * origins of BOT_SERVICE_URL_ALLOWLIST; any other is refused with a 403 before a turn runs.
 */

let faq: Faq;
let connector: FakeConnector;
let running: RunningApp;
let storage: MemoryStorage;

beforeAll(async () => {
  faq = buildTestFaq();
  connector = await new FakeConnector().start();
  storage = new MemoryStorage();
  running = await startApp(faq, { BOT_SERVICE_URL_ALLOWLIST: 'https://connector.example' }, undefined, {
    storage,
    directLineStore: new InMemoryDirectLineStore(),
  });
});
afterAll(async () => {
  await running?.app.close();
  await connector?.stop();
});
beforeEach(() => {
  connector.replies.length = 0;
});

let n = 0;
const post = (serviceUrl: string, conversationId = `c-${++n}`) =>
  postJson(`${running.url}/api/messages`, {
    type: 'message',
    id: 'act-1',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'user-1' },
    recipient: { id: 'relais' },
    locale: 'fr-FR',
    text: 'je veux parler à un conseiller',
  });

const port = () => new URL(connector.url).port;

test.each([
  () => `http://127.0.0.1.evil.example:${port()}`,
  () => `http://127.0.0.1@evil.example:${port()}`,
  () => `http://localhost.evil.example:${port()}`,
  () => `http://evil.example:${port()}/127.0.0.1`,
  () => 'http://connector.example', // allowed with https only
  () => 'https://connector.example:8443', // allowed on 443 only
  () => 'urn:relais:directline', // the local Direct Line's marker is no address to post to
])('serviceUrl %# → 403, no turn, nothing sent, nothing stored', async (url) => {
  const conversationId = `refused-${++n}`;
  const res = await post(url(), conversationId);
  expect(res.status).toBe(403);
  expect(res.json).toMatchObject({ error: { code: 'ServiceUrlNotAllowed' } });
  expect(connector.replies).toEqual([]);
  expect(running.handoff.requests.filter((r) => r.conversationId.endsWith(conversationId))).toEqual([]);
  const key = `emulator/conversations/bf:emulator:${conversationId}`;
  expect(await storage.read([key])).toEqual({});
});

test('loopback by address and by name is answered (IPv6 loopback: tests/unit/channels)', async () => {
  expect((await post(connector.url)).status).toBe(200);
  expect((await post(`http://localhost:${port()}`)).status).toBe(200);
  expect(connector.replies.map((r) => r.activity.type)).toEqual(['message', 'event', 'message', 'event']);
});

test('a stored reference with a serviceUrl the policy refuses sends nothing (the relay gets the error)', async () => {
  const reference = {
    channelId: 'emulator',
    serviceUrl: `http://127.0.0.1.evil.example:${port()}`,
    conversation: { id: 'bf:emulator:stored-before', isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: 'relais', name: 'Relais' },
    user: { id: 'user-1', name: '' },
  };
  let failure: unknown;
  await running.app.adapter.continueConversationAsync('', reference, async (context: TurnContext) => {
    await context.sendActivity('bonjour').catch((error: unknown) => (failure = error));
  });
  expect(failure).toBeInstanceOf(OutboundRefusedError);
  expect(connector.replies).toEqual([]);
});

test('a conversation key of another entry point never goes to a connector', async () => {
  const reference = {
    channelId: 'webchat',
    serviceUrl: connector.url,
    conversation: { id: 'EfT1duUD3q2dsMIQagqneA', isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: 'relais', name: 'Relais' },
    user: { id: 'user-1', name: '' },
  };
  let failure: unknown;
  await running.app.adapter.continueConversationAsync('', reference, async (context: TurnContext) => {
    await context.sendActivity('bonjour').catch((error: unknown) => (failure = error));
  });
  expect(failure).toBeInstanceOf(OutboundRefusedError);
  expect(connector.replies).toEqual([]);
});
