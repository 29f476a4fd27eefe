import type { DenseVectors } from '../dense';
import type { LearnedStore } from '../learned-cache';
import type { Locale } from '../locale';
import type { TextsToEmbed, VectorSource } from '../vector-source';
import { embedPhrasings } from './embed-phrasings';
import { makeFastPath } from './fast-path';
import type { PhrasingCache } from './phrasing-cache';
import { fitPieceWeights } from './piece-weights';
import type { SentenceEncoder } from './sentence-encoder';
import type { StaticPieces } from './static-pieces';

/**
 * How the matcher uses the encoder:
 * - `fast`: static piece vectors (idf over the KB) for every text, on the calling thread;
 * - `full`: the model for the KB (disk-cached) and for every message (off the event loop);
 * - `cascade`: the lexical matcher decides, the full pass only where it is unsure (the default).
 */
export type EncoderPass = 'fast' | 'full' | 'cascade';

export interface EncoderVectorsOptions {
  readonly pass: EncoderPass;
  /** KB phrasing vectors kept on disk (never a customer's message); without it nothing is cached. */
  readonly cache?: PhrasingCache;
  /** Languages to embed (default both: see DEFAULT_ENCODER_LOCALES). */
  readonly locales?: readonly Locale[];
  /** Starts a second model copy that shares a large (cold-cache) KB build; closed when it ends. */
  readonly buildHelper?: () => Promise<SentenceEncoder>;
  /** What builds learned from the KB (weights, calibration), kept beside the vector cache. */
  readonly learned?: LearnedStore;
}

/**
 * USE lite is an English model (it cuts French into English pieces), yet on the demo French test
 * set it still added 2.8 points of in-scope accuracy (81.9 → 84.7 %, wrong 2.8 → 3.4 %, recall
 * unchanged; `npm run bench:matcher`), so both languages use it by default.
 */
export const DEFAULT_ENCODER_LOCALES: readonly Locale[] = ['fr', 'en'];

const CHUNK = 256;

/** What the encoder reads of a text: the USE vocabulary is cased, customers' capitals are noise. */
export function encoderText(text: string): string {
  return text.toLowerCase();
}

/** A VectorSource over the process's sentence encoder. */
export function encoderVectors(
  encoder: SentenceEncoder & { readonly staticPieces?: StaticPieces },
  options: EncoderVectorsOptions,
): VectorSource {
  const { pass } = options;
  const pieces = encoder.staticPieces;
  if (pass === 'fast' && !pieces) throw new Error(`encoder ${encoder.id} has no static piece table`);
  const label =
    pass === 'fast'
      ? `${encoder.id} fast path`
      : pass === 'full'
        ? `${encoder.id} full pass`
        : `${encoder.id}`;
  // The encoder answers repeated messages from its own in-memory LRU.
  const full = async (text: string): Promise<Float32Array | undefined> =>
    (await encoder.embed([encoderText(text)], 'live'))[0];
  return {
    label,
    cascade: pass === 'cascade',
    locales: options.locales ?? DEFAULT_ENCODER_LOCALES,
    ...(options.learned ? { learned: options.learned } : {}),
    async vectorsFor(_locale: Locale, texts: TextsToEmbed, onProgress): Promise<DenseVectors> {
      const total = texts.phrasings.length + texts.messages.length;
      const known = new Map<string, Float32Array>();
      if (pass === 'fast' && pieces) {
        const fast = makeFastPath(pieces, fitPieceWeights(pieces, texts.phrasings.map(encoderText)));
        for (const t of [...texts.phrasings, ...texts.messages]) known.set(t, fast(encoderText(t)));
        onProgress?.(total, total);
        return {
          dims: encoder.dimensions,
          label,
          vectorOf: (t) => known.get(t),
          embedQuery: async (t) => fast(encoderText(t)),
        };
      }
      // Both come from KB files already on disk; a live customer message never goes to this cache.
      const all = [...texts.phrasings, ...texts.messages];
      const vectors = options.cache
        ? await embedPhrasings(encoder, all.map(encoderText), options.cache, {
            onProgress: (p) => onProgress?.(p.cached + p.embedded, total),
            ...(options.buildHelper ? { helper: options.buildHelper } : {}),
          })
        : await inChunks(encoder, all.map(encoderText), (done) => onProgress?.(done, total));
      all.forEach((t, i) => known.set(t, vectors[i]!));
      return { dims: encoder.dimensions, label, vectorOf: (t) => known.get(t), embedQuery: full };
    },
  };
}

async function inChunks(
  encoder: SentenceEncoder,
  texts: readonly string[],
  onProgress: (done: number) => void,
): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += CHUNK) {
    out.push(...(await encoder.embed(texts.slice(i, i + CHUNK), 'background')));
    onProgress(out.length);
  }
  return out;
}
