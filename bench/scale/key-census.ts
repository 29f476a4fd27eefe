import { Redis } from 'ioredis';
import { familyMatcher, keyFamilies, trimPrefix, type SlotKind } from '../../keyspace/index';

/** Bytes Redis holds per slot kind for one prefix (MEMORY USAGE of every key), and keys matching no family. */
export interface Census {
  readonly bytes: Record<SlotKind, number>;
  readonly keys: number;
  readonly unknown: string[];
}

export async function keyCensus(url: string, prefix: string): Promise<Census> {
  const redis = new Redis(url);
  const families = keyFamilies(prefix).map((f) => ({ slot: f.slot, matcher: familyMatcher(f) }));
  const bytes: Record<SlotKind, number> = {
    deployment: 0,
    insights: 0,
    conversation: 0,
    upload: 0,
    'state item': 0,
    bucket: 0,
  };
  const unknown: string[] = [];
  let keys = 0;
  try {
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `{${trimPrefix(prefix)}*`, 'COUNT', 1000);
      cursor = next;
      for (const key of batch) {
        keys++;
        const family = families.find((f) => f.matcher.test(key));
        const size = Number((await redis.memory('USAGE', key)) ?? 0);
        if (family) bytes[family.slot] += size;
        else unknown.push(key);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return { bytes, keys, unknown };
}
