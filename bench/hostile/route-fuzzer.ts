import { request } from 'node:http';
import fc from 'fast-check';
import type { Server } from 'restify';
import { fuzzBody, multipart } from './fuzz-bodies';
import { nastyText } from '../../tests/integration/ops/hostile-http';

/** One route as the server registered it (restify's router), e.g. POST /api/agent/conversations/:id/claim. */
export interface Route {
  readonly method: string;
  readonly path: string;
}

/** Every route the server answers, read from its router: a new route is fuzzed without editing a list. */
export function routesOf(server: Server): Route[] {
  const routes = Object.values(server.router.getRoutes()) as unknown as {
    method: string;
    path: string | RegExp;
    spec?: { path?: string | RegExp };
  }[];
  return routes
    .map((r) => ({ method: r.method.toUpperCase(), path: String(r.spec?.path ?? r.path) }))
    .sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path)));
}

/** Credentials of a real session, so the fuzzer reaches the code behind each guard too. */
export interface FuzzCredentials {
  /** Values that fit route parameters (a real conversation id, upload id…), by parameter name or '*'. */
  readonly params: Readonly<Record<string, readonly string[]>>;
  /** Authorization header values that are valid somewhere (Direct Line, agent, supervisor, metrics). */
  readonly authorizations: readonly string[];
  /** The credential that owns a parameter value (a conversation's own token), sent with it often. */
  readonly owners?: Readonly<Record<string, string>>;
}

/** A 5xx the run knows about and reports apart (another change fixes it), matched narrowly. */
export interface ToleratedFailure {
  readonly why: string;
  matches(req: FuzzRequest, status: number): boolean;
}

export interface FuzzOptions {
  readonly url: string;
  readonly routes: readonly Route[];
  readonly credentials: FuzzCredentials;
  /** How many requests at most. */
  readonly requests: number;
  /** Stops early past this time (the run is bounded in both). */
  readonly timeBudgetMs: number;
  readonly seed: number;
  readonly concurrency?: number;
  readonly tolerated?: readonly ToleratedFailure[];
  /** Past this, a request is abandoned and counted as a timeout (also how long an SSE stream is read). */
  readonly requestTimeoutMs?: number;
}

/** One request on the wire. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** The route it was made from ("random" for made-up paths). */
  readonly route: string;
}

export interface FuzzResult {
  readonly requests: number;
  readonly byStatusClass: Readonly<Record<string, number>>;
  readonly status5xx: number;
  /** 5xx of `tolerated` kinds, by reason (not in status5xx). */
  readonly tolerated5xx: Readonly<Record<string, number>>;
  /** A few of the 5xx, to reproduce them. */
  readonly examples5xx: readonly string[];
  /** A few of the requests that got no answer in time. */
  readonly examplesTimeout: readonly string[];
  /** Connections the server cut (an oversized body is cut on purpose) or that timed out. */
  readonly networkErrors: number;
  readonly timeouts: number;
  /** Requests per route template (made-up paths under "random"). */
  readonly byRoute: Readonly<Record<string, { requests: number; status5xx: number }>>;
  readonly elapsedMs: number;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'BREW'];

/** Percent-encodes any string as UTF-8 bytes (lone surrogates too, which encodeURIComponent refuses). */
function pct(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** Printable ASCII a header value may hold (Node refuses the rest before sending). */
const headerText = (text: string) => text.replace(/[^\x20-\x7e]/g, '').slice(0, 4_000);

function fillPath(route: Route, params: FuzzCredentials['params']): fc.Arbitrary<string> {
  const names = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(route.path);
  const one = (name: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(params[name] ?? params['*'] ?? ['x'])) },
      { weight: 2, arbitrary: nastyText.map((t) => pct(t)) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('..', '%2e%2e%2f', '%00', 'a'.repeat(5_000), '%', '%ZZ', '%C0%AF'),
      },
    );
  return fc.tuple(...names.map(one)).map((values) => {
    let path = route.path;
    names.forEach((name, i) => (path = path.replace(`:${name}`, values[i]!)));
    return path;
  });
}

const query: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom(
            'watermark',
            'from',
            'to',
            'mask',
            'separator',
            'lang',
            'userId',
            'limit',
            'q',
            '__proto__',
          ),
          nastyText,
        ),
        { maxLength: 4 },
      )
      .map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${pct(v)}`).join('&')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('?%', '?a=%ZZ', '?' + 'a=1&'.repeat(2_000), '?watermark[]=1&watermark=2'),
  },
);

function fuzzRequest(routes: readonly Route[], credentials: FuzzCredentials): fc.Arbitrary<FuzzRequest> {
  // Routes that take input get more of the requests than static files.
  const weighted = fc.oneof(
    ...routes.map((route) => ({
      weight: route.method !== 'GET' ? 4 : route.path.includes(':') || route.path.startsWith('/api/') ? 2 : 1,
      arbitrary: fc.constant(route),
    })),
  );
  const known = weighted.chain((route) =>
    fc.record({
      route: fc.constant(`${route.method} ${route.path}`),
      method: fc.oneof(
        { weight: 4, arbitrary: fc.constant(route.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      path: fc.tuple(fillPath(route, credentials.params), query).map(([p, q]) => p + q),
      // Uploads take multipart bodies: mostly those, so the checks past the parser are reached.
      body: route.path.endsWith('/upload')
        ? fc.oneof({ weight: 3, arbitrary: multipart }, { weight: 1, arbitrary: fuzzBody })
        : fuzzBody,
    }),
  );
  const madeUp = fc.record({
    route: fc.constant('random'),
    body: fuzzBody,
    method: fc.constantFrom(...METHODS),
    path: fc.oneof(
      fc
        .constantFrom(...routes.map((r) => r.path.split('/:')[0]!))
        .chain((base) => nastyText.map((t) => `${base}/${pct(t)}`)),
      nastyText.map((t) => `/${pct(t)}`),
      fc.constantFrom(
        '//',
        '/./api/agent',
        '/api/../metrics',
        '/%2e%2e/etc/passwd',
        '/api/agent/',
        '/v3/directline//conversations',
      ),
    ),
  });
  const authorization = fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constantFrom(...credentials.authorizations) },
    { weight: 1, arbitrary: nastyText.map((t) => headerText(`Bearer ${t}`)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Bearer',
        'Basic YWxpY2U6YWxpY2U=',
        'bearer  ',
        'Bearer ' + 'a'.repeat(8_000),
      ),
    },
  );
  const extraHeaders = fc.dictionary(
    fc.constantFrom(
      'accept-language',
      'x-forwarded-for',
      'last-event-id',
      'accept',
      'origin',
      'cookie',
      'x-ms-conversation-id',
      'transfer-encoding-x',
    ),
    nastyText.map(headerText),
    { maxKeys: 3 },
  );
  return fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: known }, { weight: 1, arbitrary: madeUp }),
      authorization,
      extraHeaders,
    )
    .chain(([target, auth, extra]) => {
      const owner = Object.entries(credentials.owners ?? {}).find(([value]) =>
        target.path.includes(`/${value}`),
      )?.[1];
      // A conversation's own token half of the time: the checks past the token are fuzzed too.
      const paired = owner === undefined ? fc.constant(auth) : fc.constantFrom(auth, owner);
      return paired.map((chosen) => [target, chosen, target.body, extra] as const);
    })
    .map(([target, auth, b, extra]) => {
      const bytes = b.body;
      const headers: Record<string, string> = { ...extra };
      if (auth !== undefined) headers.authorization = auth;
      if (b.contentType !== undefined) headers['content-type'] = b.contentType;
      const withBody = target.method !== 'GET' && target.method !== 'HEAD' && bytes.length > 0;
      return {
        route: target.route,
        method: target.method,
        path: target.path,
        headers,
        ...(withBody ? { body: bytes } : {}),
      };
    });
}

const BATCH = 100;

function describeBody(req: FuzzRequest): string {
  const type = req.headers['content-type'] ?? 'no type';
  return req.body ? `${req.body.length} bytes, ${type}` : 'no body';
}

type Outcome = { status: number; excerpt: string } | 'network-error' | 'timeout';

/** Sends one request over a new loopback connection; an event stream is read for `timeoutMs` at most. */
function send(url: string, req: FuzzRequest, timeoutMs: number): Promise<Outcome> {
  const target = new URL(url);
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const outgoing = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, connection: 'close' },
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          res.destroy();
          return done({ status, excerpt: 'event stream' });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < 2_000) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () => done({ status, excerpt: Buffer.concat(chunks).toString('utf8').slice(0, 300) }));
        res.on('error', () => done({ status, excerpt: '(response cut)' }));
      },
    );
    const timer = setTimeout(() => {
      outgoing.destroy();
      done('timeout');
    }, timeoutMs);
    outgoing.on('error', () => done('network-error'));
    outgoing.end(req.body);
  });
}

/**
 * Sends up to `requests` generated requests (fixed seed: the same run each time) to every route,
 * `concurrency` at a time, and stops early once `timeBudgetMs` has passed.
 */
export async function fuzzRoutes(options: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const timeoutMs = options.requestTimeoutMs ?? 5_000;
  const arbitrary = fuzzRequest(options.routes, options.credentials);
  // Generated a batch at a time (batch i from seed + i): the same run each time, and oversized
  // bodies are never all in memory at once.
  let batch: FuzzRequest[] = [];
  let batchIndex = 0;
  let taken = 0;
  const nextRequest = (): FuzzRequest | undefined => {
    if (taken >= options.requests) return undefined;
    if (batch.length === 0) {
      const size = Math.min(BATCH, options.requests - batchIndex * BATCH);
      batch = fc.sample(arbitrary, { numRuns: size, seed: options.seed + batchIndex }).reverse();
      batchIndex++;
    }
    taken++;
    return batch.pop();
  };
  const byStatusClass: Record<string, number> = {};
  const byRoute: Record<string, { requests: number; status5xx: number }> = {};
  const examples5xx: string[] = [];
  const tolerated5xx: Record<string, number> = {};
  const examplesTimeout: string[] = [];
  let sent = 0;
  let networkErrors = 0;
  let timeouts = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (Date.now() - started >= options.timeBudgetMs) return;
      const req = nextRequest();
      if (!req) return;
      const outcome = await send(options.url, req, timeoutMs);
      sent++;
      const route = (byRoute[req.route] ??= { requests: 0, status5xx: 0 });
      route.requests++;
      if (outcome === 'network-error') networkErrors++;
      else if (outcome === 'timeout') {
        timeouts++;
        if (examplesTimeout.length < 10)
          examplesTimeout.push(`${req.method} ${req.path.slice(0, 200)} (${describeBody(req)})`);
      } else {
        const cls = `${Math.floor(outcome.status / 100)}xx`;
        byStatusClass[cls] = (byStatusClass[cls] ?? 0) + 1;
        const known =
          outcome.status >= 500 ? options.tolerated?.find((t) => t.matches(req, outcome.status)) : undefined;
        if (known) {
          byStatusClass[cls]--;
          tolerated5xx[known.why] = (tolerated5xx[known.why] ?? 0) + 1;
        } else if (outcome.status >= 500) {
          route.status5xx++;
          if (examples5xx.length < 10)
            examples5xx.push(
              `${outcome.status} ${req.method} ${req.path.slice(0, 200)} → ${outcome.excerpt}`,
            );
        }
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return {
    requests: sent,
    byStatusClass,
    status5xx: byStatusClass['5xx'] ?? 0,
    tolerated5xx,
    examples5xx,
    examplesTimeout,
    networkErrors,
    timeouts,
    byRoute,
    elapsedMs: Date.now() - started,
  };
}
