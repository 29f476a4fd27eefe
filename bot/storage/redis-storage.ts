import type { Storage, StoreItems } from 'botbuilder';
import type { Redis } from 'ioredis';
import { WRITE_ITEMS_LUA } from './write-items.lua';

const COMMAND = 'relaisWriteItems';

interface WriteItemsCommand {
  relaisWriteItems(numberOfKeys: number, ...keysAndArgs: string[]): Promise<unknown>;
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
  /** Key prefix of this deployment; wrapped in a hash tag so every key lives in one Cluster slot. */
  readonly prefix: string;
  /** Expire items not written for this long (0 = never). */
  readonly ttlSeconds?: number;
}

/**
 * botbuilder Storage on Redis: conversation and user state shared by every bot instance. A write
 * carrying an eTag succeeds only if the stored item still has it, checked and written in one Lua
 * script, so two instances cannot overwrite each other's turn.
 */
export class RedisStorage implements Storage {
  private readonly base: string;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisStorageOptions,
  ) {
    this.base = `{${options.prefix}}:botstate:`;
    // defineCommand is per connection and idempotent; ioredis uses EVALSHA and falls back to EVAL.
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { lua: WRITE_ITEMS_LUA });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.key(key), 'data', 'etag');
    const replies = (await pipeline.exec()) ?? [];
    const items: StoreItems = {};
    keys.forEach((key, i) => {
      const [error, fields] = replies[i] ?? [new Error('no reply'), null];
      if (error) throw error;
      const [data, etag] = fields as [string | null, string | null];
      if (data !== null)
        items[key] = { ...(JSON.parse(data) as Record<string, unknown>), eTag: etag ?? undefined };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const keys = Object.keys(changes);
    if (keys.length === 0) return;
    const args: string[] = [String(this.options.ttlSeconds ?? 0)];
    for (const key of keys) {
      const { eTag, ...data } = (changes[key] ?? {}) as { eTag?: unknown } & Record<string, unknown>;
      args.push(typeof eTag === 'string' ? eTag : '', JSON.stringify(data));
    }
    const command = this.redis as unknown as WriteItemsCommand;
    const reply = await command.relaisWriteItems(
      keys.length + 1,
      `{${this.options.prefix}}:botstate-etag`,
      ...keys.map((k) => this.key(k)),
      ...args,
    );
    if (!Array.isArray(reply)) throw new Error(`unexpected reply from ${COMMAND}: ${JSON.stringify(reply)}`);
    if (reply[0] !== 1) throw new StorageConflictError(keys[Number(reply[1]) - 1] ?? '?');
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.redis.del(...keys.map((k) => this.key(k)));
  }

  private key(key: string): string {
    return `${this.base}${key}`;
  }
}
