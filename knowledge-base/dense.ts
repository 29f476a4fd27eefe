/**
 * Sentence vectors as the ranker reads them. The matcher never calls an encoder while it builds:
 * every text it trains or calibrates on is embedded first (cached, batched) and handed over as a
 * look-up, so the build stays synchronous and a missing vector simply means "lexical only".
 */

/** The vectors of a KB's texts, and how to get one for a new message. */
export interface DenseVectors {
  readonly dims: number;
  /** The vector of a text embedded before the build (phrasings, out-of-scope and calibration messages). */
  vectorOf(text: string): Float32Array | undefined;
  /** The vector of a customer's message; undefined when the encoder cannot answer (lexical only). */
  embedQuery(text: string): Promise<Float32Array | undefined>;
  /** What the status reports say about the vectors ("use-lite-en@0.2.0 fast path"). */
  readonly label: string;
}

/**
 * How much the sentence vector weighs beside the lexical features in the learned scorer's input
 * (both parts unit-norm). Chosen on CLINC150 k10 and the demo calibration sets; see docs/knowledge-base.md.
 */
export const DENSE_FEATURE_WEIGHT = 1;

export function dotDense(a: Float32Array, aOffset: number, b: Float32Array, dims: number): number {
  let sum = 0;
  for (let k = 0; k < dims; k++) sum += a[aOffset + k]! * b[k]!;
  return sum;
}

/** Each class's phrasing vectors summed and L2-normalised, one row per class (zeros for a class with none). */
export function classCentroids(
  vectors: ReadonlyArray<Float32Array | undefined>,
  labels: Int32Array,
  classCount: number,
  dims: number,
): Float32Array {
  const out = new Float32Array(classCount * dims);
  vectors.forEach((v, i) => {
    if (!v) return;
    const row = labels[i]! * dims;
    for (let k = 0; k < dims; k++) out[row + k]! += v[k]!;
  });
  for (let c = 0; c < classCount; c++) {
    let norm = 0;
    for (let k = 0; k < dims; k++) norm += out[c * dims + k]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < dims; k++) out[c * dims + k]! /= norm;
  }
  return out;
}
