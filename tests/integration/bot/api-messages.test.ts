import type { Faq } from '../../../knowledge-base/index';
import { buildTestFaq } from '../../support/test-faq';
import { startApp, postJson, type RunningApp } from './app';
import { FakeConnector } from './fake-connector';

let faq: Faq;
let connector: FakeConnector;
let running: RunningApp;

beforeAll(async () => {
  faq = buildTestFaq();
  connector = await new FakeConnector().start();
  running = await startApp(faq);
});

afterAll(async () => {
  await running?.app.close();
  await connector?.stop();
});

beforeEach(() => {
  connector.replies.length = 0;
});

function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'act-1',
    channelId: 'emulator',
    serviceUrl: connector.url,
    conversation: { id: `conv-${Math.random().toString(36).slice(2)}` },
    from: { id: 'user-1', name: 'Client' },
    recipient: { id: 'relais', name: 'Relais' },
    locale: 'fr-FR',
    text: 'comment payer',
    ...overrides,
  };
}

describe('POST /api/messages: invokes', () => {
  test('an invoke Relais does not handle gets 400 NotSupported in the invoke error shape, not 501; nothing is sent', async () => {
    const res = await postJson(
      `${running.url}/api/messages`,
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute' } },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: {
        code: 'NotSupported',
        message: 'Relais does not handle the "adaptiveCard/action" invoke (only healthCheck)',
      },
    });
    const unnamed = await postJson(
      `${running.url}/api/messages`,
      activity({ type: 'invoke', text: undefined }),
    );
    expect(unnamed.status).toBe(400);
    expect(connector.replies).toEqual([]);
  });

  test('healthCheck is answered 200', async () => {
    const res = await postJson(
      `${running.url}/api/messages`,
      activity({ type: 'invoke', name: 'healthCheck' }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ healthResults: { success: true } });
  });
});

describe('POST /api/messages (anonymous mode)', () => {
  test('a message is answered through the connector at serviceUrl, without auth', async () => {
    const sent = activity();
    const res = await postJson(`${running.url}/api/messages`, sent);
    expect(res.status).toBe(200);
    expect(connector.replies.map((r) => r.activity.text)).toEqual([
      'Carte bancaire, virement et CESU.',
      'Est-ce que cela répond à votre question ?',
    ]);
    const conversationId = (sent.conversation as { id: string }).id;
    expect(connector.replies[0]!.path).toBe(`/v3/conversations/${conversationId}/activities/act-1`);
    expect(connector.replies[0]!.authorization).toBeUndefined();
    expect(connector.replies[1]!.activity.suggestedActions?.actions.map((a) => a.value)).toEqual([
      'Oui',
      'Non',
    ]);
  });

  test('conversation state carries over between requests: "Non" hands over', async () => {
    const conversation = { id: 'conv-state' };
    await postJson(`${running.url}/api/messages`, activity({ conversation }));
    connector.replies.length = 0;
    const res = await postJson(
      `${running.url}/api/messages`,
      activity({ conversation, id: 'act-2', text: 'Non' }),
    );
    expect(res.status).toBe(200);
    expect(connector.replies.map((r) => r.activity.type)).toEqual(['message', 'event']);
    expect(connector.replies[1]!.activity.name).toBe('handoff.initiate');
    // The handoff port sees the conversation's key (entry point, channel, id), the connector its own id.
    expect(running.handoff.requests.at(-1)?.conversationId).toBe('bf:emulator:conv-state');
  });

  test('conversationUpdate with a new member gets the welcome', async () => {
    const res = await postJson(
      `${running.url}/api/messages`,
      activity({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'user-1' }] }),
    );
    expect(res.status).toBe(200);
    expect(connector.replies[0]?.activity.text).toContain('un robot, pas une personne');
  });

  test.each([
    [{ type: undefined }, 'activity.type is required (e.g. "message")'],
    [{ type: '' }, 'activity.type must not be empty'],
    [{ conversation: undefined }, 'activity.conversation is required'],
    [{ serviceUrl: 'not a url' }, 'activity.serviceUrl must be the URL where replies are posted'],
    [{ channelId: undefined }, 'activity.channelId is required'],
    [{ text: 42 }, 'activity.text must be a string'],
  ])('%j → 400 with a clear message', async (overrides, message) => {
    const res = await postJson(`${running.url}/api/messages`, activity(overrides));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 'BadArgument', message } });
    expect(connector.replies).toHaveLength(0);
  });

  test('a JSON array is refused', async () => {
    const res = await postJson(`${running.url}/api/messages`, [activity()]);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: 'BadArgument', message: 'the body must be a JSON activity object' },
    });
  });

  test('malformed JSON → 400, not 500', async () => {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/json/i);
  });
});

describe('POST /api/messages with Bot Framework credentials', () => {
  let secured: RunningApp;
  beforeAll(async () => {
    secured = await startApp(faq, {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-password',
    });
  });
  afterAll(async () => {
    await secured?.app.close();
  });

  test('an unsigned request gets 401 and the bot does not answer', async () => {
    const res = await postJson(`${secured.url}/api/messages`, activity());
    expect(res.status).toBe(401);
    expect(connector.replies).toHaveLength(0);
  });
});
