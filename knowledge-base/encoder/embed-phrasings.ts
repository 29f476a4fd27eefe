import type { PhrasingCache } from './phrasing-cache';
import type { SentenceEncoder } from './sentence-encoder';

export interface PhrasingProgress {
  /** Distinct texts that had to be embedded, and how many of them are done. */
  readonly embedded: number;
  readonly toEmbed: number;
  /** Distinct texts found in the disk cache. */
  readonly cached: number;
}

export interface EmbedPhrasingsOptions {
  readonly onProgress?: (progress: PhrasingProgress) => void;
  /** Texts per embed call (progress and intermediate flushes happen between chunks). */
  readonly chunk?: number;
  /** Write the cache file at most this often during a long build, so a killed build keeps most of its work. */
  readonly flushEveryMs?: number;
}

/**
 * Vectors of KB phrasings, in order: from the disk cache when the same text was embedded before by the
 * same model and text version, otherwise through the encoder at background priority (live queries go
 * first). Only what changed is embedded; the cache file is written at the end.
 */
export async function embedPhrasings(
  encoder: SentenceEncoder,
  texts: readonly string[],
  cache: PhrasingCache,
  options: EmbedPhrasingsOptions = {},
): Promise<Float32Array[]> {
  const missing = [...new Set(texts)].filter((t) => cache.get(t) === undefined);
  const distinct = new Set(texts).size;
  const chunk = options.chunk ?? 256;
  const flushEveryMs = options.flushEveryMs ?? 10_000;
  let lastFlush = Date.now();
  const report = (embedded: number): void =>
    options.onProgress?.({ embedded, toEmbed: missing.length, cached: distinct - missing.length });
  report(0);
  try {
    for (let from = 0; from < missing.length; from += chunk) {
      const part = missing.slice(from, from + chunk);
      const vectors = await encoder.embed(part, 'background');
      part.forEach((text, i) => cache.set(text, vectors[i]!));
      report(from + part.length);
      if (Date.now() - lastFlush >= flushEveryMs) {
        await cache.flush();
        lastFlush = Date.now();
      }
    }
  } catch (error) {
    // Keep what was embedded before the encoder gave up; the caller hears the encoder's error.
    await cache.flush().catch(() => undefined);
    throw error;
  }
  await cache.flush();
  return texts.map((t) => cache.get(t)!);
}
