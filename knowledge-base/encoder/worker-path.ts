import { existsSync } from 'node:fs';
import * as path from 'node:path';

const WORKER_FILE = 'encoder-worker.js';

/**
 * The compiled worker entry. Running from dist/ it sits beside this file; under ts-jest (sources run
 * from knowledge-base/) a worker thread cannot load TypeScript, so it is the build's copy in dist/
 * (`npm test` builds first).
 */
export function encoderWorkerPath(): string {
  const beside = path.join(__dirname, WORKER_FILE);
  if (existsSync(beside)) return beside;
  const repoRoot = path.resolve(__dirname, '..', '..');
  return path.join(repoRoot, 'dist', 'knowledge-base', 'encoder', WORKER_FILE);
}
