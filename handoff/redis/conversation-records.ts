import type { ConversationRecord } from '../conversation';
import { decodeConversation } from '../conversation-fields';
import { isHandoffState } from '../handoff-state';
import { HandoffError } from '../errors';
import type { ContactResult, ForgetResult } from '../results';
import type { ConversationRecords } from '../roles/conversation-records';
import { asFields, asString } from './replies';
import type { RedisCore } from './core';

/** The Redis store's records: read one, erase one, add the customer's e-mail address. */
export class RedisConversationRecords implements ConversationRecords {
  constructor(private readonly core: RedisCore) {}

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const id = this.core.policy.id(conversationId);
    const fields = await this.core.guard('get', () =>
      this.core.redis.hgetall(this.core.keys.conversation(id)),
    );
    return Object.keys(fields).length === 0 ? null : decodeConversation(id, fields);
  }

  async forget(conversationId: string): Promise<ForgetResult> {
    const id = this.core.policy.id(conversationId);
    const reply = (
      await this.core.run('forget', [this.core.keys.conversation(id), this.core.keys.activity], [id])
    ).map(asString);
    if (reply[0] === 'ok') return { ok: true, forgotten: reply[1] === '1' };
    const state = reply[2] ?? '';
    if (!isHandoffState(state))
      throw new HandoffError('STORE_FAILED', `forget: unexpected reply ${reply.join(' ')}`);
    return { ok: false, reason: 'active', state };
  }

  async setContactEmail(
    conversationId: string,
    email: string,
    options: { readonly onlyIfEmpty?: boolean } = {},
  ): Promise<ContactResult> {
    const id = this.core.policy.id(conversationId);
    const address = this.core.policy.email(email);
    const reply = await this.core.run(
      'setContactEmail',
      [this.core.keys.conversation(id)],
      [id, address, options.onlyIfEmpty ? '1' : '0', this.core.policy.now()],
    );
    if (asString(reply[0]) !== 'ok') return { ok: false, reason: 'not-found' };
    return {
      ok: true,
      stored: Number(reply[1]) === 1,
      conversation: decodeConversation(id, asFields(reply[2])),
    };
  }
}
