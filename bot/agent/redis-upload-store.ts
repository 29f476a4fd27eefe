import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { AgentKeys } from './keys';
import { newUploadId, type NewUpload, type StoredUpload, type UploadStore } from './upload-store';

const metaSchema = z.object({
  conversationId: z.string(),
  name: z.string(),
  contentType: z.string(),
  at: z.coerce.number().int(),
});

/** One hash per file (metadata and bytes) and a set of each conversation's files, expiring with the relay log. */
export class RedisUploadStore implements UploadStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: AgentKeys,
    private readonly ttlSeconds: number,
  ) {}

  async put(upload: NewUpload): Promise<StoredUpload> {
    const stored = { ...upload, id: newUploadId() };
    const key = this.keys.upload(stored.id);
    const index = this.keys.uploadsOf(stored.conversationId);
    await this.redis
      .multi()
      .sadd(index, stored.id)
      .expire(index, this.ttlSeconds)
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
    const deleted = ids.length === 0 ? 0 : await this.redis.del(...ids.map((id) => this.keys.upload(id)));
    await this.redis.del(index);
    return deleted;
  }
}
