import { RedisEmailLinks } from '../privacy/redis-email-links';
import type { RedisClient } from '../redis/client';
import { RedisHandoffQueue } from '../../handoff/index';
import { RedisSurveyStore } from '../../insights/index';
import { agentKeys, historyKeys, KEY_TTL_SECONDS } from '../../keyspace/index';
import { RedisRelayLog } from '../agent/redis-relay-log';
import { RedisUploadStore } from '../agent/redis-upload-store';
import { RedisDirectLineStore } from '../directline/redis-store';
import { RedisStorage } from '../storage/redis-storage';
import { RedisCustomerConversations } from '../privacy/redis-customer-conversations';
import type { ErasureStores } from './customer-erasure';
import { RedisHistoryStore } from '../history/redis-history-store';

/** Unused by an erasure (it only deletes); the relay, upload and customer-index stores want one. */
const RELAY_LOG_TTL_SECONDS = KEY_TTL_SECONDS.relayLog;

/**
 * The stores of a deployment on Redis, keyed exactly as the server keys them (bot/root/stores.ts,
 * bot/root/agent-side.ts) under REDIS_PREFIX: what `relais privacy erase` works on.
 */
export function redisErasureStores(redis: RedisClient, prefix: string): ErasureStores {
  return {
    surveys: new RedisSurveyStore({ redis, keyPrefix: `${prefix}:insights` }),
    storage: new RedisStorage(redis, { prefix }),
    directLine: new RedisDirectLineStore(redis, { prefix }),
    relay: new RedisRelayLog(redis, agentKeys(prefix), RELAY_LOG_TTL_SECONDS),
    uploads: new RedisUploadStore(redis, agentKeys(prefix), RELAY_LOG_TTL_SECONDS),
    queue: new RedisHandoffQueue({ redis, config: { keyPrefix: prefix } }),
    customers: new RedisCustomerConversations(redis, { prefix, ttlSeconds: RELAY_LOG_TTL_SECONDS }),
    history: new RedisHistoryStore(redis, {
      keys: historyKeys(prefix),
      ttlSeconds: RELAY_LOG_TTL_SECONDS,
      defaultLocale: 'fr',
    }),
    emailLinks: new RedisEmailLinks(redis, { prefix, ttlSeconds: RELAY_LOG_TTL_SECONDS }),
  };
}
