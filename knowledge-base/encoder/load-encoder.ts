import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { SILENT_LOG, type EncoderLog } from './encoder-log';
import { makeFastPath } from './fast-path';
import { findModelPackage, MODEL_PACKAGE } from './model-package';
import { DEFAULT_ENCODER_CACHE_DIR } from './phrasing-cache';
import { EncoderError, type EncoderStatus, type SentenceEncoder } from './sentence-encoder';
import { loadStaticPieces } from './static-pieces';
import { pieceTokenizer, readVocabulary } from './tokenizer';
import { WorkerEncoder, type WorkerEncoderOptions } from './worker-encoder';
import { encoderWorkerPath } from './worker-path';

export type EncoderMode = 'off' | 'on' | 'auto';

export interface LoadEncoderOptions {
  /** 'off' never loads; 'auto' runs lexical-only (with the reason) when the model cannot load; 'on' throws. */
  readonly mode: EncoderMode;
  /** Piece table and phrasing vectors; default `.relais-data/encoder-cache/` under the working directory. */
  readonly cacheDir?: string;
  readonly log?: EncoderLog;
  /** The weights package; another name is for tests of a missing package. */
  readonly modelPackage?: string;
  /** Build or load the static piece table so `encoder.fast` exists (default true; cold build ~10 s once). */
  readonly fastPath?: boolean;
  readonly onFastPathProgress?: (done: number, total: number) => void;
  /** Deadlines, batching, restarts, test fault hook. */
  readonly worker?: Omit<WorkerEncoderOptions, 'modelDir' | 'modelId' | 'log'>;
}

export interface LoadedEncoder {
  readonly encoder?: WorkerEncoder & SentenceEncoder;
  readonly status: EncoderStatus;
  /**
   * Starts another model copy in a worker of its own, for a large KB build beside the query worker
   * (see embedPhrasings' helper); the caller closes it. No live-message cache, no restarts.
   */
  readonly startHelper?: () => Promise<WorkerEncoder>;
}

/**
 * The process's one encoder, or the reason there is none. Says what happened once in the log. With
 * mode 'on', a model that cannot load rejects with EncoderError 'ENCODER_UNAVAILABLE'.
 */
export async function loadEncoder(options: LoadEncoderOptions): Promise<LoadedEncoder> {
  const log = options.log ?? SILENT_LOG;
  if (options.mode === 'off') {
    const status: EncoderStatus = { state: 'off', reason: 'disabled (encoder mode off)' };
    log.info({ encoder: status }, 'sentence encoder off: lexical-only');
    return { status };
  }
  const lookup = findModelPackage(options.modelPackage ?? MODEL_PACKAGE);
  if (!lookup.ok) return unavailable(options, log, { state: 'off', reason: lookup.reason });
  const { pkg } = lookup;
  const workerPath = options.worker?.workerPath ?? encoderWorkerPath();
  if (!existsSync(workerPath)) {
    const reason = `encoder worker ${workerPath} not built (run npm run build)`;
    return unavailable(options, log, { state: 'failed', id: pkg.modelId, reason });
  }
  let encoder: WorkerEncoder | undefined;
  try {
    encoder = await WorkerEncoder.start({
      ...options.worker,
      workerPath,
      modelDir: pkg.dir,
      modelId: pkg.modelId,
      log,
    });
    if (options.fastPath ?? true) {
      const vocabulary = readVocabulary(pkg.dir);
      const pieces = await loadStaticPieces({
        modelId: pkg.modelId,
        dimensions: encoder.dimensions,
        vocabulary,
        tokenizer: pieceTokenizer(vocabulary),
        embedPieces: (ids) => encoder!.embedPieces(ids),
        cacheDir: path.resolve(options.cacheDir ?? DEFAULT_ENCODER_CACHE_DIR),
        ...(options.onFastPathProgress ? { onProgress: options.onFastPathProgress } : {}),
        onWriteError: (error) =>
          log.warn(
            { err: error instanceof Error ? error.message : String(error) },
            'encoder piece table not cached',
          ),
      });
      encoder.staticPieces = pieces;
      encoder.fast = makeFastPath(pieces);
    }
    const {
      restart: _restart,
      fault: _fault,
      onStatusChange: _onStatus,
      ...workerOptions
    } = options.worker ?? {};
    const startHelper = (): Promise<WorkerEncoder> =>
      WorkerEncoder.start({
        ...workerOptions,
        workerPath,
        modelDir: pkg.dir,
        modelId: pkg.modelId,
        messageCacheEntries: 0,
      });
    return { encoder, status: encoder.status, startHelper };
  } catch (error) {
    await encoder?.close();
    const reason = error instanceof Error ? error.message : String(error);
    return unavailable(options, log, { state: 'failed', id: pkg.modelId, reason }, error);
  }
}

function unavailable(
  options: LoadEncoderOptions,
  log: EncoderLog,
  status: EncoderStatus,
  cause?: unknown,
): LoadedEncoder {
  if (options.mode === 'on') {
    throw new EncoderError(
      'ENCODER_UNAVAILABLE',
      `sentence encoder required (mode on) but ${status.reason}`,
      {
        cause,
      },
    );
  }
  log.warn({ encoder: status }, `sentence encoder ${status.state}: lexical-only (${status.reason})`);
  return { status };
}
