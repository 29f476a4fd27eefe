import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/** Why a token was refused (never thrown: bad tokens are expected input). */
export type TokenProblem = 'malformed' | 'bad-signature' | 'invalid-payload';

const encode = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const mac = (body: string, secret: string): Buffer => createHmac('sha256', secret).update(body).digest();

/** `base64url(json).base64url(hmac-sha256)`: small, self-contained, checkable by any instance with the secret. */
export function signToken(payload: unknown, secret: string): string {
  const body = encode(JSON.stringify(payload));
  return `${body}.${mac(body, secret).toString('base64url')}`;
}

export function readToken<S extends z.ZodType>(
  token: string,
  secret: string,
  schema: S,
): { ok: true; payload: z.output<S> } | { ok: false; problem: TokenProblem } {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, problem: 'malformed' };
  // Compared as text: base64url decoding ignores a last character's spare bits, so two spellings
  // of one signature would both pass if the decoded bytes were compared.
  const expected = Buffer.from(mac(body, secret).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, problem: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, problem: 'invalid-payload' };
}
