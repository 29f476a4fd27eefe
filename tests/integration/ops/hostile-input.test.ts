import fc from 'fast-check';
import { clearError, hit, nastyBody, nastyText, tried, type Hit } from './hostile-http';
import {
  PASSWORDS,
  startHostileApp,
  SUPERVISOR_TOKEN,
  TOKEN_TTL_SECONDS,
  type HostileApp,
} from './hostile-app';

/**
 * Hostile input on every HTTP endpoint, over real HTTP: whatever arrives, the answer is a 2xx or a
 * 4xx with a message, never a 5xx, the server logs no failure, and refused requests change nothing.
 */
const RUNS = 80;
let h: HostileApp;
/** A conversation of this suite's own: its activity count must not move when a request is refused. */
let ref: { id: string; token: string };
let other: { id: string; token: string };
let agentToken: string;

const bearer = (token: string) => `Bearer ${token}`;

async function json<T>(res: Hit): Promise<T> {
  return JSON.parse(res.text) as T;
}

async function startConversation(): Promise<{ id: string; token: string }> {
  const t = await json<{ token: string }>(
    await hit(h.url, 'POST', '/api/directline/token', {
      body: '{}',
      contentType: 'application/json',
      bookkeeping: true,
    }),
  );
  const started = await json<{ conversationId: string; token: string }>(
    await hit(h.url, 'POST', '/v3/directline/conversations', {
      body: '{}',
      contentType: 'application/json',
      auth: bearer(t.token),
      bookkeeping: true,
    }),
  );
  return { id: started.conversationId, token: started.token };
}

async function activityCount(conversation: { id: string; token: string }): Promise<number> {
  const page = await hit(
    h.url,
    'GET',
    `/v3/directline/conversations/${conversation.id}/activities?watermark=`,
    { auth: bearer(conversation.token), bookkeeping: true },
  );
  return (await json<{ activities: unknown[] }>(page)).activities.length;
}

function expectNo5xx(res: Hit, what: string): void {
  if (res.status >= 500) throw new Error(`${what} → ${res.status} ${res.text.slice(0, 300)}`);
  if (res.status >= 400 && clearError(res) === undefined)
    throw new Error(`${what} → ${res.status} without an error message: ${res.text.slice(0, 300)}`);
}

beforeAll(async () => {
  h = await startHostileApp();
  ref = await startConversation();
  other = await startConversation();
  const login = await hit(h.url, 'POST', '/api/agent/login', {
    body: JSON.stringify({ agentId: 'alice', password: PASSWORDS.alice }),
    contentType: 'application/json',
    bookkeeping: true,
  });
  agentToken = (await json<{ token: string }>(login)).token;
});

afterAll(async () => {
  await h?.close();
  process.stdout.write(`hostile inputs tried over HTTP: ${tried.count}, 5xx: 0\n`);
});

afterEach(() => {
  const logged = h.errors.splice(0);
  expect(logged).toEqual([]);
});

/** Every route with a body, with the credential it needs (the suites vary the body, not the key). */
const postRoutes = (): { path: string; auth?: string }[] => [
  { path: '/api/directline/token' },
  { path: '/api/directline/reprise' },
  { path: '/v3/directline/tokens/refresh', auth: bearer(ref.token) },
  { path: '/v3/directline/conversations', auth: bearer(ref.token) },
  { path: `/v3/directline/conversations/${ref.id}/activities`, auth: bearer(ref.token) },
  { path: `/v3/directline/conversations/${ref.id}/upload`, auth: bearer(ref.token) },
  { path: '/api/messages' },
  { path: '/api/agent/login' },
  { path: '/api/agent/presence', auth: bearer(agentToken) },
  { path: '/api/agent/heartbeat', auth: bearer(agentToken) },
  { path: '/api/agent/claim-next', auth: bearer(agentToken) },
  { path: `/api/agent/conversations/${ref.id}/claim`, auth: bearer(agentToken) },
  { path: `/api/agent/conversations/${ref.id}/messages`, auth: bearer(agentToken) },
  { path: `/api/agent/conversations/${ref.id}/release`, auth: bearer(agentToken) },
  { path: `/api/agent/conversations/${ref.id}/hand-back`, auth: bearer(agentToken) },
  { path: `/api/agent/conversations/${ref.id}/resolve`, auth: bearer(agentToken) },
];
const POST_ROUTE_COUNT = 16;

test(`${RUNS * POST_ROUTE_COUNT} malformed, mistyped and binary bodies on ${POST_ROUTE_COUNT} POST routes: 2xx or 4xx with a message`, async () => {
  const routes = postRoutes();
  expect(routes).toHaveLength(POST_ROUTE_COUNT);
  for (const route of routes)
    await fc.assert(
      fc.asyncProperty(nastyBody, async ({ body, contentType }) => {
        const before = await activityCount(ref);
        const res = await hit(h.url, 'POST', route.path, {
          body,
          ...(contentType ? { contentType } : {}),
          ...(route.auth ? { auth: route.auth } : {}),
        });
        expectNo5xx(res, `POST ${route.path} (${contentType ?? 'no type'})`);
        if (res.status >= 400) expect(await activityCount(ref)).toBe(before);
      }),
      { numRuns: RUNS },
    );
});

test('bodies over the 256 KiB limit get 413 on every POST route and leave the conversation alone', async () => {
  const before = await activityCount(ref);
  const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) });
  for (const route of postRoutes()) {
    const res = await hit(h.url, 'POST', route.path, {
      body: huge,
      contentType: 'application/json',
      ...(route.auth ? { auth: route.auth } : {}),
    });
    expect([route.path, res.status]).toEqual([route.path, 413]);
    expect(clearError(res)).toBeTruthy();
  }
  expect(await activityCount(ref)).toBe(before);
});

test(`${RUNS * 4} unicode, control-character and very long messages on a live conversation: answered or refused, never 5xx`, async () => {
  await fc.assert(
    fc.asyncProperty(nastyText, fc.constantFrom('fr-FR', 'en', 'zz', '\u0000'), async (text, locale) => {
      const before = await activityCount(ref);
      const res = await hit(h.url, 'POST', `/v3/directline/conversations/${ref.id}/activities`, {
        body: JSON.stringify({
          type: 'message',
          text,
          locale,
          channelData: { clientActivityID: `nasty-${tried.count}` },
        }),
        contentType: 'application/json',
        auth: bearer(ref.token),
      });
      expectNo5xx(res, `message ${JSON.stringify(text.slice(0, 40))}`);
      if (res.status >= 400) expect(await activityCount(ref)).toBe(before);
      else expect(await activityCount(ref)).toBeGreaterThan(before);
    }),
    { numRuns: RUNS * 4 },
  );
});

const conversationRoutes = (id: string): [string, string][] => [
  ['GET', `/v3/directline/conversations/${id}`],
  ['GET', `/v3/directline/conversations/${id}/activities?watermark=`],
  ['POST', `/v3/directline/conversations/${id}/activities`],
  ['POST', `/v3/directline/conversations/${id}/upload`],
];

test(`${RUNS * 4} forged, tampered, foreign and missing tokens on conversation routes: 401/403, nothing appended`, async () => {
  const before = await activityCount(ref);
  const tampered = (token: string, i: number) => {
    const at = i % token.length;
    return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
  };
  const forged = fc.oneof(
    fc
      .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 300 })
      .map((t) => bearer(t.replace(/\s/g, '_'))),
    fc.nat().map((i) => bearer(tampered(ref.token, i))),
    fc.constant(bearer(other.token)),
    fc.constantFrom('', 'Bearer', 'Basic dXNlcjpwYXNz', `bearer  ${'.'.repeat(50)}`, bearer('a.b.c')),
  );
  await fc.assert(
    fc.asyncProperty(forged, fc.constantFrom(...conversationRoutes(ref.id)), async (auth, [method, path]) => {
      const res = await hit(h.url, method, path, {
        body: JSON.stringify({ type: 'message', text: 'Oui' }),
        contentType: 'application/json',
        auth,
      });
      expectNo5xx(res, `${method} ${path} with ${auth.slice(0, 30)}`);
      expect([401, 403]).toContain(res.status);
    }),
    { numRuns: RUNS * 4 },
  );
  expect(await activityCount(ref)).toBe(before);
});

test(`${RUNS * 2} unknown conversation ids (any unicode) on Direct Line and agent routes: 4xx, never 5xx`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }),
      fc.constantFrom(
        ...conversationRoutes(':id'),
        ['GET', '/api/agent/conversations/:id'],
        ['POST', '/api/agent/conversations/:id/claim'],
        ['POST', '/api/agent/conversations/:id/messages'],
        ['POST', '/api/agent/conversations/:id/resolve'],
      ),
      async (rawId, [method, template]) => {
        const path = template.replace(':id', encodeURIComponent(rawId));
        const res = await hit(h.url, method, path, {
          body: JSON.stringify({ type: 'message', text: 'Oui', reason: 'done' }),
          contentType: 'application/json',
          auth: bearer(path.startsWith('/api/agent') ? agentToken : ref.token),
        });
        expectNo5xx(res, `${method} ${path.slice(0, 80)}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
      },
    ),
    { numRuns: RUNS * 2 },
  );
});

test(`${RUNS * 2} hostile query strings on polling and reports: 2xx or 4xx with a message`, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.constantFrom(
        `/v3/directline/conversations/${ref.id}/activities?watermark=`,
        '/api/reports/summary?from=',
        '/api/reports/summary?to=',
        '/api/reports/surveys.csv?separator=',
        '/api/reports/kb-suggestions?from=',
      ),
      async (value, prefix) => {
        const auth = prefix.startsWith('/api/reports') ? bearer(SUPERVISOR_TOKEN) : bearer(ref.token);
        const res = await hit(h.url, 'GET', `${prefix}${encodeURIComponent(value)}`, { auth });
        expectNo5xx(res, `GET ${prefix}${value.slice(0, 40)}`);
      },
    ),
    { numRuns: RUNS * 2 },
  );
});

test('expired Direct Line tokens get 403 TokenExpired; expired agent sessions and wrong supervisor tokens get 401', async () => {
  const fresh = await startConversation();
  h.advance(TOKEN_TTL_SECONDS + 1);
  const polled = await hit(h.url, 'GET', `/v3/directline/conversations/${fresh.id}/activities?watermark=`, {
    auth: bearer(fresh.token),
  });
  expect([polled.status, JSON.parse(polled.text)]).toEqual([
    403,
    { error: { code: 'TokenExpired', message: expect.any(String) } },
  ]);
  h.advance(30 * 24 * 3600);
  const queue = await hit(h.url, 'GET', '/api/agent/queue', { auth: bearer(agentToken) });
  expect(queue.status).toBe(401);
  for (const auth of [undefined, bearer('not-the-supervisor-token'), bearer(`${SUPERVISOR_TOKEN}x`)]) {
    const res = await hit(h.url, 'GET', '/api/reports/summary', auth ? { auth } : {});
    expect(res.status).toBe(401);
    expect(clearError(res)).toBeTruthy();
  }
});
