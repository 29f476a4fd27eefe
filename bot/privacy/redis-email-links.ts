import { privacyKeys } from '../../keyspace/index';
import type { RedisClient } from '../redis/client';
import { emailHash, type EmailLinks } from './email-links';

/** KEYS[1] conversation → hash, KEYS[2] the address's set; ARGV id, hash, ttl, set key base. */
const LINK = `
local previous = redis.call('GET', KEYS[1])
if previous and previous ~= ARGV[2] then redis.call('SREM', ARGV[4] .. previous, ARGV[1]) end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return 1`;

/**
 * A set of conversation ids per address hash, and per conversation the hash that conversation is linked under (so an erasure by conversation finds the set). Both
 * live as long as the retention period, renewed at each link.
 */
export class RedisEmailLinks implements EmailLinks {
  private readonly byHash: string;
  private readonly ofConversation: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: { readonly prefix: string; readonly ttlSeconds: number },
  ) {
    const keys = privacyKeys(options.prefix);
    this.byHash = keys.emailConversations('');
    this.ofConversation = keys.conversationEmail('');
  }

  async link(email: string, conversationId: string): Promise<void> {
    // One script: a conversation linked to two addresses at once ends up in exactly one set.
    await this.redis.eval(
      LINK,
      2,
      this.ofConversation + conversationId,
      this.byHash + emailHash(email),
      conversationId,
      emailHash(email),
      String(this.options.ttlSeconds),
      this.byHash,
    );
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
