/** One conversation of a customer, as the stores key it (bot state is keyed by channel too). */
export interface CustomerConversation {
  readonly conversationId: string;
  readonly channel: string;
}

/**
 * Every conversation a signed customer had, recorded when the conversation starts or the customer
 * is identified: what an erasure goes by, so a conversation that never reached a survey is found
 * too. Memory and Redis (bot/privacy/redis-customer-conversations.ts).
 */
export interface CustomerConversations {
  /** Records the conversation (idempotent); on Redis it also renews the customer's index TTL. */
  add(customerId: string, conversation: CustomerConversation): Promise<void>;
  /** The customer's conversations, in conversation id order. */
  conversationsOf(customerId: string): Promise<readonly CustomerConversation[]>;
  /** Drops erased conversations from the index (conversations kept live stay, for the next run). */
  remove(customerId: string, conversations: readonly CustomerConversation[]): Promise<void>;
}

export const sameConversation = (a: CustomerConversation, b: CustomerConversation): boolean =>
  a.conversationId === b.conversationId && a.channel === b.channel;

export function byConversationId(a: CustomerConversation, b: CustomerConversation): number {
  if (a.conversationId !== b.conversationId) return a.conversationId < b.conversationId ? -1 : 1;
  return a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0;
}

/** The index inside the server's process (lost on restart, like every memory store). */
export class MemoryCustomerConversations implements CustomerConversations {
  private readonly byCustomer = new Map<string, CustomerConversation[]>();

  async add(customerId: string, conversation: CustomerConversation): Promise<void> {
    const known = this.byCustomer.get(customerId) ?? [];
    if (known.some((c) => sameConversation(c, conversation))) return;
    this.byCustomer.set(customerId, [...known, { ...conversation }]);
  }

  async conversationsOf(customerId: string): Promise<readonly CustomerConversation[]> {
    return [...(this.byCustomer.get(customerId) ?? [])].sort(byConversationId);
  }

  async remove(customerId: string, conversations: readonly CustomerConversation[]): Promise<void> {
    const left = (this.byCustomer.get(customerId) ?? []).filter(
      (c) => !conversations.some((gone) => sameConversation(gone, c)),
    );
    if (left.length === 0) this.byCustomer.delete(customerId);
    else this.byCustomer.set(customerId, left);
  }
}
