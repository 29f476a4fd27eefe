import type { Redis } from 'ioredis';

// A key held by two nodes after a cut migration: each copy read, and their union where it loses nothing.

export type Value =
  | { readonly type: 'list'; readonly items: string[] }
  | { readonly type: 'set'; readonly items: string[] }
  | { readonly type: 'zset'; readonly items: Map<string, number> }
  | { readonly type: 'hash'; readonly items: Map<string, string> }
  | { readonly type: 'string'; readonly items: string }
  | { readonly type: 'other'; readonly name: string };

/** A key's value as one node holds it; `asking` for the target, which does not own the slot. */
export async function read(
  redis: Redis,
  key: string,
  asking: boolean,
): Promise<{ value: Value; pttl: number }> {
  const ask = async (...args: (string | number)[]): Promise<unknown> => {
    if (asking) await redis.call('ASKING');
    return redis.call(args[0] as string, ...args.slice(1));
  };
  const type = String(await ask('TYPE', key));
  const pttl = Number(await ask('PTTL', key));
  // RESP3 (ioredis' default here) nests ZRANGE … WITHSCORES as pairs: flattened, as in RESP2.
  const flat = async (...args: string[]) =>
    ((await ask(...args)) as (string | string[])[]).flat().map(String);
  const pairs = (items: string[]) =>
    Array.from({ length: items.length / 2 }, (_, i) => [items[2 * i]!, items[2 * i + 1]!] as const);
  switch (type) {
    case 'list':
      return { value: { type, items: await flat('LRANGE', key, '0', '-1') }, pttl };
    case 'set':
      return { value: { type, items: await flat('SMEMBERS', key) }, pttl };
    case 'zset': {
      const items = pairs(await flat('ZRANGE', key, '0', '-1', 'WITHSCORES'));
      return { value: { type, items: new Map(items.map(([m, s]) => [m, Number(s)])) }, pttl };
    }
    case 'hash':
      return { value: { type, items: new Map(pairs(await flat('HGETALL', key))) }, pttl };
    case 'string':
      return { value: { type, items: String(await ask('GET', key)) }, pttl };
    default:
      return { value: { type: 'other', name: type }, pttl };
  }
}

/**
 * The union of both copies, or why there is none. Lists: the common prefix (the part the owner
 * kept from before the crash, if its replica had it), then the target's remainder (acknowledged
 * before the crash), then the owner's (written after the promotion).
 */
export function union(onTarget: Value, onOwner: Value): Value | string {
  if (onTarget.type !== onOwner.type)
    return `a ${describe(onTarget)} on the target, a ${describe(onOwner)} on the owner`;
  switch (onTarget.type) {
    case 'list': {
      const owner = (onOwner as typeof onTarget).items;
      let common = 0;
      while (
        common < owner.length &&
        common < onTarget.items.length &&
        owner[common] === onTarget.items[common]
      )
        common++;
      return { type: 'list', items: [...onTarget.items, ...owner.slice(common)] };
    }
    case 'set':
      return { type: 'set', items: [...new Set([...onTarget.items, ...(onOwner as typeof onTarget).items])] };
    case 'zset': {
      // Relais scores are times (due, seen, claimed): the later one is the newer fact.
      const items = new Map(onTarget.items);
      for (const [member, score] of (onOwner as typeof onTarget).items)
        items.set(member, Math.max(score, items.get(member) ?? score));
      return { type: 'zset', items };
    }
    case 'hash': {
      const items = new Map(onTarget.items);
      for (const [field, value] of (onOwner as typeof onTarget).items) {
        const there = items.get(field);
        // Which write came last is not known: a field both sides changed is left to a person.
        if (there !== undefined && there !== value) return `hash field "${field}" differs`;
        items.set(field, value);
      }
      return { type: 'hash', items };
    }
    case 'string':
      return onTarget.items === (onOwner as typeof onTarget).items ? onTarget : 'string values differ';
    default:
      return `a ${onTarget.name} is not merged`;
  }
}

const describe = (value: Value) => (value.type === 'other' ? value.name : value.type);
