import { randomBytes } from 'node:crypto';

/** A file a customer sent, kept for the agents of their conversation. */
export interface StoredUpload {
  readonly id: string;
  readonly conversationId: string;
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  readonly at: number;
}

export type NewUpload = Omit<StoredUpload, 'id'>;

/** How much one conversation may upload in all (UPLOAD_MAX_FILES/BYTES_PER_CONVERSATION). */
export interface UploadQuota {
  readonly files: number;
  readonly bytes: number;
}

/** `reserved`, or which part of the quota the upload would go past. */
export type Reservation = 'reserved' | 'files' | 'bytes';

/** Files customers sent; ids are random (128 bits), never derived from the name. Memory and Redis. */
export interface UploadStore {
  /**
   * Counts `files` files of `bytes` bytes against the conversation's quota, in one atomic step,
   * or refuses them all (nothing counted). Called before anything of the upload is kept.
   */
  reserve(conversationId: string, files: number, bytes: number, quota: UploadQuota): Promise<Reservation>;
  /** Gives back a reservation whose upload was not kept after all (a retry, a failure). */
  release(conversationId: string, files: number, bytes: number): Promise<void>;
  put(upload: NewUpload): Promise<StoredUpload>;
  get(id: string): Promise<StoredUpload | undefined>;
  /** Deletes every file of one conversation and its quota count (erasure, retention); how many files. */
  eraseConversation(conversationId: string): Promise<number>;
}

export function newUploadId(): string {
  return randomBytes(16).toString('base64url');
}

export class MemoryUploadStore implements UploadStore {
  private readonly files = new Map<string, StoredUpload>();
  private readonly used = new Map<string, { files: number; bytes: number }>();

  async reserve(
    conversationId: string,
    files: number,
    bytes: number,
    quota: UploadQuota,
  ): Promise<Reservation> {
    const used = this.used.get(conversationId) ?? { files: 0, bytes: 0 };
    if (used.files + files > quota.files) return 'files';
    if (used.bytes + bytes > quota.bytes) return 'bytes';
    this.used.set(conversationId, { files: used.files + files, bytes: used.bytes + bytes });
    return 'reserved';
  }

  async release(conversationId: string, files: number, bytes: number): Promise<void> {
    const used = this.used.get(conversationId);
    if (used)
      this.used.set(conversationId, {
        files: Math.max(0, used.files - files),
        bytes: Math.max(0, used.bytes - bytes),
      });
  }

  async put(upload: NewUpload): Promise<StoredUpload> {
    const stored = { ...upload, id: newUploadId() };
    this.files.set(stored.id, stored);
    return stored;
  }

  async get(id: string): Promise<StoredUpload | undefined> {
    return this.files.get(id);
  }

  async eraseConversation(conversationId: string): Promise<number> {
    const ids = [...this.files.values()].filter((f) => f.conversationId === conversationId).map((f) => f.id);
    for (const id of ids) this.files.delete(id);
    this.used.delete(conversationId);
    return ids.length;
  }
}
