import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The public benchmark data lives in ../shared beside a checkout (not in the repo). When it is
 * missing the benchmark says so and exits 2; no test depends on it.
 */
export function sharedDataFile(relative: string): string {
  const root = process.env.RELAIS_SHARED_DIR ?? resolve(__dirname, '..', '..', '..', '..', 'shared');
  const file = resolve(root, relative);
  if (!existsSync(file)) {
    process.stderr.write(
      `benchmark data not found: ${file}\n` +
        `This benchmark reads the public data in ../shared (beside the checkout) or $RELAIS_SHARED_DIR; it is not part of the repository.\n`,
    );
    process.exit(2);
  }
  return file;
}
