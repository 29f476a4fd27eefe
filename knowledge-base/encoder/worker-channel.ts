import { Worker } from 'node:worker_threads';
import { EncoderError } from './sentence-encoder';
import type { WorkerFault, WorkerReply, WorkerRequest, WorkerStart } from './worker-protocol';

type Request =
  | { readonly type: 'embed'; texts: readonly string[] }
  | { readonly type: 'embed-pieces'; pieces: Int32Array };

interface Outstanding {
  resolve(vectors: Float32Array): void;
  reject(error: EncoderError): void;
  timer: NodeJS.Timeout;
}

export interface WorkerChannelOptions {
  readonly workerPath: string;
  readonly modelDir: string;
  /** How long the model may take to load before the worker counts as hung. */
  readonly loadTimeoutMs: number;
  readonly fault?: WorkerFault;
}

/**
 * One worker thread and its requests. The first crash, hang (a request past its deadline) or load
 * failure ends the channel for good: every outstanding request rejects with an EncoderError, the
 * thread is terminated, and `onFailure` hears why once. Nothing here throws into a caller.
 */
export class WorkerChannel {
  private readonly worker: Worker;
  private readonly outstanding = new Map<number, Outstanding>();
  private nextId = 1;
  private failure: EncoderError | undefined;
  private loadSettled: (result: { dimensions: number; loadMs: number } | EncoderError) => void = () =>
    undefined;
  readonly ready: Promise<{ dimensions: number; loadMs: number }>;

  constructor(
    options: WorkerChannelOptions,
    private readonly onFailure: (error: EncoderError) => void,
  ) {
    const start: WorkerStart = {
      modelDir: options.modelDir,
      ...(options.fault ? { fault: options.fault } : {}),
    };
    this.worker = new Worker(options.workerPath, { workerData: start });
    this.worker.unref();
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.fail(
            new EncoderError('ENCODER_TIMEOUT', `encoder did not load within ${options.loadTimeoutMs} ms`),
          ),
        options.loadTimeoutMs,
      );
      this.loadSettled = (result) => {
        clearTimeout(timer);
        if (result instanceof EncoderError) reject(result);
        else resolve(result);
      };
    });
    // The owner may never await `ready` (it learns of failure through onFailure): no unhandled rejection.
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: WorkerReply) => this.receive(message));
    this.worker.on('error', (error) =>
      this.fail(
        new EncoderError('ENCODER_CRASHED', `encoder worker crashed: ${error.message}`, { cause: error }),
      ),
    );
    this.worker.on('exit', (code) =>
      this.fail(new EncoderError('ENCODER_CRASHED', `encoder worker exited (code ${code})`)),
    );
  }

  get failed(): EncoderError | undefined {
    return this.failure;
  }

  /** Rejects with ENCODER_TIMEOUT (and ends the channel) when the worker has not answered by `deadlineMs`. */
  request(request: Request, deadlineMs: number): Promise<Float32Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          this.fail(
            new EncoderError('ENCODER_TIMEOUT', `encoder worker did not answer within ${deadlineMs} ms`),
          ),
        deadlineMs,
      );
      this.outstanding.set(id, { resolve, reject, timer });
      const message: WorkerRequest =
        request.type === 'embed'
          ? { type: 'embed', id, texts: request.texts }
          : { type: 'embed-pieces', id, pieces: request.pieces };
      this.worker.postMessage(message);
    });
  }

  /** Ends the worker; outstanding requests reject with `reason`. */
  close(reason: EncoderError): Promise<void> {
    this.fail(reason, false);
    return this.worker.terminate().then(() => undefined);
  }

  private receive(message: WorkerReply): void {
    if (message.type === 'ready')
      return this.loadSettled({ dimensions: message.dimensions, loadMs: message.loadMs });
    if (message.type === 'load-failed') {
      return this.fail(
        new EncoderError('ENCODER_UNAVAILABLE', `encoder model failed to load: ${message.message}`),
      );
    }
    const pending = this.outstanding.get(message.id);
    if (!pending) return;
    this.outstanding.delete(message.id);
    clearTimeout(pending.timer);
    if (message.type === 'vectors') pending.resolve(message.vectors);
    else pending.reject(new EncoderError('ENCODER_CRASHED', `encoder failed on a batch: ${message.message}`));
  }

  private fail(error: EncoderError, notify = true): void {
    if (this.failure) return;
    this.failure = error;
    this.loadSettled(error);
    for (const pending of this.outstanding.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.outstanding.clear();
    void this.worker.terminate().catch(() => undefined);
    if (notify) this.onFailure(error);
  }
}
