import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  Faq,
  type DenseVectors,
  type FaqSnapshot,
  type KbIssue,
  type Locale,
} from '../../knowledge-base/index';
import type { KbBuildReply, KbBuildRequest } from './kb-build-protocol';
import { kbBuildWorkerPath } from './kb-build-path';

/** The build thread crashed, hung or could not start: the KB in service stays. */
export class KbBuildThreadError extends Error {
  override readonly name = 'KbBuildThreadError';
}

export type ThreadBuildOutcome =
  | { readonly ok: true; readonly faq: Faq; readonly buildMs: number }
  | { readonly ok: false; readonly issues: readonly KbIssue[] };

export interface ThreadBuildOptions {
  /** The build thread is ended after this long (a hung build must not block every later reload). */
  readonly timeoutMs: number;
  readonly workerPath?: string;
  /** The encoder's vectors, by language, for matchers that read them. */
  readonly dense?: Partial<Record<Locale, DenseVectors>>;
}

/**
 * Builds a KB in a fresh worker thread and restores it here. Resolves with the new Faq or the KB's
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
    const matchers: Array<FaqSnapshot['matchers'][number]> = [];
    let settled = false;
    const settle = (outcome: ThreadBuildOutcome | KbBuildThreadError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().catch(() => undefined);
      if (outcome instanceof KbBuildThreadError) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(
      () => settle(new KbBuildThreadError(`KB build did not finish within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    worker.on('message', (reply: KbBuildReply) => {
      if (reply.type === 'matcher') return void matchers.push(reply.matcher);
      if (reply.type === 'invalid') return settle({ ok: false, issues: reply.issues });
      if (reply.type === 'failed') return settle(new KbBuildThreadError(`KB build failed: ${reply.message}`));
      try {
        const faq = Faq.restore({ ...reply.faq, matchers }, options.dense);
        settle({ ok: true, faq, buildMs: reply.buildMs });
      } catch (error) {
        settle(new KbBuildThreadError(`KB build could not be restored: ${String(error)}`));
      }
    });
    worker.on('error', (error) =>
      settle(new KbBuildThreadError(`KB build worker crashed: ${error.message}`)),
    );
    worker.on('exit', (code) => settle(new KbBuildThreadError(`KB build worker exited (code ${code})`)));
  });
}
