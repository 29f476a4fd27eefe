/**
 * The thread that builds a reloaded KB (read, validate, normalise, train, calibrate: seconds on a
 * large KB), so the bot's thread keeps answering with the KB in service meanwhile. One thread per
 * build; it posts the result and exits. Loaded from dist/ (compiled JS), see kb-build-path.ts.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { Faq, KbError } from '../../knowledge-base/index';
import { packFaq } from './kb-pack-faq';
import { requestedOptions, type KbBuildReply, type KbBuildRequest } from './kb-build-protocol';
import { buildWithVectors } from './kb-build-with-vectors';

const port = parentPort;
if (!port) throw new Error('kb-build-worker runs as a worker thread only');
const request = workerData as KbBuildRequest;

function send(reply: KbBuildReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(reply, transfer);
}

/**
 * Lowest CPU priority for this thread only (on Linux a thread is a task with its own id, which
 * setpriority accepts): on a busy machine the bot's turns get the cores first, the build waits.
 */
function yieldCpuToTurns(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch {
    // Not Linux: the build runs at normal priority.
  }
}

async function build(): Promise<void> {
  if (request.crash) process.exit(3);
  yieldCpuToTurns();
  const started = performance.now();
  let faq: Faq;
  try {
    faq = request.encoder
      ? await buildWithVectors(request, request.encoder, port!)
      : await Faq.load(request.files, requestedOptions(request));
  } catch (error) {
    if (error instanceof KbError) return send({ type: 'invalid', issues: error.issues });
    throw error;
  }
  const buildMs = performance.now() - started;
  const messages = packFaq(faq.snapshot());
  // The typed arrays are moved, not copied: this thread exits right after.
  for (const { packed, transfer } of messages.matchers) send({ type: 'matcher', matcher: packed }, transfer);
  for (const json of messages.entries) send({ type: 'entries', json });
  send({ type: 'built', faq: messages.rest.packed, buildMs }, messages.rest.transfer);
}

build().catch((error: unknown) =>
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
