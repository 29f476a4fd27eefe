import type { StaticPieces } from './static-pieces';
import { encodePieces } from './tokenizer';

/**
 * A sentence vector with no model call: the weighted mean of its pieces' static vectors, L2-normalised,
 * on the calling thread (tokenize + a few hundred multiply-adds per piece). `weights` defaults to the
 * vocabulary prior; pass `fitPieceWeights(pieces, kbTexts)` for idf over the KB. A text without any
 * weighted piece gives a zero vector.
 */
export function makeFastPath(
  pieces: StaticPieces,
  weights: Float32Array = pieces.priorWeights,
): (text: string) => Float32Array {
  const d = pieces.dimensions;
  const table = pieces.vectors;
  return (text) => {
    const out = new Float32Array(d);
    for (const id of encodePieces(pieces.tokenizer, text)) {
      const w = weights[id] ?? 0;
      if (w === 0) continue;
      const row = id * d;
      for (let j = 0; j < d; j++) out[j]! += w * table[row + j]!;
    }
    let norm = 0;
    for (let j = 0; j < d; j++) norm += out[j]! * out[j]!;
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let j = 0; j < d; j++) out[j]! *= scale;
    }
    return out;
  };
}
