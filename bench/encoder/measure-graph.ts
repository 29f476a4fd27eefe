/**
 * One runtime in a process of its own (two TF.js copies in one process share the global engine and
 * register their kernels twice): load the graph, time single sentences and batches of 64.
 * Usage: node measure-graph.js <input.json> energetic|tfjs [tfjs node_modules folder]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { GraphModel, Tensor, TfRuntime } from '../../knowledge-base/encoder/tf-runtime';
import { median, msSince, percentile, rssMb, type BenchInput, type RuntimeFigures } from './timing';

interface TfjsRuntime extends TfRuntime {
  setBackend(name: string): Promise<boolean>;
  io: { fromMemory(artifacts: unknown): unknown };
}

interface ModelJson {
  modelTopology: unknown;
  weightsManifest: Array<{ paths: string[]; weights: unknown[] }>;
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
}

async function loadEnergetic(modelDir: string): Promise<{ tf: TfRuntime; model: GraphModel }> {
  const tf = createRequire(__filename)('@energetic-ai/core') as TfRuntime;
  await tf.ready();
  return { tf, model: await tf.loadGraphModel(`file://${path.join(modelDir, 'model.json')}`) };
}

/** The official packages, loading the same model.json and shards through tf.io.fromMemory. */
async function loadTfjs(modelDir: string, modulesDir: string): Promise<{ tf: TfRuntime; model: GraphModel }> {
  const load = createRequire(path.join(modulesDir, 'noop.js'));
  const tf = load('@tensorflow/tfjs-core') as TfjsRuntime;
  load('@tensorflow/tfjs-backend-wasm');
  const converter = load('@tensorflow/tfjs-converter') as {
    loadGraphModel(handler: unknown): Promise<GraphModel>;
  };
  await tf.setBackend('wasm');
  await tf.ready();
  const json = JSON.parse(readFileSync(path.join(modelDir, 'model.json'), 'utf8')) as ModelJson;
  const shards = json.weightsManifest.flatMap((group) =>
    group.paths.map((p) => readFileSync(path.join(modelDir, p))),
  );
  const weightData = Buffer.concat(shards);
  const handler = tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
  });
  return { tf, model: await converter.loadGraphModel(handler) };
}

async function forward(
  tf: TfRuntime,
  model: GraphModel,
  sentences: readonly number[][],
): Promise<Float32Array> {
  const total = sentences.reduce((sum, s) => sum + s.length, 0);
  const indices = new Int32Array(total * 2);
  const values = new Int32Array(total);
  let k = 0;
  sentences.forEach((pieces, row) =>
    pieces.forEach((piece, position) => {
      indices[2 * k] = row;
      indices[2 * k + 1] = position;
      values[k++] = piece;
    }),
  );
  const inputs = { indices: tf.tensor2d(indices, [total, 2], 'int32'), values: tf.tensor1d(values, 'int32') };
  const out = (await model.executeAsync(inputs)) as Tensor;
  const data = (await out.data()) as Float32Array;
  inputs.indices.dispose();
  inputs.values.dispose();
  out.dispose();
  return data;
}

async function main(): Promise<void> {
  const [inputFile, runtime, modulesDir] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(inputFile!, 'utf8')) as BenchInput;
  const start = process.hrtime.bigint();
  const { tf, model } =
    runtime === 'tfjs' ? await loadTfjs(input.modelDir, modulesDir!) : await loadEnergetic(input.modelDir);
  const probe = Array.from((await forward(tf, model, [input.pieces[0]!])).subarray(0, 8));
  const loadMs = msSince(start);
  for (let i = 0; i < 5; i++) await forward(tf, model, [input.pieces[i]!]);
  const singles: number[] = [];
  for (let i = 0; i < input.single; i++) {
    const t = process.hrtime.bigint();
    await forward(tf, model, [input.pieces[i]!]);
    singles.push(msSince(t));
  }
  const perSentence: number[] = [];
  for (let b = 0; b < input.batches; b++) {
    const t = process.hrtime.bigint();
    await forward(tf, model, input.pieces.slice(b * 64, (b + 1) * 64));
    perSentence.push(msSince(t) / 64);
  }
  const figures: RuntimeFigures = {
    runtime: `${runtime} (${tf.getBackend()}, in-process graph)`,
    load_ms: Math.round(loadMs),
    single_p50_ms: median(singles),
    single_p99_ms: percentile(singles, 99),
    batch64_ms_per_sentence: median(perSentence),
    rss_mb: rssMb(),
    probe,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
