/**
 * The few TF.js calls the worker makes, typed here: @energetic-ai/core re-exports @tensorflow/tfjs-core
 * types it does not ship, so its own declarations resolve to nothing.
 */
export interface Tensor {
  readonly shape: number[];
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
  dispose(): void;
}

export interface GraphModel {
  executeAsync(inputs: Record<string, Tensor>): Promise<Tensor | Tensor[]>;
}

export interface TfRuntime {
  ready(): Promise<void>;
  getBackend(): string;
  tensor1d(values: Int32Array, dtype: 'int32'): Tensor;
  tensor2d(values: Int32Array, shape: [number, number], dtype: 'int32'): Tensor;
  loadGraphModel(url: string): Promise<GraphModel>;
}

/** The SentencePiece tokenizer of @energetic-ai/embeddings: text → piece ids. */
export interface PieceTokenizer {
  encode(text: string): number[];
}

/** vocab.json: [piece, log-probability] pairs; the first 6 are reserved symbols. */
export type Vocabulary = Array<[string, number]>;

export interface EmbeddingsPackage {
  EmbeddingsModel: new (data: { vocabulary: Vocabulary; model: GraphModel | null }) => {
    tokenizer: PieceTokenizer;
  };
}
