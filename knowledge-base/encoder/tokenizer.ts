import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { EmbeddingsPackage, PieceTokenizer, Vocabulary } from './tf-runtime';

/** Pieces 0–5 are reserved symbols (unknown, <s>, </s>, extras): never part of a sentence's mean. */
export const RESERVED_PIECES = 6;

/**
 * Characters of a text that reach the tokenizer: its lattice search is quadratic in the length, and a
 * support message's meaning is in its first lines. Both the full pass and the fast path cut here.
 */
export const MAX_TEXT_CHARS = 1000;

const localRequire = createRequire(__filename);

/** Piece ids of a text, cut to MAX_TEXT_CHARS. */
export function encodePieces(tokenizer: PieceTokenizer, text: string): number[] {
  return tokenizer.encode(text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);
}

export function readVocabulary(modelDir: string): Vocabulary {
  return JSON.parse(readFileSync(path.join(modelDir, 'vocab.json'), 'utf8')) as Vocabulary;
}

/**
 * The package's own SentencePiece tokenizer, on the calling thread. @energetic-ai/embeddings exports it
 * only as a member of EmbeddingsModel, whose constructor builds it and keeps the (here absent) model.
 */
export function pieceTokenizer(vocabulary: Vocabulary): PieceTokenizer {
  const { EmbeddingsModel } = localRequire('@energetic-ai/embeddings') as EmbeddingsPackage;
  return new EmbeddingsModel({ vocabulary, model: null }).tokenizer;
}
