import fc from 'fast-check';

export interface Hit {
  readonly status: number;
  readonly text: string;
}

/** Every hostile request the suites send (not their bookkeeping), so the docs can say how many were tried. */
export const tried = { count: 0 };

export async function hit(
  url: string,
  method: string,
  path: string,
  options: { body?: string | Uint8Array; contentType?: string; auth?: string; bookkeeping?: boolean } = {},
): Promise<Hit> {
  if (!options.bookkeeping) tried.count++;
  const headers: Record<string, string> = {};
  if (options.contentType !== undefined) headers['content-type'] = options.contentType;
  if (options.auth !== undefined) headers.authorization = options.auth;
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined && method !== 'GET'
      ? { body: typeof options.body === 'string' ? options.body : new Blob([new Uint8Array(options.body)]) }
      : {}),
  });
  return { status: res.status, text: await res.text() };
}

/** A refusal a client can act on: 4xx with an error message in the body (ours or restify's shape). */
export function clearError(h: Hit): string | undefined {
  try {
    const body = JSON.parse(h.text) as { error?: { message?: unknown }; message?: unknown };
    const message = body.error?.message ?? body.message;
    return typeof message === 'string' && message.length > 0 ? message : undefined;
  } catch {
    return undefined;
  }
}

/** Strings customers and attackers send: every Unicode plane, controls, bidi, lone surrogates, markup. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 50 }),
  fc.constantFrom(
    '\u0000',
    '\uFEFFOui',
    '\uD800',
    '\uDFFF\uD800',
    '\u202Eiuo\u202C',
    'e\u0301'.repeat(500),
    '🙂'.repeat(3000),
    '\r\n\r\nHTTP/1.1 200 OK',
    '<script>alert(1)</script><img src=x onerror=alert(1)>',
    '{{constructor.constructor("return process")()}}',
    '__proto__',
    '../../../../etc/passwd',
    'Oui'.padEnd(9_999, ' '),
    'a'.repeat(10_001),
  ),
);

/** JSON documents of every shape, including ones that mimic activities with wrong field types. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      type: fc.oneof(fc.constant('message'), fc.jsonValue({ maxDepth: 1 }), nastyText),
      text: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 1 })),
      locale: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 1 })),
      from: fc.jsonValue({ maxDepth: 2 }),
      channelData: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ clientActivityID: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 1 })) }),
      ),
      attachments: fc.jsonValue({ maxDepth: 2 }),
      value: fc.jsonValue({ maxDepth: 2 }),
      conversation: fc.jsonValue({ maxDepth: 2 }),
      serviceUrl: fc.oneof(nastyText, fc.constant('http://127.0.0.1:9/')),
      user: fc.jsonValue({ maxDepth: 2 }),
      agentId: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 1 })),
      password: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 1 })),
      presence: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 1 })),
      reason: fc.oneof(nastyText, fc.jsonValue({ maxDepth: 1 })),
      customer: fc.jsonValue({ maxDepth: 2 }),
      signature: fc.oneof(nastyText, fc.stringMatching(/^[0-9a-f]{64}$/)),
    },
    { requiredKeys: [] },
  ),
);

/** A body as bytes on the wire, with the content type it claims. */
export const nastyBody: fc.Arbitrary<{ body: string | Uint8Array; contentType?: string }> = fc.record(
  {
    body: fc.oneof(
      nastyJson.map((v) => JSON.stringify(v) ?? 'null'),
      nastyJson.map((v) => (JSON.stringify(v) ?? 'null').slice(0, -1)),
      nastyText,
      fc.uint8Array({ maxLength: 2_000 }),
      fc.constantFrom('{', '{"type":', '[', '{"a":1}}', 'null', '"message"', '{"__proto__":{"admin":true}}'),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
      'multipart/form-data',
      'application/jsonp',
    ),
  },
  { requiredKeys: ['body'] },
);
