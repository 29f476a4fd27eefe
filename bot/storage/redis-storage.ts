import { randomBytes } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { botStateKeys, type BotStateKeys } from '../../keyspace/index';
import type { RedisClient } from '../redis/client';
import { WRITE_ITEM_LUA } from './write-item.lua';

const COMMAND = 'relaisWriteItem';

interface WriteItemCommand {
  relaisWriteItem(key: string, expected: string, data: string, etag: string, ttl: string): Promise<unknown>;
}

export class StorageConflictError extends Error {
  readonly code = 'RELAIS_STORAGE_CONFLICT';
  constructor(readonly key: string) {
    // Same wording as botbuilder's MemoryStorage, so callers see one message whatever the store.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

export interface RedisStorageOptions {
  /** Key prefix of this deployment (REDIS_PREFIX). */
  readonly prefix: string;
  /** Expire items not written for this long (0 = never). */
  readonly ttlSeconds?: number;
}

/**
 * botbuilder Storage on Redis: conversation and user state shared by every bot instance. Each item
 * is written only if the stored one still has the eTag the writer read, checked and written in one
 * script, so two instances cannot overwrite each other's turn. Items live in slots of their own
 * (they spread over a Cluster): a write of several items checks every eTag before writing any, and
 * then writes each atomically; only a race between those two steps can leave some written.
 */
export class RedisStorage implements Storage {
  private readonly keys: BotStateKeys;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: RedisStorageOptions,
  ) {
    this.keys = botStateKeys(options.prefix);
    // defineCommand is per connection and idempotent; ioredis uses EVALSHA and falls back to EVAL.
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: WRITE_ITEM_LUA });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const replies = await Promise.all(
      keys.map((key) => this.redis.hmget(this.keys.item(key), 'data', 'etag')),
    );
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const [data, etag] = replies[i] ?? [null, null];
      if (data !== null && data !== undefined)
        items[key] = { ...(JSON.parse(data) as Record<string, unknown>), eTag: etag ?? undefined };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const writes = Object.keys(changes).map((key) => {
      const { eTag, ...data } = (changes[key] ?? {}) as { eTag?: unknown } & Record<string, unknown>;
      return { key, expected: typeof eTag === 'string' ? eTag : '', data: JSON.stringify(data) };
    });
    if (writes.length === 0) return;
    if (writes.length > 1) {
      const checked = writes.filter((w) => w.expected !== '' && w.expected !== '*');
      const current = await Promise.all(checked.map((w) => this.redis.hget(this.keys.item(w.key), 'etag')));
      const stale = checked.find((w, i) => current[i] !== null && current[i] !== w.expected);
      if (stale) throw new StorageConflictError(stale.key);
    }
    const command = this.redis as unknown as WriteItemCommand;
    const ttl = String(this.options.ttlSeconds ?? 0);
    for (const write of writes) {
      const etag = randomBytes(9).toString('base64url');
      const written = await command.relaisWriteItem(
        this.keys.item(write.key),
        write.expected,
        write.data,
        etag,
        ttl,
      );
      if (written !== 1) throw new StorageConflictError(write.key);
    }
  }

  async delete(keys: string[]): Promise<void> {
    // One DEL per item: on a Cluster, a DEL of several keys must stay within one slot.
    await Promise.all(keys.map((k) => this.redis.del(this.keys.item(k))));
  }
}
