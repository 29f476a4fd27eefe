import { SILENT_LOG, type EncoderLog } from './encoder-log';
import { LruCache } from './lru-cache';
import { MicroBatcher } from './micro-batcher';
import type { StaticPieces } from './static-pieces';
import {
  EncoderError,
  type EmbedPriority,
  type EncoderStatus,
  type SentenceEncoder,
} from './sentence-encoder';
import { WorkerChannel } from './worker-channel';
import { encoderWorkerPath } from './worker-path';
import type { WorkerFault } from './worker-protocol';

export interface WorkerEncoderOptions {
  readonly modelDir: string;
  readonly modelId: string;
  /** Compiled worker entry; defaults to the one in dist/. */
  readonly workerPath?: string;
  /** Per-call deadlines. A batch still unanswered when all its callers' deadlines passed means a hung worker. */
  readonly liveDeadlineMs?: number;
  readonly backgroundDeadlineMs?: number;
  readonly loadTimeoutMs?: number;
  readonly batchWindowMs?: number;
  /** Texts per model call for live queries (default 64) and for background re-embedding (default 32). */
  readonly maxBatch?: number;
  readonly maxBackgroundBatch?: number;
  /** Live messages remembered in memory (LRU), never on disk. 0 turns the cache off. */
  readonly messageCacheEntries?: number;
  /** After a crash or hang: start a new worker after backoffMs, doubling, at most maxRestarts times. */
  readonly restart?: { readonly maxRestarts: number; readonly backoffMs: number };
  /** Test-only: the worker exits or stalls on its n-th request. */
  readonly fault?: WorkerFault;
  readonly log?: EncoderLog;
  /** Hears every change of status after start ('failed' on a crash or hang, 'on' after a restart, 'off' on close). */
  readonly onStatusChange?: (status: EncoderStatus) => void;
}

export interface EncoderStats {
  /** Model calls (batches and piece-table chunks) sent to the worker. */
  readonly batches: number;
  /** Texts (or pieces) that went through the model. */
  readonly textsEmbedded: number;
  readonly cacheHits: number;
  readonly cacheMisses: number;
}

const DIMENSIONS = 512;

/**
 * The full encoder: one worker thread (one model copy per process), concurrent calls micro-batched,
 * live queries ahead of background re-embedding, repeated live messages answered from an in-memory LRU.
 * A crash or hang rejects what is pending with an EncoderError and turns the status to 'failed'.
 */
export class WorkerEncoder implements SentenceEncoder {
  readonly dimensions = DIMENSIONS;
  /** Set once the static piece table exists (see load-encoder); runs on the calling thread. */
  fast?: (text: string) => Float32Array;
  staticPieces?: StaticPieces;

  private channel: WorkerChannel;
  private readonly batcher: MicroBatcher;
  private readonly cache: LruCache<string, Float32Array>;
  private readonly log: EncoderLog;
  private current: EncoderStatus;
  private closed = false;
  /** Until the model first loads, failures are the caller's to report (start rejects). */
  private started = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private counters = { batches: 0, textsEmbedded: 0, cacheHits: 0, cacheMisses: 0 };

  private constructor(private readonly options: WorkerEncoderOptions) {
    this.log = options.log ?? SILENT_LOG;
    this.current = { state: 'on', id: options.modelId };
    this.cache = new LruCache(options.messageCacheEntries ?? 2000);
    this.batcher = new MicroBatcher((texts, deadlineMs) => this.send(texts, deadlineMs), {
      windowMs: options.batchWindowMs ?? 2,
      maxBatch: options.maxBatch ?? 64,
      maxBackgroundBatch: options.maxBackgroundBatch ?? 32,
      dimensions: DIMENSIONS,
    });
    this.channel = this.openChannel(options.fault);
  }

  /** Resolves once the model has loaded in its worker; rejects with an EncoderError otherwise. */
  static async start(options: WorkerEncoderOptions): Promise<WorkerEncoder> {
    const encoder = new WorkerEncoder(options);
    try {
      const { loadMs } = await encoder.channel.ready;
      encoder.started = true;
      encoder.log.info({ encoder: options.modelId, loadMs }, 'sentence encoder loaded');
      return encoder;
    } catch (error) {
      await encoder.close();
      throw error;
    }
  }

  get id(): string {
    return this.options.modelId;
  }

  get status(): EncoderStatus {
    return this.current;
  }

  stats(): EncoderStats {
    return { ...this.counters };
  }

  embed(texts: readonly string[], priority: EmbedPriority = 'live'): Promise<Float32Array[]> {
    const unavailable = this.unavailable();
    if (unavailable) return Promise.reject(unavailable);
    if (priority === 'background') return this.batcher.submit(texts, priority, this.deadline(priority));
    const found = texts.map((t) => this.cache.get(t));
    const missing = [...new Set(texts.filter((_, i) => found[i] === undefined))];
    this.counters.cacheHits += texts.length - found.filter((v) => v === undefined).length;
    this.counters.cacheMisses += missing.length;
    // Copies out of the cache: a caller that scales its vector must not change the next caller's.
    if (missing.length === 0) return Promise.resolve(found.map((v) => v!.slice()));
    return this.batcher.submit(missing, priority, this.deadline(priority)).then((vectors) => {
      const byText = new Map(missing.map((t, i) => [t, vectors[i]!]));
      for (const [text, vector] of byText) this.cache.set(text, vector.slice());
      return texts.map((t, i) => found[i]?.slice() ?? byText.get(t)!);
    });
  }

  /** Each piece id embedded alone (the static table of the fast path), in one model call. */
  embedPieces(pieces: Int32Array): Promise<Float32Array> {
    const unavailable = this.unavailable();
    if (unavailable) return Promise.reject(unavailable);
    this.counters.batches += 1;
    this.counters.textsEmbedded += pieces.length;
    return this.channel.request({ type: 'embed-pieces', pieces }, this.deadline('background'));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.restartTimer);
    const reason = new EncoderError('ENCODER_CLOSED', 'encoder closed');
    this.batcher.failAll(reason);
    this.setStatus({ state: 'off', id: this.id, reason: 'closed' });
    await this.channel.close(reason);
  }

  private setStatus(status: EncoderStatus): void {
    this.current = status;
    this.options.onStatusChange?.(status);
  }

  private deadline(priority: EmbedPriority): number {
    return priority === 'live'
      ? (this.options.liveDeadlineMs ?? 5_000)
      : (this.options.backgroundDeadlineMs ?? 120_000);
  }

  private unavailable(): EncoderError | undefined {
    if (this.closed) return new EncoderError('ENCODER_CLOSED', 'encoder closed');
    if (this.current.state !== 'on') {
      return new EncoderError(
        'ENCODER_UNAVAILABLE',
        `encoder unavailable: ${this.current.reason ?? this.current.state}`,
      );
    }
    return undefined;
  }

  private send(texts: string[], deadlineMs: number): Promise<Float32Array> {
    this.counters.batches += 1;
    this.counters.textsEmbedded += texts.length;
    return this.channel.request({ type: 'embed', texts }, deadlineMs);
  }

  private openChannel(fault: WorkerFault | undefined): WorkerChannel {
    return new WorkerChannel(
      {
        workerPath: this.options.workerPath ?? encoderWorkerPath(),
        modelDir: this.options.modelDir,
        loadTimeoutMs: this.options.loadTimeoutMs ?? 60_000,
        ...(fault ? { fault } : {}),
      },
      (error) => this.failed(error),
    );
  }

  private failed(error: EncoderError): void {
    if (this.closed || !this.started) return;
    this.setStatus({ state: 'failed', id: this.id, reason: error.message });
    this.batcher.failAll(error);
    this.log.warn(
      { encoder: this.id, code: error.code, err: error.message },
      'sentence encoder failed: lexical-only',
    );
    const restart = this.options.restart;
    if (!restart || this.restarts >= restart.maxRestarts) return;
    const delay = restart.backoffMs * 2 ** this.restarts;
    this.restarts += 1;
    this.restartTimer = setTimeout(() => {
      this.channel = this.openChannel(undefined);
      this.channel.ready.then(
        () => {
          if (this.closed) return;
          this.setStatus({ state: 'on', id: this.id });
          this.log.info({ encoder: this.id, restarts: this.restarts }, 'sentence encoder restarted');
        },
        () => undefined, // the channel's own failure handler already reported it
      );
    }, delay);
    this.restartTimer.unref();
  }
}
