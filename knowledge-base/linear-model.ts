import type { SparseVector } from './sparse';

/** Training knobs of the learned scorer; frozen defaults. */
export interface LinearModelOptions {
  readonly epochs: number;
  /** PA-I aggressiveness: the largest step one example may take. */
  readonly aggressiveness: number;
  readonly seed: number;
}

export const DEFAULT_LINEAR_OPTIONS: LinearModelOptions = Object.freeze({ epochs: 8, aggressiveness: 0.5, seed: 7 });

/**
 * The scorer learned from the phrasings: a multi-class passive-aggressive linear model (averaged),
 * trained on word and bigram features. Weights are kept sparse per feature (an update only touches
 * the right entry and the strongest wrong one), so it scales to thousands of entries.
 */
export class LinearModel {
  private constructor(
    private readonly offsets: Int32Array,
    private readonly classIds: Int32Array,
    private readonly weights: Float32Array,
    readonly classCount: number,
  ) {}

  static train(
    examples: readonly SparseVector[],
    labels: Int32Array,
    featureCount: number,
    classCount: number,
    options: LinearModelOptions = DEFAULT_LINEAR_OPTIONS,
  ): LinearModel {
    // w: current weights; u: sum of (step count × update), for the averaged weights w - u / t.
    const w: Array<Map<number, number> | undefined> = new Array(featureCount);
    const u: Array<Map<number, number> | undefined> = new Array(featureCount);
    const scores = new Float64Array(classCount);
    const order = Int32Array.from(examples.keys());
    const random = mulberry32(options.seed);
    let t = 1;
    const update = (x: SparseVector, cls: number, step: number): void => {
      for (let k = 0; k < x.ids.length; k++) {
        const f = x.ids[k]!;
        const delta = step * x.values[k]!;
        const wf = (w[f] ??= new Map());
        const uf = (u[f] ??= new Map());
        wf.set(cls, (wf.get(cls) ?? 0) + delta);
        uf.set(cls, (uf.get(cls) ?? 0) + t * delta);
      }
    };
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const x = examples[i]!;
        const y = labels[i]!;
        const touched: number[] = [];
        for (let k = 0; k < x.ids.length; k++) {
          const wf = w[x.ids[k]!];
          if (!wf) continue;
          const xv = x.values[k]!;
          for (const [cls, weight] of wf) {
            if (scores[cls] === 0) touched.push(cls);
            scores[cls]! += weight * xv;
          }
        }
        // Strongest wrong entry; an untouched entry scores 0.
        let rival = -1;
        let rivalScore = -Infinity;
        for (const cls of touched) {
          if (cls !== y && scores[cls]! > rivalScore) {
            rival = cls;
            rivalScore = scores[cls]!;
          }
        }
        if (rivalScore < 0 || rival < 0) {
          rivalScore = 0;
          rival = y === 0 ? 1 % classCount : 0;
          if (touched.length < classCount) {
            for (let c = 0; c < classCount; c++) {
              if (c !== y && scores[c] === 0) {
                rival = c;
                break;
              }
            }
          }
        }
        const loss = 1 - (scores[y]! - rivalScore);
        for (const cls of touched) scores[cls] = 0;
        if (loss > 0 && rival !== y) {
          let sq = 0;
          for (let k = 0; k < x.values.length; k++) sq += x.values[k]! * x.values[k]!;
          const step = Math.min(options.aggressiveness, loss / (2 * sq || 1));
          update(x, y, step);
          update(x, rival, -step);
        }
        t++;
      }
    }
    return LinearModel.compact(w, u, t, featureCount, classCount);
  }

  private static compact(
    w: Array<Map<number, number> | undefined>,
    u: Array<Map<number, number> | undefined>,
    t: number,
    featureCount: number,
    classCount: number,
  ): LinearModel {
    const offsets = new Int32Array(featureCount + 1);
    let total = 0;
    for (let f = 0; f < featureCount; f++) {
      offsets[f] = total;
      total += w[f]?.size ?? 0;
    }
    offsets[featureCount] = total;
    const classIds = new Int32Array(total);
    const weights = new Float32Array(total);
    for (let f = 0; f < featureCount; f++) {
      let at = offsets[f]!;
      const wf = w[f];
      if (!wf) continue;
      const uf = u[f]!;
      for (const [cls, weight] of wf) {
        classIds[at] = cls;
        weights[at] = weight - (uf.get(cls) ?? 0) / t;
        at++;
      }
    }
    return new LinearModel(offsets, classIds, weights, classCount);
  }

  /** Linear score of every entry for one message, written into `out`. */
  score(x: SparseVector, out: Float32Array): void {
    out.fill(0);
    for (let k = 0; k < x.ids.length; k++) {
      const f = x.ids[k]!;
      const xv = x.values[k]!;
      const end = this.offsets[f + 1]!;
      for (let p = this.offsets[f]!; p < end; p++) out[this.classIds[p]!]! += this.weights[p]! * xv;
    }
  }
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
