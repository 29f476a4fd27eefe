import * as path from 'node:path';
import { LearnedFileStore } from '../learned-cache';
import type { Locale } from '../locale';
import type { VectorSource } from '../vector-source';
import { encoderVectors, type EncoderPass } from './encoder-vectors';
import type { EncoderLog } from './encoder-log';
import { loadEncoder, type EncoderMode } from './load-encoder';
import { DEFAULT_ENCODER_CACHE_DIR, PhrasingCache } from './phrasing-cache';
import type { EncoderStatus } from './sentence-encoder';
import type { EncoderStats } from './worker-encoder';

export interface OpenEncoderVectorsOptions {
  readonly mode: EncoderMode;
  readonly pass?: EncoderPass;
  readonly cacheDir?: string;
  readonly log?: EncoderLog;
  /** The weights package (tests name a missing one). */
  readonly modelPackage?: string;
  readonly locales?: readonly Locale[];
  /**
   * Model copies that embed a cold KB (default 2: the query worker and a helper closed when the
   * build ends; each copy takes 0.4–0.8 GB). 1 keeps the build to the query worker.
   */
  readonly buildWorkers?: 1 | 2;
}

export interface EncoderVectors {
  /** Undefined when the encoder is off or could not load: the Faq is then lexical only. */
  readonly vectors?: VectorSource;
  readonly status: EncoderStatus;
  readonly pass: EncoderPass;
  /** Batches, texts embedded, live-message cache hits and misses (undefined without an encoder). */
  stats(): EncoderStats | undefined;
  /** Stops the worker; the process can then exit. */
  close(): Promise<void>;
}

/** The process's encoder as the Faq reads it: loaded per `mode`, its KB vectors cached under `cacheDir`. */
export async function openEncoderVectors(options: OpenEncoderVectorsOptions): Promise<EncoderVectors> {
  const pass = options.pass ?? 'cascade';
  const cacheDir = path.resolve(options.cacheDir ?? DEFAULT_ENCODER_CACHE_DIR);
  const loaded = await loadEncoder({
    mode: options.mode,
    cacheDir,
    fastPath: pass === 'fast',
    ...(options.log ? { log: options.log } : {}),
    ...(options.modelPackage ? { modelPackage: options.modelPackage } : {}),
  });
  const encoder = loaded.encoder;
  if (!encoder) return { status: loaded.status, pass, stats: () => undefined, close: async () => undefined };
  const cache = await PhrasingCache.open({
    dir: cacheDir,
    modelId: encoder.id,
    dimensions: encoder.dimensions,
  });
  return {
    vectors: encoderVectors(encoder, {
      pass,
      cache,
      ...(loaded.startHelper && (options.buildWorkers ?? 2) > 1 ? { buildHelper: loaded.startHelper } : {}),
      ...(options.locales ? { locales: options.locales } : {}),
      learned: new LearnedFileStore(cacheDir, options.log),
    }),
    get status() {
      return encoder.status;
    },
    pass,
    stats: () => encoder.stats(),
    close: () => encoder.close(),
  };
}
