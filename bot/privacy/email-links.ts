import { createHash } from 'node:crypto';

/**
 * Which conversations an e-mail address was left in (a ticket's contact, or a signed customer's
 * address at escalation): how the agent's profile panel finds an anonymous visitor's earlier
 * conversations. Addresses are stored only as a hash. Each conversation keeps the hash it was
 * linked under, so an erasure (which goes by conversation) removes the link without the address.
 */
export interface EmailLinks {
  /** Idempotent; on Redis it renews the TTL (the retention period) of both sides of the link. */
  link(email: string, conversationId: string): Promise<void>;
  /** The conversations linked to this address, in id order. */
  conversationsOf(email: string): Promise<readonly string[]>;
  /** Drops the conversation's link (erasure, retention purge); nothing when it has none. */
  forgetConversation(conversationId: string): Promise<void>;
}

/** Case and surrounding spaces do not make another address. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export class MemoryEmailLinks implements EmailLinks {
  private readonly byHash = new Map<string, Set<string>>();
  private readonly hashOf = new Map<string, string>();

  async link(email: string, conversationId: string): Promise<void> {
    const hash = emailHash(email);
    const previous = this.hashOf.get(conversationId);
    if (previous !== undefined && previous !== hash) this.unlink(previous, conversationId);
    const set = this.byHash.get(hash) ?? new Set<string>();
    set.add(conversationId);
    this.byHash.set(hash, set);
    this.hashOf.set(conversationId, hash);
  }

  async conversationsOf(email: string): Promise<readonly string[]> {
    return [...(this.byHash.get(emailHash(email)) ?? [])].sort();
  }

  async forgetConversation(conversationId: string): Promise<void> {
    const hash = this.hashOf.get(conversationId);
    if (hash === undefined) return;
    this.unlink(hash, conversationId);
    this.hashOf.delete(conversationId);
  }

  private unlink(hash: string, conversationId: string): void {
    const set = this.byHash.get(hash);
    set?.delete(conversationId);
    if (set?.size === 0) this.byHash.delete(hash);
  }
}
