import type { DenseVectors } from '../../knowledge-base/dense';

/** A made-up sentence vector: letter counts folded into 8 dimensions, unit length (no model needed). */
export function letterVector(text: string): Float32Array {
  const v = new Float32Array(8);
  for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % 8]! += 1;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/** Sentence vectors for any text, as a matcher reads them from an encoder. */
export const LETTER_VECTORS: DenseVectors = {
  dims: 8,
  label: 'letter counts',
  vectorOf: letterVector,
  embedQuery: async (t) => letterVector(t),
};
