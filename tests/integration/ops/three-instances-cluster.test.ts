import { testClusterNodes } from '../../support/redis-shapes';
import { threeInstances } from './three-instances';

threeInstances('a Redis Cluster', () => ({
  REDIS_CLUSTER_NODES: testClusterNodes()
    .map((n) => `${n.host}:${n.port}`)
    .join(','),
}));
