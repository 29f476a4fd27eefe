import type { SparseVector } from './sparse';

/**
 * Inverted index over the phrasings' full vectors: cosine similarity of a message to every phrasing
 * that shares a feature with it, reduced to the best phrasing per entry (nearest neighbour).
 * Features found in more than `maxPostingShare` of the phrasings are left out of the index: they
 * cost most of the look-up time (long postings) and, with their low IDF, move similarities least.
 */
// Measured on CLINC150 val (full): 0.05 keeps blended top-1 accuracy and cuts look-up time by two thirds.
export const DEFAULT_MAX_POSTING_SHARE = 0.05;

export class PhrasingIndex {
  private readonly postingIds: Int32Array[];
  private readonly postingValues: Float32Array[];
  private readonly scratch: Float32Array;
  /** Phrasings touched by the current look-up; preallocated, so a look-up allocates nothing (GC pauses were the p99). */
  private readonly touched: Int32Array;

  constructor(
    vectors: readonly SparseVector[],
    private readonly labels: Int32Array,
    featureCount: number,
    maxPostingShare = DEFAULT_MAX_POSTING_SHARE,
  ) {
    const lengths = new Int32Array(featureCount);
    for (const v of vectors) for (const id of v.ids) lengths[id]!++;
    // Small KBs keep every feature: pruning only pays off when postings run into the hundreds.
    const cap = Math.max(500, Math.floor(maxPostingShare * vectors.length));
    for (let f = 0; f < featureCount; f++) if (lengths[f]! > cap) lengths[f] = 0;
    this.postingIds = Array.from(lengths, (n) => new Int32Array(n));
    this.postingValues = Array.from(lengths, (n) => new Float32Array(n));
    const fill = new Int32Array(featureCount);
    vectors.forEach((v, doc) => {
      for (let k = 0; k < v.ids.length; k++) {
        const f = v.ids[k]!;
        if (lengths[f] === 0) continue;
        const at = fill[f]!++;
        this.postingIds[f]![at] = doc;
        this.postingValues[f]![at] = v.values[k]!;
      }
    });
    this.scratch = new Float32Array(vectors.length);
    this.touched = new Int32Array(vectors.length);
  }

  /** Best cosine per entry (0 for entries sharing nothing), written into `out` (length = entry count). */
  nearestByEntry(query: SparseVector, out: Float32Array): void {
    out.fill(0);
    const scores = this.scratch;
    const touched = this.touched;
    let count = 0;
    for (let k = 0; k < query.ids.length; k++) {
      const f = query.ids[k]!;
      const q = query.values[k]!;
      const ids = this.postingIds[f];
      const values = this.postingValues[f];
      if (!ids || !values) continue;
      for (let p = 0; p < ids.length; p++) {
        const doc = ids[p]!;
        if (scores[doc] === 0) touched[count++] = doc;
        scores[doc]! += q * values[p]!;
      }
    }
    for (let t = 0; t < count; t++) {
      const doc = touched[t]!;
      const entry = this.labels[doc]!;
      if (scores[doc]! > out[entry]!) out[entry] = scores[doc]!;
      scores[doc] = 0;
    }
  }
}
