import { createHmac } from 'node:crypto';
import type { Faq } from '../../../knowledge-base/index';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { postJson, startApp, type RunningApp } from './app';

const IDENTITY_SECRET = 'site-backend-secret-site-backend-secret-42';
let faq: Faq;
let running: RunningApp;
let now = OPEN_TIME;

beforeAll(async () => {
  faq = buildTestFaq();
  running = await startApp(faq, { IDENTITY_SECRET, TOKEN_TTL_SECONDS: '1800' }, () => now);
});
afterAll(async () => {
  await running?.app.close();
});
beforeEach(() => {
  now = OPEN_TIME;
});

interface DlActivity {
  id: string;
  type: string;
  text?: string;
  timestamp: string;
  from: { id: string; role?: string };
  channelData?: { clientActivityID?: string; relaisCustomer?: string };
  suggestedActions?: { actions: { value: string }[] };
}

const dl = (path: string) => `${running.url}/v3/directline${path}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function newToken(body: unknown = {}): Promise<{ token: string; expires_in: number; userId: string }> {
  const res = await postJson(`${running.url}/api/directline/token`, body);
  expect(res.status).toBe(200);
  return res.json as { token: string; expires_in: number; userId: string };
}

async function startConversation(
  body: unknown = {},
): Promise<{ conversationId: string; token: string; userId: string }> {
  const { token, userId } = await newToken(body);
  const res = await postJson(dl('/conversations'), { locale: 'fr-FR' }, bearer(token));
  expect(res.status).toBe(201);
  const started = res.json as { conversationId: string; token: string };
  return { ...started, userId };
}

async function activities(
  conversationId: string,
  token: string,
  watermark = '',
): Promise<{ activities: DlActivity[]; watermark: string }> {
  const res = await fetch(dl(`/conversations/${conversationId}/activities?watermark=${watermark}`), {
    headers: bearer(token),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { activities: DlActivity[]; watermark: string };
}

function say(
  conversationId: string,
  token: string,
  text: string,
  clientActivityID = `client-${Math.random()}`,
) {
  return postJson(
    dl(`/conversations/${conversationId}/activities`),
    {
      type: 'message',
      text,
      textFormat: 'plain',
      locale: 'fr-FR',
      from: { id: 'whatever', name: 'Client', role: 'user' },
      channelData: { clientActivityID },
      attachments: [],
    },
    bearer(token),
  );
}

describe('local Direct Line 3.0', () => {
  test('token → conversation → welcome in the activity log', async () => {
    const issued = await newToken();
    expect(issued.expires_in).toBe(1800);
    expect(issued.userId).toMatch(/^u_/);
    const { conversationId, token } = await startConversation();
    const page = await activities(conversationId, token);
    expect(page.watermark).toBe('1');
    expect(page.activities).toHaveLength(1);
    expect(page.activities[0]!.id).toBe(`${conversationId}|0000000`);
    expect(page.activities[0]!.text).toContain('un robot, pas une personne');
    expect(page.activities[0]!.from.role).toBe('bot');
  });

  test('a posted message is echoed with its clientActivityID, then answered; a retry is not processed twice', async () => {
    const { conversationId, token, userId } = await startConversation();
    const first = await say(conversationId, token, 'comment payer', 'c-1');
    expect(first).toEqual({ status: 200, json: { id: `${conversationId}|0000001` } });
    const page = await activities(conversationId, token, '1');
    expect(page.activities.map((a) => a.text)).toEqual([
      'comment payer',
      'Carte bancaire, virement et CESU.',
      'Est-ce que cela répond à votre question ?',
    ]);
    const echo = page.activities[0]!;
    expect(echo.channelData?.clientActivityID).toBe('c-1');
    expect(echo.from).toEqual(expect.objectContaining({ id: userId, role: 'user' }));
    expect(new Date(echo.timestamp).toISOString()).toBe(echo.timestamp);
    expect(page.activities[2]!.suggestedActions?.actions.map((a) => a.value)).toEqual(['Oui', 'Non']);

    const retry = await say(conversationId, token, 'comment payer', 'c-1');
    expect(retry).toEqual({ status: 200, json: { id: `${conversationId}|0000001` } });
    expect((await activities(conversationId, token, page.watermark)).activities).toHaveLength(0);
  });

  test('reconnect: GET conversation with the stored token, then poll from the kept watermark', async () => {
    const { conversationId, token } = await startConversation();
    await say(conversationId, token, 'comment payer');
    const res = await fetch(dl(`/conversations/${conversationId}?watermark=1`), { headers: bearer(token) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { conversationId: string; token: string };
    expect(body.conversationId).toBe(conversationId);
    const page = await activities(conversationId, body.token, '2');
    expect(page.activities.map((a) => a.text)).toEqual([
      'Carte bancaire, virement et CESU.',
      'Est-ce que cela répond à votre question ?',
    ]);
  });

  test('no token or a bad token → 401; an expired one → 403; refresh extends a live one', async () => {
    expect((await postJson(dl('/conversations'), {})).status).toBe(401);
    const bad = await postJson(dl('/conversations'), {}, bearer('abc.def'));
    expect(bad).toEqual({
      status: 401,
      json: { error: { code: 'TokenInvalid', message: 'the token is not valid (bad-signature)' } },
    });

    const { token } = await newToken();
    now = new Date(OPEN_TIME.getTime() + 25 * 60_000);
    const refreshed = await postJson(dl('/tokens/refresh'), {}, bearer(token));
    expect(refreshed.status).toBe(200);
    const fresh = (refreshed.json as { token: string }).token;

    now = new Date(OPEN_TIME.getTime() + 31 * 60_000);
    const expired = await postJson(dl('/conversations'), {}, bearer(token));
    expect(expired).toEqual({
      status: 403,
      json: { error: { code: 'TokenExpired', message: 'the token has expired: get a new one' } },
    });
    expect((await postJson(dl('/tokens/refresh'), {}, bearer(token))).status).toBe(403);
    expect((await postJson(dl('/conversations'), {}, bearer(fresh))).status).toBe(201);
  });

  test('bad input gets a 4xx with a clear message, never a 5xx', async () => {
    const { conversationId, token } = await startConversation();
    const other = await startConversation();
    const post = (body: unknown) =>
      postJson(dl(`/conversations/${conversationId}/activities`), body, bearer(token));

    expect(await post({ text: 'hello' })).toEqual({
      status: 400,
      json: { error: { code: 'BadArgument', message: 'activity.type is required (e.g. "message")' } },
    });
    expect(await post({ type: 'message', text: 42 })).toEqual({
      status: 400,
      json: { error: { code: 'BadArgument', message: 'activity.text must be a string' } },
    });
    expect((await post('{"type": "message",')).status).toBe(400);
    expect(
      await postJson(dl('/conversations/nope/activities'), { type: 'message', text: 'x' }, bearer(token)),
    ).toEqual({
      status: 404,
      json: { error: { code: 'NotFound', message: 'conversation "nope" does not exist' } },
    });
    expect(
      await postJson(
        dl(`/conversations/${other.conversationId}/activities`),
        { type: 'message', text: 'x' },
        bearer(token),
      ),
    ).toEqual({
      status: 401,
      json: { error: { code: 'TokenInvalid', message: 'the token is not valid for this conversation' } },
    });
    const badWatermark = await fetch(dl(`/conversations/${conversationId}/activities?watermark=abc`), {
      headers: bearer(token),
    });
    expect(badWatermark.status).toBe(400);
    expect(
      (await postJson(dl(`/conversations/${conversationId}/upload?userId=x`), {}, bearer(token))).status,
    ).toBe(400);
    expect((await postJson(`${running.url}/api/directline/token`, { user: { id: 42 } })).status).toBe(400);
  });

  test('an identified customer (signed by the site) can report a no-show; the identity is never echoed', async () => {
    const customer = { id: 'C-42', name: 'Mme Martin', vip: false, b2b: false };
    const signature = createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(customer)).digest('hex');
    const { conversationId, token, userId } = await startConversation({ customer, signature });
    expect(userId).toBe('c_C-42');
    await say(conversationId, token, "mon prestataire n'est pas venu");
    const page = await activities(conversationId, token, '1');
    expect(page.activities[0]!.channelData?.relaisCustomer).toBeUndefined();
    const choose = page.activities[1]!;
    expect(choose.text).toBe(
      'Désolé que votre prestataire ne soit pas venu. De quelle prestation s’agit-il ?',
    );
    await say(conversationId, token, choose.suggestedActions!.actions[0]!.value);
    const outcome = await activities(conversationId, token, page.watermark);
    expect(outcome.activities[1]!.text).toContain('remboursées automatiquement');
  });

  test('a forged identity signature is refused; an anonymous visitor is asked to log in', async () => {
    const customer = { id: 'C-42', vip: false, b2b: false };
    const forged = await postJson(`${running.url}/api/directline/token`, {
      customer,
      signature: '0'.repeat(64),
    });
    expect(forged).toEqual({
      status: 401,
      json: { error: { code: 'IdentityInvalid', message: 'the customer identity signature is not valid' } },
    });

    const { conversationId, token } = await startConversation();
    await say(conversationId, token, 'prestataire absent');
    const page = await activities(conversationId, token, '1');
    expect(page.activities[1]!.text).toContain('connectez-vous');
  });
});
