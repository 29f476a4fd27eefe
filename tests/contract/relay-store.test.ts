import { Redis } from 'ioredis';
import { agentKeys } from '../../bot/agent/keys';
import { RedisRelayStore } from '../../bot/agent/redis-relay-store';
import { MemoryRelayStore } from '../../bot/agent/relay-store';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { relayStoreErasureContract } from './relay-store.contract';

relayStoreErasureContract('memory', async () => ({ store: new MemoryRelayStore() }));

relayStoreErasureContract('Redis', async () => {
  const redis = new Redis(testRedisUrl());
  return {
    store: new RedisRelayStore(redis, agentKeys(uniquePrefix('relay')), 3600),
    dispose: async () => void (await redis.quit()),
  };
});
