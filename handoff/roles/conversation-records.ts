import type { ConversationRecord } from '../conversation';
import type { ContactResult, ForgetResult } from '../results';

/** One conversation's record, whatever its state: read it, erase it, add the customer's address. */
export interface ConversationRecords {
  get(conversationId: string): Promise<ConversationRecord | null>;
  /**
   * Deletes a conversation's record for a customer's erasure; refused (nothing deleted) while it
   * is queued, with an agent or an open ticket. `forgotten: false` when there was none.
   */
  forget(conversationId: string): Promise<ForgetResult>;
  /**
   * The e-mail address the customer gave in the chat, on that conversation's record (any state);
   * with `onlyIfEmpty`, kept out when an address is already on file (checked in the same step).
   */
  setContactEmail(
    conversationId: string,
    email: string,
    options?: { readonly onlyIfEmpty?: boolean },
  ): Promise<ContactResult>;
}
