import { z } from 'zod';
import { readToken, signToken } from '../../../bot/security/signed-token';

const SECRET = 'a-secret-long-enough-for-hmac-0123456789';
const schema = z.object({ conversationId: z.string() });
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('signed tokens', () => {
  const token = signToken({ conversationId: 'c-1' }, SECRET);

  it('reads back what was signed', () => {
    expect(readToken(token, SECRET, schema)).toEqual({ ok: true, payload: { conversationId: 'c-1' } });
  });

  it('refuses another spelling of the same signature bytes (spare bits of the last character)', () => {
    const last = token.at(-1)!;
    // The last of 43 characters carries 2 bits of the 32-byte MAC; flipping its lowest bit keeps the bytes.
    const twin = token.slice(0, -1) + ALPHABET[ALPHABET.indexOf(last) ^ 1];
    expect(Buffer.from(twin.split('.')[1]!, 'base64url')).toEqual(
      Buffer.from(token.split('.')[1]!, 'base64url'),
    );
    expect(readToken(twin, SECRET, schema)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a token signed with another secret, a changed body and a malformed one', () => {
    expect(
      readToken(signToken({ conversationId: 'c-1' }, 'another-secret-0123456789'), SECRET, schema),
    ).toEqual({
      ok: false,
      problem: 'bad-signature',
    });
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ conversationId: 'c-2' })).toString('base64url')}.${signature}`;
    expect(readToken(forged, SECRET, schema)).toEqual({ ok: false, problem: 'bad-signature' });
    expect(readToken('no-dot', SECRET, schema)).toEqual({ ok: false, problem: 'malformed' });
  });
});
