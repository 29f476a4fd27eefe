import { ReopenTokens } from '../../../bot/contact/reopen-token';
import { reopenLinkFor } from '../../../bot/contact/reopen-link';

const SECRET = 'reopen-secret-reopen-secret-0123456789';
const DAY = 24 * 3600_000;
const CONVERSATION = 'Xk3vQ9mZpL2rT8wYbN5cAa';

describe('reopen link tokens', () => {
  let now = Date.UTC(2026, 2, 11, 20, 0);
  const clock = () => new Date(now);
  const tokens = new ReopenTokens(SECRET, 7 * DAY, clock);

  beforeEach(() => {
    now = Date.UTC(2026, 2, 11, 20, 0);
  });

  it('reads back the conversation and the expiry, and never shows the conversation key', () => {
    const { token, expiresAt } = tokens.issue(CONVERSATION);
    expect(expiresAt).toBe(now + 7 * DAY);
    expect(tokens.read(token)).toEqual({ ok: true, conversationId: CONVERSATION, expiresAt });
    expect(token).not.toContain(CONVERSATION);
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain(CONVERSATION);
    // A fresh IV each time: two links to one conversation do not look alike.
    expect(tokens.issue(CONVERSATION).token).not.toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{100,200}$/);
  });

  it('refuses it once expired', () => {
    const { token } = tokens.issue(CONVERSATION);
    now += 7 * DAY - 1000;
    expect(tokens.read(token).ok).toBe(true);
    now += 1000;
    expect(tokens.read(token)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses every tampered byte and a wrong secret', () => {
    const { token } = tokens.issue(CONVERSATION);
    const raw = Buffer.from(token, 'base64url');
    for (let i = 1; i < raw.length; i++) {
      const bent = Buffer.from(raw);
      bent[i] = (bent[i] ?? 0) ^ 0x01;
      expect(tokens.read(bent.toString('base64url'))).toEqual({ ok: false, problem: 'bad-signature' });
    }
    const other = new ReopenTokens(`${SECRET}-other`, 7 * DAY, clock);
    expect(other.read(token)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses malformed tokens without throwing', () => {
    const { token } = tokens.issue(CONVERSATION);
    for (const bad of [
      '',
      'abc',
      `${token}.x`,
      `${token}A`,
      token.slice(0, -3),
      'a'.repeat(601),
      '%%%',
      token.replace(/^./, 'B'),
    ])
      expect(tokens.read(bad).ok).toBe(false);
    expect(() => new ReopenTokens('short', DAY, clock)).toThrow(/32 characters/);
  });

  it('builds the chat page link at PUBLIC_URL for web chat conversations only', () => {
    const link = reopenLinkFor(tokens, 'https://aide.example.fr/support');
    const fr = new URL(link({ id: CONVERSATION, language: 'fr' }) ?? '');
    expect(fr.origin + fr.pathname).toBe('https://aide.example.fr/support/');
    expect(fr.searchParams.get('lang')).toBeNull();
    expect(tokens.read(fr.searchParams.get('reprise') ?? '')).toMatchObject({
      ok: true,
      conversationId: CONVERSATION,
    });
    const en = new URL(link({ id: CONVERSATION, language: 'en' }) ?? '');
    expect(en.searchParams.get('lang')).toBe('en');
    expect(link({ id: 'bf:msteams:19:abc', language: 'fr' })).toBeUndefined();
  });
});
