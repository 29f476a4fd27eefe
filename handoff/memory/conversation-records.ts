import type { ConversationRecord } from '../conversation';
import { FIELD, decodeConversation } from '../conversation-fields';
import { LIVE_STATES } from '../handoff-state';
import type { ContactResult, ForgetResult } from '../results';
import type { ConversationRecords } from '../roles/conversation-records';
import type { MemoryCore } from './core';
/** The memory store's records: read one, erase one, add the customer's e-mail address. */
export class MemoryConversationRecords implements ConversationRecords {
  constructor(private readonly core: MemoryCore) {}

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const id = this.core.policy.id(conversationId);
    const c = this.core.conversations.get(id);
    return c ? decodeConversation(id, c) : null;
  }

  async forget(conversationId: string): Promise<ForgetResult> {
    const id = this.core.policy.id(conversationId);
    const c = this.core.conversations.get(id);
    if (!c) return { ok: true, forgotten: false };
    const state = this.core.stateOf(c);
    if (LIVE_STATES.includes(state)) return { ok: false, reason: 'active', state };
    this.core.conversations.delete(id);
    this.core.activity.remove(id);
    return { ok: true, forgotten: true };
  }

  async setContactEmail(
    conversationId: string,
    email: string,
    options: { readonly onlyIfEmpty?: boolean } = {},
  ): Promise<ContactResult> {
    const id = this.core.policy.id(conversationId);
    const address = this.core.policy.email(email);
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (options.onlyIfEmpty && decodeConversation(id, c).contact.email)
      return { ok: true, stored: false, conversation: decodeConversation(id, c) };
    c[FIELD.contactEmail] = address;
    c[FIELD.updatedAt] = String(this.core.policy.now());
    return { ok: true, stored: true, conversation: decodeConversation(id, c) };
  }
}
