import { MemoryStorage, type Storage } from 'botbuilder';
import type { RedisConnection } from '../redis/connection';
import { MemorySurveyStore, RedisSurveyStore, type SurveyStore } from '../../insights/index';
import type { Config } from '../config';
import { RedisDirectLineStore } from '../directline/redis-store';
import { InMemoryDirectLineStore, type DirectLineStore } from '../directline/store';
import type { HistoryStore } from '../history/history-store';
import { MemoryHistoryStore } from '../history/memory-history-store';
import { RedisHistoryStore } from '../history/redis-history-store';
import { MemoryCustomerConversations, type CustomerConversations } from '../privacy/customer-conversations';
import { RedisCustomerConversations } from '../privacy/redis-customer-conversations';
import { RedisRateLimitStore } from '../security/redis-rate-limit-store';
import { MemoryRateLimitStore, type RateLimitStore } from '../security/token-bucket';
import { RedisStorage } from '../storage/redis-storage';
import { MemoryInvitationCounts, type InvitationCounts } from '../widget/invitation-counts';
import { historyKeys, KEY_TTL_SECONDS, widgetKeys, withinRetention } from '../../keyspace/index';
import { RedisInvitationCounts } from '../widget/redis-invitation-counts';

/** Every store a deployment keeps its data in: all in memory, or all on one Redis. */
export interface Stores {
  /** The bot's conversation state. */
  readonly storage: Storage;
  /** Conversations and activity logs of the local Direct Line channel. */
  readonly directLineStore: DirectLineStore;
  /** Every conversation of each signed customer (erasure, the profile panel). */
  readonly customerConversations: CustomerConversations;
  readonly surveys: SurveyStore;
  readonly rateLimitStore: RateLimitStore;
  readonly history: HistoryStore;
  /** The widget's proactive invitations shown / accepted / dismissed per rule. */
  readonly invitationCounts: InvitationCounts;
}

export function memoryStores(config: Config): Stores {
  return {
    storage: new MemoryStorage(),
    directLineStore: new InMemoryDirectLineStore(),
    customerConversations: new MemoryCustomerConversations(),
    surveys: new MemorySurveyStore(),
    rateLimitStore: new MemoryRateLimitStore(),
    history: new MemoryHistoryStore(config.defaultLocale),
    invitationCounts: new MemoryInvitationCounts(),
  };
}

/** Idle conversations are forgotten after their keys' time to live (keyspace/ttl.ts), capped by the retention. */
export function redisStores(config: Config, connection: RedisConnection): Stores {
  const redis = connection.client;
  const retentionDays = config.surveyRetentionDays;
  const retention = retentionDays * 24 * 3600;
  const prefix = config.redisPrefix;
  return {
    storage: new RedisStorage(redis, {
      prefix,
      ttlSeconds: withinRetention(KEY_TTL_SECONDS.botState, retentionDays),
    }),
    directLineStore: new RedisDirectLineStore(redis, {
      prefix,
      ttlSeconds: withinRetention(KEY_TTL_SECONDS.directLine, retentionDays),
      durability: connection.durability,
    }),
    // As long as the longest-lived data it points to: surveys and handoff records (the retention).
    customerConversations: new RedisCustomerConversations(redis, { prefix, ttlSeconds: retention }),
    surveys: new RedisSurveyStore({ redis, keyPrefix: `${prefix}:insights` }),
    rateLimitStore: new RedisRateLimitStore(redis, prefix),
    // A conversation's history lives as long as its survey may (the retention period).
    history: new RedisHistoryStore(redis, {
      keys: historyKeys(prefix),
      ttlSeconds: retention,
      defaultLocale: config.defaultLocale,
    }),
    invitationCounts: new RedisInvitationCounts(redis, widgetKeys(prefix)),
  };
}
