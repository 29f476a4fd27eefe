/**
 * The worker thread that holds the one model copy of the process (0.4–0.8 GB). It answers one request
 * at a time, in order; the owner batches texts before they get here. Loaded from dist/ (compiled JS).
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { encodePieces, pieceTokenizer, readVocabulary } from './tokenizer';
import type { GraphModel, PieceTokenizer, Tensor, TfRuntime } from './tf-runtime';
import type { WorkerReply, WorkerRequest, WorkerStart } from './worker-protocol';

const DIMENSIONS = 512;
const localRequire = createRequire(__filename);

interface Loaded {
  readonly tf: TfRuntime;
  readonly model: GraphModel;
  readonly tokenizer: PieceTokenizer;
}

async function load(start: WorkerStart): Promise<Loaded> {
  const tf = localRequire('@energetic-ai/core') as TfRuntime;
  await tf.ready();
  // The package's own modelSource does the same from its folder; loading by path keeps the folder
  // the owner resolved (and never the hub: no network).
  const model = await tf.loadGraphModel(`file://${path.join(start.modelDir, 'model.json')}`);
  return { tf, model, tokenizer: pieceTokenizer(readVocabulary(start.modelDir)) };
}

/** Runs the graph on sentences given as piece-id lists; the graph's output rows are already unit-norm. */
async function run(loaded: Loaded, sentences: readonly number[][]): Promise<Float32Array> {
  const out = new Float32Array(sentences.length * DIMENSIONS);
  // A sentence without pieces would shift the rows of the sparse input: leave its row at zero.
  const rows = sentences.map((pieces, i) => ({ pieces, i })).filter((s) => s.pieces.length > 0);
  if (rows.length === 0) return out;
  const total = rows.reduce((sum, r) => sum + r.pieces.length, 0);
  const indices = new Int32Array(total * 2);
  const values = new Int32Array(total);
  let k = 0;
  rows.forEach((row, r) => {
    row.pieces.forEach((piece, position) => {
      indices[2 * k] = r;
      indices[2 * k + 1] = position;
      values[k] = piece;
      k += 1;
    });
  });
  const inputs = {
    indices: loaded.tf.tensor2d(indices, [total, 2], 'int32'),
    values: loaded.tf.tensor1d(values, 'int32'),
  };
  let result: Tensor | Tensor[] | undefined;
  try {
    result = await loaded.model.executeAsync(inputs);
    const tensor = Array.isArray(result) ? result[0]! : result;
    const data = await tensor.data();
    rows.forEach((row, r) =>
      out.set(data.subarray(r * DIMENSIONS, (r + 1) * DIMENSIONS), row.i * DIMENSIONS),
    );
    return out;
  } finally {
    inputs.indices.dispose();
    inputs.values.dispose();
    for (const t of Array.isArray(result) ? result : result ? [result] : []) t.dispose();
  }
}

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

async function main(): Promise<void> {
  const start = workerData as WorkerStart;
  const began = Date.now();
  let loaded: Loaded;
  try {
    loaded = await load(start);
  } catch (error) {
    reply({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  reply({ type: 'ready', dimensions: DIMENSIONS, loadMs: Date.now() - began });
  let requests = 0;
  // Requests run strictly one after another: the graph is not re-entrant and a queue keeps order.
  let chain: Promise<void> = Promise.resolve();
  parentPort!.on('message', (request: WorkerRequest) => {
    requests += 1;
    if (start.fault && requests === start.fault.onRequest) {
      if (start.fault.kind === 'exit') process.exit(3);
      return; // 'stall': never answer
    }
    chain = chain.then(async () => {
      try {
        const sentences =
          request.type === 'embed'
            ? request.texts.map((t) => encodePieces(loaded.tokenizer, t))
            : Array.from(request.pieces, (p) => [p]);
        const vectors = await run(loaded, sentences);
        reply({ type: 'vectors', id: request.id, vectors }, [vectors.buffer as ArrayBuffer]);
      } catch (error) {
        reply({
          type: 'failed',
          id: request.id,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    });
  });
}

void main();
