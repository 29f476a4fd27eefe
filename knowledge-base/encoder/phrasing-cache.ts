import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { ENCODER_TEXT_VERSION } from './text-version';
import { fileSafe, readVectorFile, writeVectorFile } from './vector-file';

/** Where vectors are kept unless told otherwise: gitignored, beside the process's working directory. */
export const DEFAULT_ENCODER_CACHE_DIR = path.join('.relais-data', 'encoder-cache');

export interface PhrasingCacheOptions {
  readonly dir?: string;
  readonly modelId: string;
  readonly dimensions: number;
  readonly textVersion?: number;
}

/**
 * KB phrasing vectors on disk, keyed by model id, text version and the SHA-256 of the text. For KB
 * phrasings ONLY: a customer's message must never be written here (erasure could not find it).
 * One file per model and version; a corrupt or foreign file is ignored and rewritten on the next flush.
 */
export class PhrasingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly modelId: string,
    private readonly dimensions: number,
    private readonly textVersion: number,
  ) {}

  static async open(options: PhrasingCacheOptions): Promise<PhrasingCache> {
    const textVersion = options.textVersion ?? ENCODER_TEXT_VERSION;
    const dir = path.resolve(options.dir ?? DEFAULT_ENCODER_CACHE_DIR);
    const file = path.join(dir, `phrasings-${fileSafe(options.modelId)}-t${textVersion}.bin`);
    const cache = new PhrasingCache(file, options.modelId, options.dimensions, textVersion);
    const stored = await readVectorFile(file, {
      kind: 'phrasings',
      modelId: options.modelId,
      textVersion,
      dimensions: options.dimensions,
    });
    if (stored) {
      const d = options.dimensions;
      for (let i = 0; i < stored.header.count; i++) {
        const key = stored.keys.toString('hex', i * 32, (i + 1) * 32);
        cache.vectors.set(key, stored.vectors.slice(i * d, (i + 1) * d));
      }
    }
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(textKey(text));
  }

  set(text: string, vector: Float32Array): void {
    if (vector.length !== this.dimensions) throw new RangeError(`expected ${this.dimensions} dimensions`);
    this.vectors.set(textKey(text), vector);
    this.dirty = true;
  }

  /** Writes the file (temp + rename) when something changed since the last flush. */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const entries = [...this.vectors];
    const keys = Buffer.alloc(entries.length * 32);
    const vectors = new Float32Array(entries.length * this.dimensions);
    entries.forEach(([key, vector], i) => {
      keys.write(key, i * 32, 'hex');
      vectors.set(vector, i * this.dimensions);
    });
    try {
      await writeVectorFile(this.file, {
        header: {
          kind: 'phrasings',
          modelId: this.modelId,
          textVersion: this.textVersion,
          dimensions: this.dimensions,
          count: entries.length,
        },
        keys,
        vectors,
      });
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }
}

function textKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
