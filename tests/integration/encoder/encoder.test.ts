import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  embedPhrasings,
  fitPieceWeights,
  loadEncoder,
  makeFastPath,
  PhrasingCache,
  type WorkerEncoder,
} from '../../../knowledge-base/encoder';
import { SHARED_ENCODER_CACHE_DIR } from '../../support/encoder-cache';

// The real model in its real worker (loaded from dist/: `npm test` builds first).
jest.setTimeout(120_000);

let encoder: WorkerEncoder;
let scratch: string;

beforeAll(async () => {
  const loaded = await loadEncoder({ mode: 'on', cacheDir: SHARED_ENCODER_CACHE_DIR });
  encoder = loaded.encoder!;
  scratch = await mkdtemp(path.join(os.tmpdir(), 'relais-encoder-'));
});

afterAll(async () => {
  await encoder?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

const SENTENCES = [
  'how do I reset my password',
  'I forgot my password',
  'what is the weather tomorrow',
  'my order has not arrived',
  'where is my package',
  'can I change the delivery date',
  'I want to talk to a human',
  'cancel my subscription please',
  'how much does shipping cost',
  'the technician never showed up this morning',
  'do you deliver on sundays',
  'my card was charged twice',
];

test('full-pass vectors are 512-d unit vectors, similar sentences closer than unrelated ones', async () => {
  const [reset, forgot, weather, late, parcel] = await encoder.embed(SENTENCES.slice(0, 5));
  for (const v of [reset!, forgot!, weather!]) {
    expect(v).toHaveLength(512);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 4);
  }
  expect(dot(reset!, forgot!)).toBeGreaterThan(dot(reset!, weather!) + 0.2);
  expect(dot(late!, parcel!)).toBeGreaterThan(dot(late!, weather!) + 0.2);
  expect(encoder.status).toEqual({ state: 'on', id: encoder.id });
});

test('concurrent calls share model batches, in order; a repeated live message is answered from memory', async () => {
  const before = encoder.stats();
  const texts = SENTENCES.map((s) => `${s} (batch)`);
  const parts = await Promise.all(texts.map((t) => encoder.embed([t])));
  const after = encoder.stats();
  expect(after.textsEmbedded - before.textsEmbedded).toBe(texts.length);
  expect(after.batches - before.batches).toBeLessThan(texts.length);
  const together = await encoder.embed(texts, 'background'); // background skips the LRU: a real pass
  parts.forEach((p, i) => expect(dot(p[0]!, together[i]!)).toBeCloseTo(1, 4));

  const again = encoder.stats();
  const [repeat] = await encoder.embed([texts[0]!]);
  expect(encoder.stats().textsEmbedded).toBe(again.textsEmbedded);
  expect(encoder.stats().cacheHits).toBe(again.cacheHits + 1);
  expect(dot(repeat!, parts[0]![0]!)).toBeCloseTo(1, 5);
});

test('the disk cache re-embeds a changed phrasing and nothing else, across a restart of the cache', async () => {
  const dir = path.join(scratch, 'phrasings');
  const open = (): Promise<PhrasingCache> =>
    PhrasingCache.open({ dir, modelId: encoder.id, dimensions: encoder.dimensions });
  const kb = ['how do I reset my password', 'where is my package', 'how much does shipping cost'];
  const embedded = async (texts: string[], cache: PhrasingCache): Promise<number> => {
    const before = encoder.stats().textsEmbedded;
    await embedPhrasings(encoder, texts, cache);
    return encoder.stats().textsEmbedded - before;
  };

  expect(await embedded(kb, await open())).toBe(3);
  const edited = [kb[0]!, 'where is my parcel', kb[2]!];
  const progress: number[] = [];
  const reopened = await open(); // as after a restart: read from disk
  const before = encoder.stats().textsEmbedded;
  const vectors = await embedPhrasings(encoder, edited, reopened, {
    onProgress: (p) => progress.push(p.embedded),
  });
  expect(encoder.stats().textsEmbedded - before).toBe(1);
  expect(progress).toEqual([0, 1]);
  expect(vectors).toHaveLength(3);
  expect(dot(vectors[0]!, (await encoder.embed([kb[0]!], 'background'))[0]!)).toBeCloseTo(1, 4);
  expect(await embedded(edited, await open())).toBe(0);

  // A corrupt file is ignored, then rewritten.
  await writeFile(reopened.file, 'not a vector file');
  expect(await embedded(edited, await open())).toBe(3);
  expect((await open()).size).toBe(3);
});

test('the fast path gives unit vectors that follow the full pass', async () => {
  const fast = encoder.fast!;
  const full = await encoder.embed(SENTENCES, 'background');
  const quick = SENTENCES.map(fast);
  for (const v of quick) {
    expect(v).toHaveLength(512);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 4);
  }
  // Measured (prior weights, centred table): mean cosine to the full vector 0.48, and the pairwise
  // similarities correlate with the full pass's at 0.59. Bounds leave a margin.
  const cosine = quick.reduce((sum, v, i) => sum + dot(v, full[i]!), 0) / SENTENCES.length;
  expect(cosine).toBeGreaterThan(0.4);
  expect(pairCorrelation(quick, full)).toBeGreaterThan(0.45);

  const idf = makeFastPath(encoder.staticPieces!, fitPieceWeights(encoder.staticPieces!, SENTENCES));
  expect(Math.sqrt(dot(idf(SENTENCES[0]!), idf(SENTENCES[0]!)))).toBeCloseTo(1, 4);
  expect(fast('')).toEqual(new Float32Array(512));
});

function pairCorrelation(a: Float32Array[], b: Float32Array[]): number {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      x.push(dot(a[i]!, a[j]!));
      y.push(dot(b[i]!, b[j]!));
    }
  }
  const mean = (v: number[]): number => v.reduce((s, t) => s + t, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let num = 0;
  let dx = 0;
  let dy = 0;
  x.forEach((xi, k) => {
    num += (xi - mx) * (y[k]! - my);
    dx += (xi - mx) ** 2;
    dy += (y[k]! - my) ** 2;
  });
  return num / Math.sqrt(dx * dy);
}
