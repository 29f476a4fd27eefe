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

/** One feature's row in sparse training: the entries it links to, in growable typed arrays (fast to scan). */
interface SparseRow {
  classIds: Int32Array;
  w: Float64Array;
  u: Float64Array;
  size: number;
}

export class SparseWeights implements TrainingWeights {
  private readonly rows: Array<SparseRow | undefined>;

  constructor(private readonly featureCount: number) {
    this.rows = new Array(featureCount);
  }

  scoreInto(x: SparseVector, scores: Float64Array, touched: number[]): void {
    for (let k = 0; k < x.ids.length; k++) {
      const row = this.rows[x.ids[k]!];
      if (!row) continue;
      const xv = x.values[k]!;
      for (let p = 0; p < row.size; p++) {
        const cls = row.classIds[p]!;
        if (scores[cls] === 0) touched.push(cls);
        scores[cls]! += row.w[p]! * xv;
      }
    }
  }

  update(x: SparseVector, cls: number, step: number, t: number): void {
    for (let k = 0; k < x.ids.length; k++) {
      const f = x.ids[k]!;
      const row = (this.rows[f] ??= {
        classIds: new Int32Array(4),
        w: new Float64Array(4),
        u: new Float64Array(4),
        size: 0,
      });
      let p = row.classIds.subarray(0, row.size).indexOf(cls);
      if (p < 0) {
        if (row.size === row.classIds.length) grow(row);
        p = row.size++;
        row.classIds[p] = cls;
      }
      const delta = step * x.values[k]!;
      row.w[p]! += delta;
      row.u[p]! += t * delta;
    }
  }

  averaged(t: number): CompactWeights {
    const offsets = new Int32Array(this.featureCount + 1);
    let total = 0;
    for (let f = 0; f < this.featureCount; f++) {
      offsets[f] = total;
      total += this.rows[f]?.size ?? 0;
    }
    offsets[this.featureCount] = total;
    const classIds = new Int32Array(total);
    const weights = new Float32Array(total);
    for (let f = 0; f < this.featureCount; f++) {
      const row = this.rows[f];
      if (!row) continue;
      const at = offsets[f]!;
      for (let p = 0; p < row.size; p++) {
        classIds[at + p] = row.classIds[p]!;
        weights[at + p] = row.w[p]! - row.u[p]! / t;
      }
    }
    return { offsets, classIds, weights };
  }
}

function grow(row: SparseRow): void {
  const size = row.classIds.length * 2;
  const classIds = new Int32Array(size);
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  classIds.set(row.classIds);
  w.set(row.w);
  u.set(row.u);
  row.classIds = classIds;
  row.w = w;
  row.u = u;
}
