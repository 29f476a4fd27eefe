import { existsSync } from 'node:fs';
import * as path from 'node:path';

const WORKER_FILE = 'kb-build-worker.js';

/**
 * The compiled build thread. Running from dist/ it sits beside this file; under ts-jest (sources
 * run from bot/) a worker thread cannot load TypeScript, so it is the build's copy in dist/
 * (`npm test` builds first), as for the encoder's worker.
 */
export function kbBuildWorkerPath(): string {
  const beside = path.join(__dirname, WORKER_FILE);
  if (existsSync(beside)) return beside;
  return path.join(path.resolve(__dirname, '..', '..'), 'dist', 'bot', 'kb-admin', WORKER_FILE);
}
