import type { Redis } from 'ioredis';
import { trimPrefix } from '../../keyspace/index';

/** Every key matching `pattern` with its whole value as text (binary fields as latin1), for scans. */
export async function redisContents(redis: Redis, pattern: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of await redis.keys(pattern)) {
    const type = await redis.type(key);
    let parts: (string | Buffer)[] = [];
    if (type === 'string') parts = [(await redis.getBuffer(key)) ?? ''];
    else if (type === 'hash') parts = Object.entries(await redis.hgetallBuffer(key)).flat();
    else if (type === 'list') parts = await redis.lrangeBuffer(key, 0, -1);
    else if (type === 'set') parts = await redis.smembersBuffer(key);
    else if (type === 'zset') parts = await redis.zrangeBuffer(key, '0', '-1');
    else if (type === 'stream') parts = [JSON.stringify(await redis.xrange(key, '-', '+'))];
    out.set(key, parts.map((p) => (Buffer.isBuffer(p) ? p.toString('latin1') : p)).join('\n'));
  }
  return out;
}

/** Every key of one deployment prefix, whichever slot it is in (keyspace/slots.ts). */
export async function deploymentKeys(redis: Redis, prefix: string): Promise<string[]> {
  const tag = `{${trimPrefix(prefix)}`;
  const keys = await redis.keys(`${tag}*`);
  return keys.filter((k) => k.startsWith(`${tag}}`) || k.startsWith(`${tag}:`)).sort();
}
