import type { Redis } from 'ioredis';
import { emailHash, type EmailLinks } from './email-links';

/**
 * `{prefix}:email-conversations:<sha256>`: set of conversation ids; `{prefix}:conversation-email:<id>`:
 * the hash that conversation is linked under (so an erasure by conversation finds the set). Both
 * live as long as the retention period, renewed at each link.
 */
export class RedisEmailLinks implements EmailLinks {
  private readonly byHash: string;
  private readonly ofConversation: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: { readonly prefix: string; readonly ttlSeconds: number },
  ) {
    this.byHash = `{${options.prefix}}:email-conversations:`;
    this.ofConversation = `{${options.prefix}}:conversation-email:`;
  }

  async link(email: string, conversationId: string): Promise<void> {
    const hash = emailHash(email);
    const ttl = this.options.ttlSeconds;
    const previous = await this.redis.getset(this.ofConversation + conversationId, hash);
    const tx = this.redis.multi();
    if (previous !== null && previous !== hash) tx.srem(this.byHash + previous, conversationId);
    await tx
      .expire(this.ofConversation + conversationId, ttl)
      .sadd(this.byHash + hash, conversationId)
      .expire(this.byHash + hash, ttl)
      .exec();
  }

  async conversationsOf(email: string): Promise<readonly string[]> {
    return (await this.redis.smembers(this.byHash + emailHash(email))).sort();
  }

  async forgetConversation(conversationId: string): Promise<void> {
    const hash = await this.redis.getdel(this.ofConversation + conversationId);
    // SREM deletes the set with its last member.
    if (hash !== null) await this.redis.srem(this.byHash + hash, conversationId);
  }
}
