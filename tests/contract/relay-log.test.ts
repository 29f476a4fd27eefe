import { Redis } from 'ioredis';
import { agentKeys } from '../../keyspace/index';
import { RedisRelayLog } from '../../bot/agent/redis-relay-log';
import { MemoryRelayLog } from '../../bot/agent/relay-log';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { relayStoreErasureContract } from './relay-log.contract';

relayStoreErasureContract('memory', async () => ({ store: new MemoryRelayLog() }));

relayStoreErasureContract('Redis', async () => {
  const redis = new Redis(testRedisUrl());
  return {
    store: new RedisRelayLog(redis, agentKeys(uniquePrefix('relay')), 3600),
    dispose: async () => void (await redis.quit()),
  };
});
