import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';

/**
 * The token of a reopen link (the ticket answer's e-mail): it names the conversation and when the
 * link stops working, and shows neither. The conversation key is what the console, the logs and the
 * CSV exports show, so it is encrypted (AES-256-GCM), and the whole token is signed (HMAC-SHA256),
 * each with its own key derived from REOPEN_LINK_SECRET (HKDF). Any instance with the secret reads it;
 * nothing is stored.
 *
 * Layout, base64url: version (1 byte) | IV (12) | ciphertext | GCM tag (16) | HMAC (32).
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAC_BYTES = 32;
/** Longest token read: a 200-character key with its expiry fits well under it. */
const MAX_TOKEN_CHARS = 600;

const payloadSchema = z.strictObject({
  /** The conversation key. */
  c: z.string().min(1).max(200),
  /** Expiry, seconds since the epoch. */
  e: z.number().int().positive(),
});

export type ReopenTokenCheck =
  | { readonly ok: true; readonly conversationId: string; readonly expiresAt: number }
  | { readonly ok: false; readonly problem: 'malformed' | 'bad-signature' | 'expired' };

interface Keys {
  readonly encrypt: Buffer;
  readonly sign: Buffer;
}

function deriveKeys(secret: string): Keys {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', secret, 'relais reopen link', purpose, 32));
  return { encrypt: derive('aes-256-gcm'), sign: derive('hmac-sha256') };
}

export class ReopenTokens {
  private readonly keys: Keys;

  constructor(
    secret: string,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {
    if (secret.length < 32) throw new Error('the reopen link secret must be at least 32 characters');
    this.keys = deriveKeys(secret);
  }

  issue(conversationId: string): { token: string; expiresAt: number } {
    const expiresAt = this.clock().getTime() + this.ttlMs;
    const plain = Buffer.from(JSON.stringify({ c: conversationId, e: Math.floor(expiresAt / 1000) }));
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encrypt, iv);
    const sealed = Buffer.concat([
      Buffer.from([VERSION]),
      iv,
      cipher.update(plain),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    const token = Buffer.concat([sealed, this.mac(sealed)]).toString('base64url');
    return { token, expiresAt: Math.floor(expiresAt / 1000) * 1000 };
  }

  read(token: string): ReopenTokenCheck {
    if (token.length > MAX_TOKEN_CHARS || !/^[A-Za-z0-9_-]+$/.test(token))
      return { ok: false, problem: 'malformed' };
    const raw = Buffer.from(token, 'base64url');
    // Compared as text too: base64url decoding ignores a last character's spare bits.
    if (raw.toString('base64url') !== token) return { ok: false, problem: 'malformed' };
    if (raw.length < 1 + IV_BYTES + TAG_BYTES + MAC_BYTES + 1 || raw[0] !== VERSION)
      return { ok: false, problem: 'malformed' };
    const sealed = raw.subarray(0, raw.length - MAC_BYTES);
    const given = raw.subarray(raw.length - MAC_BYTES);
    if (!timingSafeEqual(given, this.mac(sealed))) return { ok: false, problem: 'bad-signature' };
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.keys.encrypt, sealed.subarray(1, 1 + IV_BYTES));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      plain = Buffer.concat([
        decipher.update(sealed.subarray(1 + IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      return { ok: false, problem: 'bad-signature' };
    }
    let json: unknown;
    try {
      json = JSON.parse(plain.toString('utf8'));
    } catch {
      return { ok: false, problem: 'malformed' };
    }
    const payload = payloadSchema.safeParse(json);
    if (!payload.success) return { ok: false, problem: 'malformed' };
    const expiresAt = payload.data.e * 1000;
    if (expiresAt <= this.clock().getTime()) return { ok: false, problem: 'expired' };
    return { ok: true, conversationId: payload.data.c, expiresAt };
  }

  private mac(data: Buffer): Buffer {
    return createHmac('sha256', this.keys.sign).update(data).digest();
  }
}
