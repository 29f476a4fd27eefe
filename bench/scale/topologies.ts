import { startRedisCluster } from '../../tests/support/redis-cluster';
import { startRedisServer } from '../../tests/support/redis-server';
import { startRedisSentinel } from '../../tests/support/redis-sentinel';

/** A Redis of one shape, started for the bench, and the variables that point Relais at it. */
export interface Topology {
  readonly shape: 'server' | 'sentinel' | 'cluster';
  /** Data nodes (primaries and replicas): what the machine runs besides Relais. */
  readonly processes: number;
  readonly env: Record<string, string>;
  /** A plain address of one node, for the key census (standalone only). */
  readonly url?: string;
  stop(): Promise<void>;
}

const list = (nodes: readonly { host: string; port: number }[]) =>
  nodes.map((n) => `${n.host}:${n.port}`).join(',');

export async function startTopology(shape: Topology['shape']): Promise<Topology> {
  switch (shape) {
    case 'server': {
      const redis = await startRedisServer({ durable: false });
      return { shape, processes: 1, env: { REDIS_URL: redis.url }, url: redis.url, stop: () => redis.stop() };
    }
    case 'sentinel': {
      const group = await startRedisSentinel();
      return {
        shape,
        processes: 2 + group.sentinels.length,
        env: { REDIS_SENTINELS: list(group.sentinels), REDIS_SENTINEL_NAME: group.name },
        stop: () => group.stop(),
      };
    }
    case 'cluster': {
      const cluster = await startRedisCluster();
      return {
        shape,
        processes: cluster.nodes.length,
        env: { REDIS_CLUSTER_NODES: list(cluster.nodes) },
        stop: () => cluster.stop(),
      };
    }
  }
}
