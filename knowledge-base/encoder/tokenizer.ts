import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { EmbeddingsPackage, PieceTokenizer, Vocabulary } from './tf-runtime';

/** Pieces 0–5 are reserved symbols (unknown, <s>, </s>, extras): never part of a sentence's mean. */
export const RESERVED_PIECES = 6;

const localRequire = createRequire(__filename);

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
