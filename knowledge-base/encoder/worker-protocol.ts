/** Messages between the encoder's owner and its worker thread (internal: both ends are this folder). */

export interface WorkerStart {
  /** Folder of the weights package (model.json, shards, vocab.json). */
  readonly modelDir: string;
  /** Test-only fault hook: the worker exits or stops answering on its n-th request (1-based). */
  readonly fault?: WorkerFault;
}

export interface WorkerFault {
  readonly kind: 'exit' | 'stall';
  readonly onRequest: number;
}

export type WorkerRequest =
  | { readonly type: 'embed'; readonly id: number; readonly texts: readonly string[] }
  /** Each piece id embedded alone, as a one-piece sentence (the static table of the fast path). */
  | { readonly type: 'embed-pieces'; readonly id: number; readonly pieces: Int32Array };

export type WorkerReply =
  | { readonly type: 'ready'; readonly dimensions: number; readonly loadMs: number }
  | { readonly type: 'load-failed'; readonly message: string }
  /** Row-major [count, dimensions], L2-normalised rows; a text with no pieces gets a zero row. */
  | { readonly type: 'vectors'; readonly id: number; readonly vectors: Float32Array }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
