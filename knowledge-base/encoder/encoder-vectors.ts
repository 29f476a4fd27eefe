import type { DenseVectors } from '../dense';
import type { Locale } from '../locale';
import type { TextsToEmbed, VectorSource } from '../vector-source';
import { LruCache } from './lru-cache';
import type { SentenceEncoder } from './sentence-encoder';

/**
 * How the matcher uses the encoder: `fast` reads static piece vectors on the calling thread for
 * every text (no model call per message); `full` runs the model for the KB (cached) and for each
 * new message (off the event loop, micro-batched, an LRU for repeats).
 */
export type EncoderPass = 'fast' | 'full';

export interface EncoderVectorsOptions {
  readonly pass: EncoderPass;
  /**
   * Full-pass vectors of KB texts, through the on-disk phrasing cache when one is configured
   * (default: the encoder itself, nothing cached).
   */
  readonly embedPhrasings?: (
    texts: readonly string[],
    onProgress?: (done: number, total: number) => void,
  ) => Promise<Float32Array[]>;
  /** Repeated messages answered from memory; 0 disables. */
  readonly queryCacheSize?: number;
}

/** Texts per encoder call while building: large enough to batch well, small enough to report progress. */
const BUILD_CHUNK = 256;
const DEFAULT_QUERY_CACHE = 2000;

/** What the encoder reads of a text: the matcher's own limit applies to messages already. */
function encoderText(text: string): string {
  return text.toLowerCase();
}

/** A VectorSource over a sentence encoder. */
export function encoderVectors(encoder: SentenceEncoder, options: EncoderVectorsOptions): VectorSource {
  const pass = options.pass;
  const fast = encoder.fast;
  if (pass === 'fast' && !fast) throw new Error(`encoder ${encoder.id} has no fast path`);
  const embedPhrasings = options.embedPhrasings ?? ((texts) => embedInChunks(encoder, texts));
  const queries = new LruCache<string, Float32Array>(options.queryCacheSize ?? DEFAULT_QUERY_CACHE);
  return {
    label: `${encoder.id} (${pass === 'fast' ? 'fast path' : 'full pass'})`,
    async vectorsFor(_locale: Locale, texts: TextsToEmbed, onProgress): Promise<DenseVectors> {
      const all = [...texts.phrasings, ...texts.messages];
      const known = new Map<string, Float32Array>();
      if (pass === 'fast' && fast) {
        for (const t of all) known.set(t, fast(encoderText(t)));
        onProgress?.(all.length, all.length);
      } else {
        const total = all.length;
        const kb = await embedPhrasings(texts.phrasings.map(encoderText), (done) =>
          onProgress?.(done, total),
        );
        texts.phrasings.forEach((t, i) => known.set(t, kb[i]!));
        const messages = await embedInChunks(encoder, texts.messages.map(encoderText), (done) =>
          onProgress?.(texts.phrasings.length + done, total),
        );
        texts.messages.forEach((t, i) => known.set(t, messages[i]!));
      }
      return {
        dims: encoder.dimensions,
        label: `${encoder.id} (${pass === 'fast' ? 'fast path' : 'full pass'})`,
        vectorOf: (text) => known.get(text),
        embedQuery: async (text) => {
          const key = encoderText(text);
          if (pass === 'fast' && fast) return fast(key);
          const cached = queries.get(key);
          if (cached) return cached;
          const [vector] = await encoder.embed([key], 'live');
          if (vector) queries.set(key, vector);
          return vector;
        },
      };
    },
  };
}

async function embedInChunks(
  encoder: SentenceEncoder,
  texts: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += BUILD_CHUNK) {
    out.push(...(await encoder.embed(texts.slice(i, i + BUILD_CHUNK), 'background')));
    onProgress?.(out.length, texts.length);
  }
  return out;
}
