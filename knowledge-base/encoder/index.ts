/** The sentence encoder: what the matcher and the CLI import. */
export { embedPhrasings, type EmbedPhrasingsOptions, type PhrasingProgress } from './embed-phrasings';
export { SILENT_LOG, type EncoderLog } from './encoder-log';
export { makeFastPath } from './fast-path';
export { loadEncoder, type EncoderMode, type LoadEncoderOptions, type LoadedEncoder } from './load-encoder';
export { LruCache } from './lru-cache';
export { findModelPackage, MODEL_PACKAGE } from './model-package';
export { DEFAULT_ENCODER_CACHE_DIR, PhrasingCache, type PhrasingCacheOptions } from './phrasing-cache';
export { fitPieceWeights } from './piece-weights';
export {
  EncoderError,
  type EmbedPriority,
  type EncoderState,
  type EncoderStatus,
  type SentenceEncoder,
} from './sentence-encoder';
export type { StaticPieces } from './static-pieces';
export { ENCODER_TEXT_VERSION } from './text-version';
export { WorkerEncoder, type EncoderStats, type WorkerEncoderOptions } from './worker-encoder';
export { encoderText, encoderVectors, type EncoderPass, type EncoderVectorsOptions } from './encoder-vectors';
export {
  openEncoderVectors,
  type EncoderVectors,
  type OpenEncoderVectorsOptions,
} from './open-encoder-vectors';
