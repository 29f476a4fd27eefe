import { EncoderError, type EmbedPriority } from './sentence-encoder';

/** Sends one batch to the model; `deadlineMs` is how long the worker may take before it counts as hung. */
export type SendBatch = (texts: string[], deadlineMs: number) => Promise<Float32Array>;

export interface MicroBatcherOptions {
  /** How long a lone call waits for company when the worker is idle. */
  readonly windowMs: number;
  /** Live texts per model call. */
  readonly maxBatch: number;
  /**
   * Background texts per model call: a live query arriving during a KB build waits for at most one of
   * these, so they stay small (per-text cost was flat from batch 8 to 128 here, at load 12 on 2 cores).
   */
  readonly maxBackgroundBatch: number;
  readonly dimensions: number;
}

interface Call {
  readonly texts: readonly string[];
  readonly results: Float32Array[];
  /** Index of the next text not yet sent. */
  next: number;
  /** Texts sent but not yet answered, plus texts not yet sent. */
  remaining: number;
  readonly deadlineAt: number;
  settled: boolean;
  resolve(vectors: Float32Array[]): void;
  reject(error: EncoderError): void;
  timer: NodeJS.Timeout;
}

interface Segment {
  readonly call: Call;
  readonly from: number;
  readonly count: number;
}

/**
 * Concurrent embed calls gathered into model batches. Live calls go first and alone (a customer's query
 * never rides in a batch padded with KB phrasings); background calls (a KB build) are cut into small
 * batches, so a live query waits for at most one of them, not for the whole build.
 * One batch in flight at a time: the one worker answers in order anyway.
 */
export class MicroBatcher {
  private readonly queues: Record<EmbedPriority, Call[]> = { live: [], background: [] };
  private inFlight = false;
  /** Calls with texts in the batch in flight, and when that batch counts as hung. */
  private inFlightCalls = new Set<Call>();
  private inFlightDeadlineAt = 0;
  private windowTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: SendBatch,
    private readonly options: MicroBatcherOptions,
  ) {}

  submit(texts: readonly string[], priority: EmbedPriority, deadlineMs: number): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const call: Call = {
        texts,
        results: new Array<Float32Array>(texts.length),
        next: 0,
        remaining: texts.length,
        deadlineAt: Date.now() + deadlineMs,
        settled: false,
        resolve,
        reject,
        timer: setTimeout(() => {
          // The last caller of a batch in flight hears the batch's own outcome (a hang fails the worker
          // first, so the caller sees the encoder already failed).
          if (this.inFlightCalls.has(call) && call.deadlineAt >= this.inFlightDeadlineAt) return;
          this.settle(call, new EncoderError('ENCODER_TIMEOUT', `no vectors within ${deadlineMs} ms`));
          this.drop(call);
        }, deadlineMs),
      };
      this.queues[priority].push(call);
      this.schedule();
    });
  }

  /** Rejects every call not yet answered (the worker is gone). */
  failAll(error: EncoderError): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    for (const queue of Object.values(this.queues)) {
      for (const call of queue) this.settle(call, error);
      queue.length = 0;
    }
  }

  private queuedTexts(priority?: EmbedPriority): number {
    let n = 0;
    for (const p of priority ? [priority] : (['live', 'background'] as const)) {
      for (const call of this.queues[p]) n += call.texts.length - call.next;
    }
    return n;
  }

  /** The priority of the next batch and its size limit. */
  private next(): { priority: EmbedPriority; room: number } {
    return this.queues.live.length > 0
      ? { priority: 'live', room: this.options.maxBatch }
      : { priority: 'background', room: this.options.maxBackgroundBatch };
  }

  private schedule(): void {
    if (this.inFlight) return;
    const { priority, room } = this.next();
    if (this.queuedTexts(priority) >= room) {
      clearTimeout(this.windowTimer);
      this.windowTimer = undefined;
      this.dispatch();
    } else if (!this.windowTimer) {
      this.windowTimer = setTimeout(() => {
        this.windowTimer = undefined;
        this.dispatch();
      }, this.options.windowMs);
    }
  }

  private take(): Segment[] {
    const segments: Segment[] = [];
    const next = this.next();
    let room = next.room;
    for (const call of this.queues[next.priority]) {
      if (room === 0) break;
      const count = Math.min(room, call.texts.length - call.next);
      segments.push({ call, from: call.next, count });
      call.next += count;
      room -= count;
    }
    // Fully sent calls leave the queue; they are answered through their segments.
    this.queues[next.priority] = this.queues[next.priority].filter((c) => c.next < c.texts.length);
    return segments;
  }

  private dispatch(): void {
    if (this.inFlight) return;
    const segments = this.take();
    if (segments.length === 0) return;
    this.inFlight = true;
    const texts = segments.flatMap((s) => s.call.texts.slice(s.from, s.from + s.count));
    // Hung = still no answer when every caller in the batch has given up.
    this.inFlightDeadlineAt = Math.max(...segments.map((s) => s.call.deadlineAt));
    this.inFlightCalls = new Set(segments.map((s) => s.call));
    const deadlineMs = Math.max(1, this.inFlightDeadlineAt - Date.now());
    this.send(texts, deadlineMs)
      .then(
        (vectors) => this.deliver(segments, vectors),
        (error: unknown) => {
          const reason =
            error instanceof EncoderError
              ? error
              : new EncoderError('ENCODER_CRASHED', String(error), { cause: error });
          for (const s of segments) this.settle(s.call, reason);
          for (const s of segments) this.drop(s.call);
        },
      )
      .finally(() => {
        this.inFlight = false;
        const now = Date.now();
        for (const call of this.inFlightCalls) {
          if (call.settled || call.deadlineAt > now) continue;
          this.settle(call, new EncoderError('ENCODER_TIMEOUT', 'no vectors before the deadline'));
          this.drop(call);
        }
        this.inFlightCalls = new Set();
        if (this.queuedTexts() > 0) this.dispatch();
      });
  }

  private deliver(segments: readonly Segment[], vectors: Float32Array): void {
    const d = this.options.dimensions;
    let row = 0;
    for (const { call, from, count } of segments) {
      for (let i = 0; i < count; i++, row++) call.results[from + i] = vectors.slice(row * d, (row + 1) * d);
      call.remaining -= count;
      if (call.remaining === 0) this.settle(call, undefined);
    }
  }

  private settle(call: Call, error: EncoderError | undefined): void {
    if (call.settled) return;
    call.settled = true;
    clearTimeout(call.timer);
    if (error) call.reject(error);
    else call.resolve(call.results);
  }

  private drop(call: Call): void {
    for (const priority of ['live', 'background'] as const) {
      this.queues[priority] = this.queues[priority].filter((c) => c !== call);
    }
  }
}
