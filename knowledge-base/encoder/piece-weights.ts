import type { StaticPieces } from './static-pieces';
import { encodePieces, RESERVED_PIECES } from './tokenizer';

/**
 * Idf weights of the pieces over a corpus (the KB's phrasings): idf = ln((1 + N) / (1 + df)) + 1, df the
 * number of texts containing the piece. A piece the corpus never shows gets the largest idf (df = 0):
 * rare in this domain, so telling. Reserved symbols (unknown, <s>…) weigh 0.
 */
export function fitPieceWeights(pieces: StaticPieces, texts: readonly string[]): Float32Array {
  const df = new Uint32Array(pieces.pieceCount);
  for (const text of texts) {
    for (const id of new Set(encodePieces(pieces.tokenizer, text))) df[id] = (df[id] ?? 0) + 1;
  }
  const n = texts.length;
  const weights = new Float32Array(pieces.pieceCount);
  for (let id = RESERVED_PIECES; id < pieces.pieceCount; id++)
    weights[id] = Math.log((1 + n) / (1 + df[id]!)) + 1;
  return weights;
}
