import { startRedisCluster } from './redis-cluster';
import { startRedisSentinel } from './redis-sentinel';
import { startRedisServer } from './redis-server';
import { CLUSTER_NODES_VAR, formatAddresses, SENTINEL_NAME_VAR, SENTINELS_VAR } from './redis-shapes';
import { stopAll, type SharedRedis } from './shared-redis';

/**
 * The three Redis shapes the product runs on, shared by the whole run and started in parallel:
 * a standalone server, a cluster (3 primaries + 3 replicas) and a sentinel group. Each test uses
 * its own key prefix (never FLUSHALL).
 */
export default async function globalSetup(): Promise<void> {
  const started = await Promise.allSettled([startRedisServer(), startRedisCluster(), startRedisSentinel()]);
  const [server, cluster, sentinel] = started;
  if (server.status !== 'fulfilled' || cluster.status !== 'fulfilled' || sentinel.status !== 'fulfilled') {
    // Those that did start must not outlive the failed run.
    await stopAll(started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    throw failed?.reason;
  }
  process.env.RELAIS_TEST_REDIS_URL = server.value.url;
  process.env[CLUSTER_NODES_VAR] = formatAddresses(cluster.value.nodes);
  process.env[SENTINELS_VAR] = formatAddresses(sentinel.value.sentinels);
  process.env[SENTINEL_NAME_VAR] = sentinel.value.name;
  const shared: SharedRedis = { server: server.value, cluster: cluster.value, sentinel: sentinel.value };
  (globalThis as { __relaisRedis?: SharedRedis }).__relaisRedis = shared;
}
