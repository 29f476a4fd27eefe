import type { RedisClient } from '../../bot/redis/client';
import { clientFor, ready } from '../../bot/redis/connection';
import type { RedisShape } from '../../bot/redis/shape';
import { testClusterNodes, testSentinels } from './redis-shapes';

export type SharedShape = 'cluster' | 'sentinel';

/** The shared Cluster or Sentinel group of the test run, as the product's config would describe it. */
export function sharedShape(kind: SharedShape): RedisShape {
  return kind === 'cluster'
    ? { kind: 'cluster', nodes: testClusterNodes(), tls: false }
    : { kind: 'sentinel', ...testSentinels(), tls: false };
}

/** A ready client built by the product's own connection module (bot/redis/connection.ts). */
export async function connectShape(shape: RedisShape): Promise<RedisClient> {
  const client = clientFor(shape, 'server');
  await ready(client, shape);
  client.on('error', () => undefined); // a test that kills a node expects errors meanwhile
  return client;
}
