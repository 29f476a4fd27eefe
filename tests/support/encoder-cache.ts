import * as os from 'node:os';
import * as path from 'node:path';

/**
 * One warm encoder cache (the static piece table, ~10 s to build cold) shared by every test run on this
 * machine; the model id is part of each file name inside, so another model version never reads it.
 */
export const SHARED_ENCODER_CACHE_DIR = path.join(os.tmpdir(), 'relais-test-encoder-cache');
