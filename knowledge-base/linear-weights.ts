import type { SparseVector } from './sparse';

/** Averaged weights in compressed rows: per feature, the entries it speaks for and how much. */
export interface CompactWeights {
  readonly offsets: Int32Array;
  readonly classIds: Int32Array;
  readonly weights: Float32Array;
}

/**
 * Weights under training, with the running sums needed for averaging (w - u / t). Dense rows are
 * fastest when features × entries fit in memory; sparse rows keep a 10,000-entry KB small.
 */
export interface TrainingWeights {
  /** Adds each entry's score into `scores`; returns the entries it touched (dense: all). */
  scoreInto(x: SparseVector, scores: Float64Array, touched: number[]): void;
  update(x: SparseVector, cls: number, step: number, t: number): void;
  averaged(t: number): CompactWeights;
}

export class DenseWeights implements TrainingWeights {
  private readonly w: Float32Array;
  private readonly u: Float32Array;

  constructor(
    private readonly featureCount: number,
    private readonly classCount: number,
  ) {
    this.w = new Float32Array(featureCount * classCount);
    this.u = new Float32Array(featureCount * classCount);
  }

  scoreInto(x: SparseVector, scores: Float64Array, touched: number[]): void {
    const c = this.classCount;
    for (let k = 0; k < x.ids.length; k++) {
      const row = x.ids[k]! * c;
      const xv = x.values[k]!;
      for (let j = 0; j < c; j++) scores[j]! += this.w[row + j]! * xv;
    }
    for (let j = 0; j < c; j++) touched.push(j);
  }

  update(x: SparseVector, cls: number, step: number, t: number): void {
    for (let k = 0; k < x.ids.length; k++) {
      const at = x.ids[k]! * this.classCount + cls;
      const delta = step * x.values[k]!;
      this.w[at]! += delta;
      this.u[at]! += t * delta;
    }
  }

  averaged(t: number): CompactWeights {
    const { featureCount: f, classCount: c } = this;
    const offsets = new Int32Array(f + 1);
    let total = 0;
    for (let i = 0; i < f; i++) {
      offsets[i] = total;
      for (let j = 0; j < c; j++) if (this.w[i * c + j] !== 0 || this.u[i * c + j] !== 0) total++;
    }
    offsets[f] = total;
    const classIds = new Int32Array(total);
    const weights = new Float32Array(total);
    let at = 0;
    for (let i = 0; i < f; i++) {
      for (let j = 0; j < c; j++) {
        const k = i * c + j;
        if (this.w[k] === 0 && this.u[k] === 0) continue;
        classIds[at] = j;
        weights[at++] = this.w[k]! - this.u[k]! / t;
      }
    }
    return { offsets, classIds, weights };
  }
}

export class SparseWeights implements TrainingWeights {
  private readonly w: Array<Map<number, number> | undefined>;
  private readonly u: Array<Map<number, number> | undefined>;

  constructor(private readonly featureCount: number) {
    this.w = new Array(featureCount);
    this.u = new Array(featureCount);
  }

  scoreInto(x: SparseVector, scores: Float64Array, touched: number[]): void {
    for (let k = 0; k < x.ids.length; k++) {
      const wf = this.w[x.ids[k]!];
      if (!wf) continue;
      const xv = x.values[k]!;
      for (const [cls, weight] of wf) {
        if (scores[cls] === 0) touched.push(cls);
        scores[cls]! += weight * xv;
      }
    }
  }

  update(x: SparseVector, cls: number, step: number, t: number): void {
    for (let k = 0; k < x.ids.length; k++) {
      const f = x.ids[k]!;
      const delta = step * x.values[k]!;
      const wf = (this.w[f] ??= new Map());
      const uf = (this.u[f] ??= new Map());
      wf.set(cls, (wf.get(cls) ?? 0) + delta);
      uf.set(cls, (uf.get(cls) ?? 0) + t * delta);
    }
  }

  averaged(t: number): CompactWeights {
    const offsets = new Int32Array(this.featureCount + 1);
    let total = 0;
    for (let f = 0; f < this.featureCount; f++) {
      offsets[f] = total;
      total += this.w[f]?.size ?? 0;
    }
    offsets[this.featureCount] = total;
    const classIds = new Int32Array(total);
    const weights = new Float32Array(total);
    for (let f = 0; f < this.featureCount; f++) {
      const wf = this.w[f];
      if (!wf) continue;
      const uf = this.u[f]!;
      let at = offsets[f]!;
      for (const [cls, weight] of wf) {
        classIds[at] = cls;
        weights[at++] = weight - (uf.get(cls) ?? 0) / t;
      }
    }
    return { offsets, classIds, weights };
  }
}
