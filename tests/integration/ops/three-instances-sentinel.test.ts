import { testSentinels } from '../../support/redis-shapes';
import { threeInstances } from './three-instances';

threeInstances('Redis Sentinel', () => {
  const { sentinels, name } = testSentinels();
  return {
    REDIS_SENTINELS: sentinels.map((s) => `${s.host}:${s.port}`).join(','),
    REDIS_SENTINEL_NAME: name,
  };
});
