import { Cluster } from 'ioredis';
import type { RedisShape } from '../../bot/redis/shape';
import { trimPrefix } from '../../keyspace/index';
import { connectShape } from './shape-clients';

/** The variables that put a Relais process on `shape` (no passwords or TLS in the test topologies). */
export function envForShape(shape: RedisShape): Record<string, string> {
  const list = (nodes: readonly { host: string; port: number }[]) =>
    nodes.map((n) => `${n.host}:${n.port}`).join(',');
  if (shape.kind === 'standalone') return { REDIS_URL: shape.url };
  if (shape.kind === 'sentinel')
    return { REDIS_SENTINELS: list(shape.sentinels), REDIS_SENTINEL_NAME: shape.name };
  return { REDIS_CLUSTER_NODES: list(shape.nodes) };
}

/** Every key of one deployment prefix on `shape`, with the primary that holds it (host:port). */
export async function keysOnShape(shape: RedisShape, prefix: string): Promise<Map<string, string>> {
  const client = await connectShape(shape);
  const tag = `{${trimPrefix(prefix)}`;
  const mine = (k: string) => k.startsWith(`${tag}}`) || k.startsWith(`${tag}:`);
  const found = new Map<string, string>();
  try {
    const primaries = client instanceof Cluster ? client.nodes('master') : [client];
    for (const node of primaries) {
      const where = `${node.options.host ?? ''}:${node.options.port ?? ''}`;
      for (const key of await node.keys(`${tag}*`)) if (mine(key)) found.set(key, where);
    }
  } finally {
    client.disconnect();
  }
  return found;
}
