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

/** Files customers sent; ids are random (128 bits), never derived from the name. Memory and Redis. */
export interface UploadStore {
  put(upload: NewUpload): Promise<StoredUpload>;
  get(id: string): Promise<StoredUpload | undefined>;
  /** Deletes every file of one conversation (a customer's erasure, retention); how many there were. */
  eraseConversation(conversationId: string): Promise<number>;
}

export function newUploadId(): string {
  return randomBytes(16).toString('base64url');
}

export class MemoryUploadStore implements UploadStore {
  private readonly files = new Map<string, StoredUpload>();

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
    return ids.length;
  }
}
