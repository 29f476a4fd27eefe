import type { Cluster, Redis } from 'ioredis';

/**
 * A connection every store accepts: one server or Sentinel-managed primary (`Redis`), or a
 * Cluster. Stores only use what both offer; each multi-key command stays within one slot.
 */
export type RedisClient = Redis | Cluster;
