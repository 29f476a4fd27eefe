import type { Redis } from 'ioredis';
import { RedisRelayLog } from '../../bot/agent/redis-relay-log';
import { RedisDirectLineStore } from '../../bot/directline/redis-store';
import type { ReplicaWait } from '../../bot/redis/replicas';
import { agentKeys, KEY_TTL_SECONDS } from '../../keyspace/index';

/**
 * The two product writes that acknowledge a customer's message, built as the product builds them
 * (bot/root/stores.ts, bot/root/agent-side.ts), so `WAIT` runs through the real `replicated()`.
 * directline: the POST of a customer's activity (echo stored, pending turn leased).
 * relay: the relay log's appendOnce (a customer's line to an agent, or an agent's send).
 */
export const ACK_PATHS = ['directline', 'relay'] as const;
export type AckPath = (typeof ACK_PATHS)[number];

export interface AckTarget {
  /** Untimed setup (the conversations the messages go to). */
  prepare(): Promise<void>;
  /** One acknowledged message; `index` is unique within the target. */
  ack(index: number): Promise<void>;
}

/** Messages spread over this many conversations, as a busy deployment's would be. */
const CONVERSATIONS = 100;
const LEASE = { owner: 'bench-ack', ms: 60_000 } as const;

const conversationOf = (index: number): string => `ack-c${index % CONVERSATIONS}`;

function directLine(redis: Redis, prefix: string, wait: ReplicaWait): AckTarget {
  const store = new RedisDirectLineStore(redis, {
    prefix,
    ttlSeconds: KEY_TTL_SECONDS.directLine,
    durability: wait,
  });
  return {
    async prepare() {
      const createdAt = new Date().toISOString();
      for (let c = 0; c < CONVERSATIONS; c++)
        await store.createConversation({ id: conversationOf(c), userId: `u-${c}`, createdAt });
    },
    async ack(index) {
      const conversationId = conversationOf(index);
      const activity = {
        type: 'message',
        text: `bonjour ${index}`,
        from: { id: `u-${index % CONVERSATIONS}`, name: '', role: 'user' },
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        timestamp: new Date(),
      };
      const r = await store.append(conversationId, activity, `m-${index}`, LEASE);
      if (r.duplicate) throw new Error(`message ${index} stored twice`);
    },
  };
}

function relay(redis: Redis, prefix: string, wait: ReplicaWait): AckTarget {
  const log = new RedisRelayLog(redis, agentKeys(prefix), KEY_TTL_SECONDS.relayLog, wait);
  return {
    prepare: () => Promise.resolve(),
    async ack(index) {
      const line = { from: 'customer' as const, text: `bonjour ${index}`, at: Date.now() };
      const r = await log.appendOnce(conversationOf(index), `customer:m-${index}`, line);
      if (!r.created) throw new Error(`message ${index} stored twice`);
    },
  };
}

export function ackTarget(path: AckPath, redis: Redis, prefix: string, wait: ReplicaWait): AckTarget {
  return path === 'directline' ? directLine(redis, prefix, wait) : relay(redis, prefix, wait);
}
