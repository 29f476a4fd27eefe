import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Faq, KbIssue } from '../../knowledge-base/index';
import type { KbBuildEmbedder } from './kb-build-embed';
import type { KbBuildReply, KbBuildRequest } from './kb-build-protocol';
import { kbBuildWorkerPath } from './kb-build-path';
import { restoreInSlices, type PackedFaq } from './kb-restore-slices';

/** The build thread crashed, hung or could not start: the KB in service stays. */
export class KbBuildThreadError extends Error {
  override readonly name = 'KbBuildThreadError';
}

export type ThreadBuildOutcome =
  | {
      readonly ok: true;
      readonly faq: Faq;
      readonly buildMs: number;
      /** Rebuilding the index here, slices and the turns between them included. */
      readonly restoreMs: number;
      /** The longest the restore held this thread at once. */
      readonly longestSliceMs: number;
    }
  | { readonly ok: false; readonly issues: readonly KbIssue[] };

export interface ThreadBuildOptions {
  /**
   * The build thread is ended after this long (a hung build must not block every later reload).
   * With an encoder the clock stops while the vectors are made here: a cold cache is no hang.
   */
  readonly timeoutMs: number;
  readonly workerPath?: string;
  /** With an encoder (the request's `encoder` set): answers the thread's `embed` requests. */
  readonly embedder?: KbBuildEmbedder;
}

/**
 * Builds a KB in a fresh worker thread and restores it here, in slices between turns. Resolves with the new Faq or the KB's
 * problems (file, path, line); rejects with a KbBuildThreadError when the thread fails.
 */
export function buildInThread(
  request: KbBuildRequest,
  options: ThreadBuildOptions,
): Promise<ThreadBuildOutcome> {
  const workerPath = options.workerPath ?? kbBuildWorkerPath();
  if (!existsSync(workerPath))
    return Promise.reject(
      new KbBuildThreadError(`KB build worker not found at ${workerPath} (run npm run build)`),
    );
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: request });
    const matchers: Array<PackedFaq['matchers'][number]> = [];
    const entries: string[] = [];
    let settled = false;
    /** The KB has arrived: the thread's own exit is then no failure. */
    let received = false;
    const settle = (outcome: ThreadBuildOutcome | KbBuildThreadError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().catch(() => undefined);
      if (outcome instanceof KbBuildThreadError) reject(outcome);
      else resolve(outcome);
    };
    const arm = (): NodeJS.Timeout =>
      setTimeout(
        () => settle(new KbBuildThreadError(`KB build did not finish within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
    let timer = arm();
    worker.on('message', (reply: KbBuildReply) => {
      if (reply.type === 'matcher') return void matchers.push(reply.matcher);
      if (reply.type === 'entries') return void entries.push(reply.json);
      if (reply.type === 'embed') {
        clearTimeout(timer);
        if (!options.embedder)
          return settle(new KbBuildThreadError('KB build asked for vectors: no encoder'));
        const sent = options.embedder.embed(reply, worker);
        if (reply.last)
          void sent.then(() => {
            if (!settled) timer = arm();
          });
        return;
      }
      if (reply.type === 'invalid') return settle({ ok: false, issues: reply.issues });
      if (reply.type === 'failed') return settle(new KbBuildThreadError(`KB build failed: ${reply.message}`));
      received = true;
      const started = performance.now();
      restoreInSlices({ matchers, entries, rest: reply.faq }, options.embedder?.dense).then(
        ({ faq, longestSliceMs }) =>
          settle({
            ok: true,
            faq,
            buildMs: reply.buildMs,
            restoreMs: performance.now() - started,
            longestSliceMs,
          }),
        (error: unknown) =>
          settle(new KbBuildThreadError(`KB build could not be restored: ${String(error)}`)),
      );
    });
    worker.on('error', (error) =>
      settle(new KbBuildThreadError(`KB build worker crashed: ${error.message}`)),
    );
    worker.on('exit', (code) => {
      if (!received) settle(new KbBuildThreadError(`KB build worker exited (code ${code})`));
    });
  });
}
