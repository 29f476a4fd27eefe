import type { RedisCluster } from './redis-cluster';
import type { RedisSentinelGroup } from './redis-sentinel';
import type { RedisServer } from './redis-server';

/** What globalSetup leaves for globalTeardown (same process, so a global holds it). */
export interface SharedRedis {
  readonly server: RedisServer;
  readonly cluster: RedisCluster;
  readonly sentinel: RedisSentinelGroup;
}

export async function stopAll(shapes: readonly { stop(): Promise<void> }[]): Promise<void> {
  await Promise.all(shapes.map((shape) => shape.stop()));
}
