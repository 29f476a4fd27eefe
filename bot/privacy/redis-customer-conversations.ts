import { privacyKeys } from '../../keyspace/index';
import type { RedisClient } from '../redis/client';
import { z } from 'zod';
import {
  byConversationId,
  type CustomerConversation,
  type CustomerConversations,
} from './customer-conversations';

const memberSchema = z.tuple([z.string(), z.string()]);

/**
 * One set per customer (keyspace/privacy-keys.ts), whose members are
 * `["<channel>","<conversationId>"]`. Its TTL is renewed on every identified turn and is the
 * longest the data it points to can live (the retention period), so the index never outlives
 * what it finds nor forgets a conversation that still has data.
 */
export class RedisCustomerConversations implements CustomerConversations {
  private readonly base: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: { readonly prefix: string; readonly ttlSeconds: number },
  ) {
    this.base = privacyKeys(options.prefix).customerConversations('');
  }

  async add(customerId: string, conversation: CustomerConversation): Promise<void> {
    const key = this.base + customerId;
    await this.redis.multi().sadd(key, member(conversation)).expire(key, this.options.ttlSeconds).exec();
  }

  async conversationsOf(customerId: string): Promise<readonly CustomerConversation[]> {
    const members = await this.redis.smembers(this.base + customerId);
    const conversations: CustomerConversation[] = [];
    for (const raw of members) {
      const parsed = memberSchema.safeParse(parseJson(raw));
      // A member this code did not write points nowhere it can erase: skipped, not thrown.
      if (parsed.success) conversations.push({ channel: parsed.data[0], conversationId: parsed.data[1] });
    }
    return conversations.sort(byConversationId);
  }

  async remove(customerId: string, conversations: readonly CustomerConversation[]): Promise<void> {
    if (conversations.length === 0) return;
    // SREM deletes the set with its last member.
    await this.redis.srem(this.base + customerId, ...conversations.map(member));
  }
}

const member = (c: CustomerConversation): string => JSON.stringify([c.channel, c.conversationId]);

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}
