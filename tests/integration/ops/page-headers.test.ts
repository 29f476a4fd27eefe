import { startHostileApp, type HostileApp } from './hostile-app';

/** Which pages another site may put in a frame (clickjacking), as the headers tell the browser. */
async function headersOf(app: HostileApp, path: string): Promise<Headers> {
  const res = await fetch(`${app.url}${path}`);
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return res.headers;
}

const frameAncestors = (headers: Headers) =>
  /frame-ancestors ([^;]+)/.exec(headers.get('content-security-policy') ?? '')?.[1];

describe('framing: default (no WIDGET_ORIGINS)', () => {
  let app: HostileApp;
  beforeAll(async () => {
    app = await startHostileApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test.each([
    '/agent',
    '/dashboard',
    '/agent/history',
    '/agent/history/main.js',
    '/agent/history/texts/en.js',
  ])('%s is never framed: frame-ancestors none and X-Frame-Options DENY', async (path) => {
    const headers = await headersOf(app, path);
    expect(frameAncestors(headers)).toBe("'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  test('the chat page may be framed by Relais itself only; its images come from Relais only', async () => {
    const headers = await headersOf(app, '/');
    expect(frameAncestors(headers)).toBe("'self'");
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(headers.get('content-security-policy')).toContain("img-src 'self' data: blob:");
  });
});

describe('framing: WIDGET_ORIGINS lists the sites that embed the chat', () => {
  let app: HostileApp;
  beforeAll(async () => {
    app = await startHostileApp({
      env: { WIDGET_ORIGINS: 'https://www.example.fr,https://aide.example.fr:8443' },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('the chat page names them (and no X-Frame-Options, which cannot); the console stays unframed', async () => {
    const chat = await headersOf(app, '/');
    expect(frameAncestors(chat)).toBe("'self' https://www.example.fr https://aide.example.fr:8443");
    expect(chat.get('x-frame-options')).toBeNull();
    const agent = await headersOf(app, '/agent');
    expect(frameAncestors(agent)).toBe("'none'");
  });
});
