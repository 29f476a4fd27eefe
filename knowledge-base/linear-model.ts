import { LearnedKey, type LearnedStore } from './learned-cache';
import { DenseWeights, SparseWeights, type CompactWeights, type TrainingWeights } from './linear-weights';
import type { SparseVector } from './sparse';

/** Training knobs of the learned scorer; frozen defaults. */
export interface LinearModelOptions {
  readonly epochs: number;
  /** PA-I aggressiveness: the largest step one example may take. */
  readonly aggressiveness: number;
  readonly seed: number;
}

export const DEFAULT_LINEAR_OPTIONS: LinearModelOptions = Object.freeze({
  epochs: 5,
  aggressiveness: 0.5,
  seed: 7,
});

/** Above this many features × entries, weights are trained in sparse rows (memory over speed). */
const DENSE_LIMIT = 16_000_000;
/**
 * In sparse rows, a feature found in more than this share of the phrasings ("what", "my") would
 * link to most entries and make every step cost O(entries); such features are left to the
 * phrasing index, which already weighs them by IDF.
 */
const SPARSE_MAX_FEATURE_SHARE = 0.01;
/** Sparse rows are for very large KBs, where each pass is costly and many phrasings already teach each entry. */
const SPARSE_MAX_EPOCHS = 2;

export interface LinearModelSnapshot {
  readonly compact: CompactWeights;
  readonly classCount: number;
  readonly learnedKey: string | undefined;
}

/**
 * The scorer learned from the phrasings: a multi-class passive-aggressive linear model (PA-I,
 * averaged). Each mistake moves the right entry towards the phrasing and the strongest wrong entry
 * away from it, so weights stay sparse and training scales to thousands of entries.
 */
export class LinearModel {
  private constructor(
    private readonly compact: CompactWeights,
    readonly classCount: number,
    /** The hash of the training input when trained through a store (what depends on these weights keys on it). */
    readonly learnedKey?: string,
  ) {}

  static train(
    examples: readonly SparseVector[],
    labels: Int32Array,
    featureCount: number,
    classCount: number,
    options: LinearModelOptions = DEFAULT_LINEAR_OPTIONS,
  ): LinearModel {
    const dense = featureCount * classCount <= DENSE_LIMIT;
    const weights: TrainingWeights = dense
      ? new DenseWeights(featureCount, classCount)
      : new SparseWeights(featureCount);
    if (!dense) examples = withoutCommonFeatures(examples, featureCount, SPARSE_MAX_FEATURE_SHARE);
    const scores = new Float64Array(classCount);
    const order = Int32Array.from(examples.keys());
    const random = mulberry32(options.seed);
    const touched: number[] = [];
    let t = 1;
    const epochs = dense ? options.epochs : Math.min(options.epochs, SPARSE_MAX_EPOCHS);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const x = examples[i]!;
        const y = labels[i]!;
        touched.length = 0;
        weights.scoreInto(x, scores, touched);
        const { rival, rivalScore } = strongestRival(scores, touched, y, classCount);
        const loss = 1 - (scores[y]! - rivalScore);
        for (const cls of touched) scores[cls] = 0;
        scores[y] = 0;
        if (loss > 0) {
          let sq = 0;
          for (let k = 0; k < x.values.length; k++) sq += x.values[k]! * x.values[k]!;
          const step = Math.min(options.aggressiveness, loss / ((rival >= 0 ? 2 : 1) * sq || 1));
          weights.update(x, y, step, t);
          if (rival >= 0) weights.update(x, rival, -step, t);
        }
        t++;
      }
    }
    return new LinearModel(weights.averaged(t), classCount);
  }

  /**
   * `train`, or the weights a previous build trained on exactly the same input, from `store`
   * (the key hashes the examples, labels, sizes and options themselves, so nothing that
   * determines the weights can be left out of it). Newly trained weights are saved there.
   */
  static trainOrLoad(
    store: LearnedStore | undefined,
    examples: readonly SparseVector[],
    labels: Int32Array,
    featureCount: number,
    classCount: number,
    options: LinearModelOptions = DEFAULT_LINEAR_OPTIONS,
  ): LinearModel {
    if (!store) return LinearModel.train(examples, labels, featureCount, classCount, options);
    const key = new LearnedKey('linear').json({ featureCount, classCount, options }).array(labels);
    for (const x of examples) key.array(x.ids).array(x.values);
    const digest = key.digest();
    const stored = store.load('linear', digest);
    const loaded = stored && compactFrom(stored.arrays, featureCount, classCount);
    if (loaded) return new LinearModel(loaded, classCount, digest);
    const { compact } = LinearModel.train(examples, labels, featureCount, classCount, options);
    const { offsets, classIds, weights } = compact;
    store.save('linear', digest, {
      json: { featureCount, classCount },
      arrays: [offsets, classIds, weights],
    });
    return new LinearModel(compact, classCount, digest);
  }

  /** Its weights as typed arrays (a KB built in a worker thread crosses to the bot's). */
  snapshot(): LinearModelSnapshot {
    return { compact: this.compact, classCount: this.classCount, learnedKey: this.learnedKey };
  }

  static restore(s: LinearModelSnapshot): LinearModel {
    return new LinearModel(s.compact, s.classCount, s.learnedKey);
  }

  /** Linear score of every entry for one message, written into `out`. */
  score(x: SparseVector, out: Float32Array): void {
    out.fill(0);
    const { offsets, classIds, weights } = this.compact;
    for (let k = 0; k < x.ids.length; k++) {
      const f = x.ids[k]!;
      const xv = x.values[k]!;
      const end = offsets[f + 1]!;
      for (let p = offsets[f]!; p < end; p++) out[classIds[p]!]! += weights[p]! * xv;
    }
  }
}

/** Stored weights, when they are well-formed for this many features and entries. */
function compactFrom(
  arrays: ReadonlyArray<Int32Array | Float32Array>,
  featureCount: number,
  classCount: number,
): CompactWeights | undefined {
  const [offsets, classIds, weights] = arrays;
  if (
    !(offsets instanceof Int32Array) ||
    !(classIds instanceof Int32Array) ||
    !(weights instanceof Float32Array)
  )
    return undefined;
  if (offsets.length !== featureCount + 1 || classIds.length !== weights.length) return undefined;
  if (offsets[0] !== 0 || offsets[featureCount] !== classIds.length) return undefined;
  for (let f = 0; f < featureCount; f++) if (offsets[f]! > offsets[f + 1]!) return undefined;
  for (const c of classIds) if (c < 0 || c >= classCount) return undefined;
  for (const w of weights) if (!Number.isFinite(w)) return undefined;
  return { offsets, classIds, weights };
}

function withoutCommonFeatures(
  examples: readonly SparseVector[],
  featureCount: number,
  maxShare: number,
): SparseVector[] {
  const df = new Int32Array(featureCount);
  for (const x of examples) for (const id of x.ids) df[id]!++;
  const cap = Math.max(20, Math.floor(maxShare * examples.length));
  return examples.map((x) => {
    const keep: number[] = [];
    x.ids.forEach((id, k) => {
      if (df[id]! <= cap) keep.push(k);
    });
    return {
      ids: Int32Array.from(keep, (k) => x.ids[k]!),
      values: Float32Array.from(keep, (k) => x.values[k]!),
    };
  });
}

/**
 * The best-scoring wrong entry. An entry with no evidence scores 0, so when every scored rival is
 * negative the rival is "some untouched entry" (-1): the step then only raises the right entry.
 */
function strongestRival(
  scores: Float64Array,
  touched: readonly number[],
  y: number,
  classCount: number,
): { rival: number; rivalScore: number } {
  let rival = -1;
  let rivalScore = -Infinity;
  for (const cls of touched) {
    if (cls !== y && scores[cls]! > rivalScore) {
      rival = cls;
      rivalScore = scores[cls]!;
    }
  }
  if (rivalScore < 0 && touched.length < classCount) return { rival: -1, rivalScore: 0 };
  return { rival, rivalScore: rival < 0 ? 0 : rivalScore };
}

function shuffle(a: Int32Array, random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = a[i]!;
    a[i] = a[j]!;
    a[j] = tmp;
  }
}

/** Small deterministic PRNG so training is reproducible. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
