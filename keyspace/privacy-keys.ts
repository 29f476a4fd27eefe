import { deploymentTag } from './slots';

/**
 * What erasure and the profile panel find a customer's data by. Small sets, in the deployment
 * slot: the e-mail link script writes both of its keys at once.
 */
export interface PrivacyKeys {
  /** Set of `["<channel>","<conversationId>"]`: every conversation of one signed customer. */
  customerConversations(customerId: string): string;
  /** Set of conversation ids that left this e-mail address (sha256 of it). */
  emailConversations(emailHash: string): string;
  /** String: the e-mail hash one conversation left. */
  conversationEmail(conversationId: string): string;
}

export function privacyKeys(prefix: string): PrivacyKeys {
  const base = `${deploymentTag(prefix)}:`;
  return Object.freeze({
    customerConversations: (customerId: string) => `${base}customer-conversations:${customerId}`,
    emailConversations: (emailHash: string) => `${base}email-conversations:${emailHash}`,
    conversationEmail: (conversationId: string) => `${base}conversation-email:${conversationId}`,
  });
}
