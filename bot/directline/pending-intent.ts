import { randomUUID } from 'node:crypto';

/**
 * A ledger entry written before its activity exists (the Redis store spreads conversations over
 * slots, so the two cannot be written in one script): "conversationId|~nonce". It never parses as
 * an activity id, whose tail is a 7-digit position.
 */
export function newIntent(conversationId: string): { readonly id: string; readonly nonce: string } {
  const nonce = randomUUID();
  return { id: `${conversationId}|~${nonce}`, nonce };
}

export function parseIntentId(
  ledgerId: string,
): { readonly conversationId: string; readonly nonce: string } | undefined {
  const found = /^(.+)\|~([0-9a-f-]{36})$/s.exec(ledgerId);
  return found?.[1] && found[2] ? { conversationId: found[1], nonce: found[2] } : undefined;
}
