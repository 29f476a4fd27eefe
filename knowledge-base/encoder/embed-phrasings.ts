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
  /**
   * Starts one more model copy (a second worker) that shares a large build with `encoder`, and is
   * closed when the build ends: the query worker alone would take minutes on a cold cache. A helper
   * that fails to start or breaks mid-build leaves its work to `encoder`.
   */
  readonly helper?: () => Promise<SentenceEncoder>;
  /** Fewer texts than this to embed and no helper is started (its model load costs more than it saves). */
  readonly helperMinTexts?: number;
}

const HELPER_MIN_TEXTS = 1_000;

/**
 * Vectors of KB phrasings, in order: from the disk cache when the same text was embedded before by the
 * same model and text version, otherwise through the encoder at background priority (live queries go
 * first). Only what changed is embedded; the cache file is written at the end.
 *
 * The texts to embed are cut into fixed chunks whatever the number of workers, and each chunk goes
 * to the model as the same batches, so a text gets the same vector from one worker or two.
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
  const chunks: string[][] = [];
  for (let from = 0; from < missing.length; from += chunk) chunks.push(missing.slice(from, from + chunk));
  let lastFlush = Date.now();
  let embedded = 0;
  const report = (): void =>
    options.onProgress?.({ embedded, toEmbed: missing.length, cached: distinct - missing.length });
  report();
  let next = 0;
  let stopped = false;
  /** Takes chunks until none is left; a chunk the encoder could not embed goes back to the others. */
  const drain = async (worker: SentenceEncoder, onFailure: 'throw' | 'requeue'): Promise<void> => {
    while (!stopped && next < chunks.length) {
      const index = next++;
      const part = chunks[index]!;
      let vectors: Float32Array[];
      try {
        vectors = await worker.embed(part, 'background');
      } catch (error) {
        if (onFailure === 'throw') throw error;
        chunks.push(part);
        return;
      }
      part.forEach((text, i) => cache.set(text, vectors[i]!));
      embedded += part.length;
      report();
      if (Date.now() - lastFlush >= flushEveryMs) {
        lastFlush = Date.now();
        await cache.flush();
      }
    }
  };
  const wantsHelper = options.helper && missing.length >= (options.helperMinTexts ?? HELPER_MIN_TEXTS);
  const helperRun = wantsHelper ? runHelper(options.helper!, (h) => drain(h, 'requeue')) : undefined;
  try {
    await drain(encoder, 'throw');
    await helperRun;
    // The helper gave back a chunk after the query worker had finished: the query worker does it.
    await drain(encoder, 'throw');
  } catch (error) {
    // Keep what was embedded before the encoder gave up; the caller hears the encoder's error.
    stopped = true;
    await helperRun?.catch(() => undefined);
    await cache.flush().catch(() => undefined);
    throw error;
  }
  await cache.flush();
  return texts.map((t) => cache.get(t)!);
}

async function runHelper(
  start: () => Promise<SentenceEncoder>,
  work: (helper: SentenceEncoder) => Promise<void>,
): Promise<void> {
  let helper: SentenceEncoder;
  try {
    helper = await start();
  } catch {
    return; // the query worker does it all, as without a helper
  }
  try {
    await work(helper);
  } finally {
    await helper.close().catch(() => undefined);
  }
}
