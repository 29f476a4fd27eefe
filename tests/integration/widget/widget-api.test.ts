import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deploymentKeys } from '../../support/redis-contents';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { loadConfig } from '../../../bot/config';
import { widgetKeys } from '../../../keyspace/index';
import { RedisInvitationCounts } from '../../../bot/widget/redis-invitation-counts';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { buildTestFaq } from '../../support/test-faq';
import { SUNDAY_NOON } from '../../support/test-settings';
import { startWidgetApp, SUPERVISOR, type WidgetApp } from './widget-app';

const LISTED = 'https://www.monaide.example';
const OTHER = 'https://evil.example';
const ENV = { WIDGET_ORIGINS: `${LISTED},http://localhost:8081` };

const config = (app: WidgetApp, origin: string, sent?: string) =>
  fetch(`${app.url}/api/widget/config?origin=${encodeURIComponent(origin)}`, {
    headers: sent ? { origin: sent } : {},
  });

const postEvent = (app: WidgetApp, body: unknown, origin: string | null = LISTED) =>
  fetch(`${app.url}/api/widget/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const report = async (app: WidgetApp) => {
  const res = await fetch(`${app.url}/api/reports/invitations`, {
    headers: { authorization: `Bearer ${SUPERVISOR}` },
  });
  expect(res.status).toBe(200);
  return (
    (await res.json()) as {
      rules: {
        rule: string;
        shown: number;
        accepted: number;
        dismissed: number;
        acceptanceRate: number | null;
      }[];
    }
  ).rules;
};

const frameAncestors = (res: Response) =>
  /frame-ancestors ([^;]+)/.exec(res.headers.get('content-security-policy') ?? '')?.[1];

describe('widget handshake and CORS: one list of origins', () => {
  let app: WidgetApp;
  beforeAll(async () => {
    app = await startWidgetApp(buildTestFaq(), { env: ENV });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a listed origin is allowed, its origin echoed in CORS, and the chat page names it in frame-ancestors', async () => {
    const res = await config(app, LISTED, LISTED);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(res.headers.get('vary')).toContain('Origin');
    const body = (await res.json()) as { allowed: boolean; supportOpen: boolean; rules: { id: string }[] };
    expect(body.allowed).toBe(true);
    expect(body.supportOpen).toBe(true);
    expect(body.rules.map((r) => r.id)).toEqual([
      'booking-hesitation',
      'pricing-questions',
      'search-no-result',
      'entry-twice',
      'booking-exit',
    ]);

    const chat = await fetch(`${app.url}/?embed=1`);
    await chat.arrayBuffer();
    const ancestors = frameAncestors(chat)?.split(' ');
    expect(ancestors).toEqual(["'self'", LISTED, 'http://localhost:8081']);
    expect(chat.headers.get('x-frame-options')).toBeNull();
  });

  test('every origin CORS answers for is an ancestor the pages allow, and no other', async () => {
    const chat = await fetch(`${app.url}/`);
    await chat.arrayBuffer();
    const ancestors =
      frameAncestors(chat)
        ?.split(' ')
        .filter((a) => a !== "'self'") ?? [];
    // The help center's embeddable pages name the same ancestors.
    for (const path of ['/aide?embed=1', '/help?embed=1']) {
      const page = await fetch(`${app.url}${path}`);
      await page.arrayBuffer();
      expect({ path, status: page.status, ancestors: frameAncestors(page) }).toEqual({
        path,
        status: 200,
        ancestors: frameAncestors(chat),
      });
    }
    for (const origin of [
      ...ancestors,
      OTHER,
      'http://localhost:8082',
      'https://www.monaide.example.evil.example',
    ]) {
      const res = await config(app, origin, origin);
      const corsAllows = res.headers.get('access-control-allow-origin') === origin;
      const body = (await res.json()) as { allowed: boolean };
      expect({ origin, corsAllows, allowed: body.allowed }).toEqual({
        origin,
        corsAllows: ancestors.includes(origin),
        allowed: ancestors.includes(origin),
      });
    }
  });

  test('an unlisted origin gets allowed: false, no CORS header, and cannot frame the chat page', async () => {
    const res = await config(app, OTHER, OTHER);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ allowed: false });
    const chat = await fetch(`${app.url}/`);
    await chat.arrayBuffer();
    expect(frameAncestors(chat)).not.toContain(OTHER);
  });

  test('a page cannot claim a listed origin: the Origin header the browser sends must be the same', async () => {
    const res = await config(app, LISTED, OTHER);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.json()).toEqual({ allowed: false });
  });

  test("Relais' own pages may use the widget (same origin, no CORS needed)", async () => {
    const res = await config(app, new URL(app.url).origin);
    expect(((await res.json()) as { allowed: boolean }).allowed).toBe(true);
  });

  test.each([
    ['no origin', ''],
    ['a path', '?origin=' + encodeURIComponent(`${LISTED}/page`)],
    ['another scheme', '?origin=' + encodeURIComponent('ftp://www.monaide.example')],
    ['a trailing slash', '?origin=' + encodeURIComponent(`${LISTED}/`)],
    ['an unknown parameter', '?origin=' + encodeURIComponent(LISTED) + '&x=1'],
  ])('a bad query (%s) is a 400 naming the parameter', async (_label, query) => {
    const res = await fetch(`${app.url}/api/widget/config${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BadRequest');
  });

  test('the events preflight allows a listed origin only', async () => {
    const ok = await fetch(`${app.url}/api/widget/events`, {
      method: 'OPTIONS',
      headers: {
        origin: LISTED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(ok.headers.get('access-control-allow-headers')).toBe('content-type');
    const refused = await fetch(`${app.url}/api/widget/events`, {
      method: 'OPTIONS',
      headers: { origin: OTHER, 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('invitation events: counted per configured rule, nothing else', () => {
  let app: WidgetApp;
  beforeAll(async () => {
    app = await startWidgetApp(buildTestFaq(), { env: ENV });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('shown, accepted, dismissed are counted and reported to the supervisor with the acceptance rate', async () => {
    for (const outcome of ['shown', 'shown', 'shown', 'shown', 'accepted', 'dismissed'])
      expect((await postEvent(app, { rule: 'booking-exit', outcome })).status).toBe(204);
    const rows = await report(app);
    expect(rows.find((r) => r.rule === 'booking-exit')).toMatchObject({
      shown: 4,
      accepted: 1,
      dismissed: 1,
      acceptanceRate: 0.25,
    });
    expect(rows.find((r) => r.rule === 'pricing-questions')).toMatchObject({
      shown: 0,
      acceptanceRate: null,
    });
    expect(rows).toHaveLength(5);
  });

  test.each([
    ['an unknown rule id', { rule: 'free-label', outcome: 'shown' }, 'rule'],
    ['an unknown outcome', { rule: 'booking-exit', outcome: 'clicked' }, 'outcome'],
    ['an extra field', { rule: 'booking-exit', outcome: 'shown', label: 'x' }, '(body)'],
    ['not an object', '[1,2]', '(body)'],
    ['not JSON', '{"rule":', undefined],
  ])('%s is a 400 and counts nothing', async (_label, body, path) => {
    const before = await report(app);
    const res = await postEvent(app, body);
    expect(res.status).toBe(400);
    const text = await res.text();
    if (path) expect(text).toContain(path);
    expect(await report(app)).toEqual(before);
  });

  test('an unlisted origin, or no origin at all, is refused with 403', async () => {
    expect((await postEvent(app, { rule: 'booking-exit', outcome: 'shown' }, OTHER)).status).toBe(403);
    expect((await postEvent(app, { rule: 'booking-exit', outcome: 'shown' }, null)).status).toBe(403);
  });

  test('the report needs the supervisor token', async () => {
    expect((await fetch(`${app.url}/api/reports/invitations`)).status).toBe(401);
    const wrong = await fetch(`${app.url}/api/reports/invitations`, {
      headers: { authorization: 'Bearer nope-nope' },
    });
    expect(wrong.status).toBe(401);
  });
});

describe('invitation events: rate-limited per IP', () => {
  let app: WidgetApp;
  beforeAll(async () => {
    app = await startWidgetApp(buildTestFaq(), { env: { ...ENV, RATE_LIMIT_IP_PER_MINUTE: '30' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a flood gets 429 with Retry-After, and the burst before it is counted', async () => {
    let accepted = 0;
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const res = await postEvent(app, { rule: 'entry-twice', outcome: 'shown' });
      if (res.status === 429) limited = res;
      else {
        expect(res.status).toBe(204);
        accepted += 1;
      }
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect((await report(app)).find((r) => r.rule === 'entry-twice')?.shown).toBe(accepted);
  });
});

describe('while support is closed', () => {
  let app: WidgetApp;
  beforeAll(async () => {
    app = await startWidgetApp(buildTestFaq(), { env: ENV, now: () => SUNDAY_NOON });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('only the botOnly rules are given to the widget', async () => {
    const body = (await (await config(app, LISTED, LISTED)).json()) as {
      supportOpen: boolean;
      rules: { id: string; botOnly: boolean }[];
    };
    expect(body.supportOpen).toBe(false);
    expect(body.rules.map((r) => r.id)).toEqual(['booking-hesitation', 'entry-twice']);
    expect(body.rules.every((r) => r.botOnly)).toBe(true);
  });
});

describe('counts in Redis: shared by the instances, under the deployment prefix', () => {
  const prefix = uniquePrefix('widget');
  let redis: Redis;
  let first: WidgetApp;
  let second: WidgetApp;
  beforeAll(async () => {
    redis = new Redis(testRedisUrl());
    const counts = () => new RedisInvitationCounts(redis, widgetKeys(prefix));
    first = await startWidgetApp(buildTestFaq(), { env: ENV, counts: counts() });
    second = await startWidgetApp(buildTestFaq(), { env: ENV, counts: counts() });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    const keys = await deploymentKeys(redis, prefix);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test('events posted to either instance add up in one report; the keys carry the prefix', async () => {
    await postEvent(first, { rule: 'search-no-result', outcome: 'shown' });
    await postEvent(second, { rule: 'search-no-result', outcome: 'shown' });
    await postEvent(second, { rule: 'search-no-result', outcome: 'accepted' });
    const rows = await report(first);
    expect(rows.find((r) => r.rule === 'search-no-result')).toMatchObject({
      shown: 2,
      accepted: 1,
      dismissed: 0,
      acceptanceRate: 0.5,
    });
    const key = widgetKeys(prefix).invitations('search-no-result');
    expect(await deploymentKeys(redis, prefix)).toEqual([key]);
    expect(await redis.hgetall(key)).toEqual({
      shown: '2',
      accepted: '1',
    });
  });
});

describe('PROACTIVE_RULES_FILE: a bad file stops the start, naming the failing path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cases: [string, string][] = [
    [
      'rules:\n  - id: a\n    trigger: { kind: time-on-page, page: /x, seconds: 5 }\n    message: { fr: Bonjour }\n',
      'rules[0].message.en',
    ],
    [
      'rules:\n  - id: Bad Id\n    trigger: { kind: failed-search }\n    message: { fr: a, en: b }\n',
      'rules[0].id',
    ],
    [
      'rules:\n  - id: a\n    trigger: { kind: on-click }\n    message: { fr: a, en: b }\n',
      'rules[0].trigger.kind',
    ],
    [
      'rules:\n  - id: a\n    trigger: { kind: exit-intent, page: "javascript:x" }\n    message: { fr: a, en: b }\n',
      'rules[0].trigger.page',
    ],
    [
      'rules:\n  - id: a\n    trigger: { kind: failed-search }\n    message: { fr: a, en: b }\n  - id: a\n    trigger: { kind: failed-search }\n    message: { fr: a, en: b }\n',
      'rules[1].id: duplicate id a',
    ],
    ['rules: [', 'not YAML'],
  ];
  test.each(cases.map(([text, expected]) => [expected, text] as const))(
    'a file failing at %s is refused, naming it and the file',
    async (expected, text) => {
      const file = join(dir, `rules-${Math.random().toString(36).slice(2)}.yaml`);
      writeFileSync(file, text);
      await expect(startWidgetApp(buildTestFaq(), { env: { PROACTIVE_RULES_FILE: file } })).rejects.toThrow(
        expected,
      );
      await expect(startWidgetApp(buildTestFaq(), { env: { PROACTIVE_RULES_FILE: file } })).rejects.toThrow(
        file,
      );
    },
  );

  test('a missing file is named too', async () => {
    await expect(
      startWidgetApp(buildTestFaq(), { env: { PROACTIVE_RULES_FILE: join(dir, 'none.yaml') } }),
    ).rejects.toThrow(/PROACTIVE_RULES_FILE .*none\.yaml: cannot be read/);
  });

  test('the default is the demo file', () => {
    expect(loadConfig({}).proactiveRulesFile).toBe('knowledge-base/demo/proactive-rules.yaml');
  });
});

describe('the demo site exists outside production only', () => {
  const PRODUCTION = {
    NODE_ENV: 'production',
    REOPEN_LINK_SECRET: 'reopen-link-secret-for-production-tests',
    METRICS_TOKEN: 'metrics-token-for-production-test',
    BOT_ALLOW_ANONYMOUS_CHANNEL: 'true',
  };

  test.each([
    ['development', 200, {}],
    ['production', 404, PRODUCTION],
  ] as const)('%s: /demo/ pages answer %d; /widget.js is always served', async (_label, status, env) => {
    const app = await startWidgetApp(buildTestFaq(), { env });
    try {
      for (const path of ['/demo/', '/demo/reservation', '/demo/tarifs']) {
        const res = await fetch(`${app.url}${path}`);
        const body = await res.text();
        expect({ path, status: res.status }).toEqual({ path, status });
        if (status === 200) {
          // One script tag, and the page may frame Relais' own help and chat, nothing else.
          expect(body.match(/<script /g)).toHaveLength(1);
          expect(body).toContain('<script src="/widget.js" defer></script>');
          expect(res.headers.get('content-security-policy')).toContain("frame-src 'self'");
        }
      }
      const redirect = await fetch(`${app.url}/demo`, { redirect: 'manual' });
      expect(redirect.status).toBe(status === 200 ? 302 : 404);
      const script = await fetch(`${app.url}/widget.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(await script.text()).toContain('/api/widget/config');
    } finally {
      await app.close();
    }
  });
});
