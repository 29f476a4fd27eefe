import type { RedisClient } from '../redis/client';
import { z } from 'zod';
import type { AgentKeys } from '../../keyspace/index';
import { RESERVE_UPLOAD_LUA } from './reserve-upload.lua';
import {
  newUploadId,
  type NewUpload,
  type Reservation,
  type StoredUpload,
  type UploadQuota,
  type UploadStore,
} from './upload-store';

const COMMAND = 'relaisReserveUpload';

type WithReserve = RedisClient & {
  [COMMAND](
    key: string,
    files: number,
    bytes: number,
    most: number,
    mostBytes: number,
    ttl: number,
  ): Promise<number>;
};

const metaSchema = z.object({
  conversationId: z.string(),
  name: z.string(),
  contentType: z.string(),
  at: z.coerce.number().int(),
});

/**
 * One hash per file (metadata and bytes, in a slot of its own: files spread over a Cluster), a set
 * of each conversation's files and its quota usage (in the conversation's slot), all expiring with
 * the relay log.
 */
export class RedisUploadStore implements UploadStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: AgentKeys,
    private readonly ttlSeconds: number,
  ) {
    if (!(COMMAND in redis)) redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: RESERVE_UPLOAD_LUA });
  }

  async reserve(
    conversationId: string,
    files: number,
    bytes: number,
    quota: UploadQuota,
  ): Promise<Reservation> {
    const code = await (this.redis as WithReserve)[COMMAND](
      this.keys.uploadUsage(conversationId),
      files,
      bytes,
      quota.files,
      quota.bytes,
      this.ttlSeconds,
    );
    return code === 1 ? 'reserved' : code === -1 ? 'files' : 'bytes';
  }

  async release(conversationId: string, files: number, bytes: number): Promise<void> {
    const key = this.keys.uploadUsage(conversationId);
    await this.redis
      .multi()
      .hincrby(key, 'files', -files)
      .hincrby(key, 'bytes', -bytes)
      .expire(key, this.ttlSeconds)
      .exec();
  }

  async put(upload: NewUpload): Promise<StoredUpload> {
    const stored = { ...upload, id: newUploadId() };
    const key = this.keys.upload(stored.id);
    const index = this.keys.uploadsOf(stored.conversationId);
    // The bytes live in the upload's own slot, the index in the conversation's: two steps, the
    // index first, so an erasure always finds a file that was stored (an index entry whose file
    // never arrived is ignored by get and deleted with the rest).
    await this.redis.multi().sadd(index, stored.id).expire(index, this.ttlSeconds).exec();
    await this.redis
      .multi()
      .hset(key, {
        conversationId: stored.conversationId,
        name: stored.name,
        contentType: stored.contentType,
        at: String(stored.at),
        bytes: stored.bytes,
      })
      .expire(key, this.ttlSeconds)
      .exec();
    return stored;
  }

  async get(id: string): Promise<StoredUpload | undefined> {
    const raw = await this.redis.hgetallBuffer(this.keys.upload(id));
    const bytes = raw.bytes;
    const meta = metaSchema.safeParse(
      Object.fromEntries(
        Object.entries(raw)
          .filter(([field]) => field !== 'bytes')
          .map(([field, value]) => [field, value.toString('utf8')]),
      ),
    );
    if (!bytes || !meta.success) return undefined;
    return { id, ...meta.data, bytes };
  }

  async eraseConversation(conversationId: string): Promise<number> {
    const index = this.keys.uploadsOf(conversationId);
    const ids = await this.redis.smembers(index);
    // One DEL per file: each is in a slot of its own.
    const deleted = (await Promise.all(ids.map((id) => this.redis.del(this.keys.upload(id))))).reduce(
      (sum, n) => sum + n,
      0,
    );
    await this.redis.del(index, this.keys.uploadUsage(conversationId));
    return deleted;
  }
}
