import type { DenseVectors } from './dense';

/**
 * A language's vectors as they cross to a build thread: one flat buffer (moved, not copied) in
 * the order of a text list both sides already hold, so no string is sent twice.
 */
export interface ShippedVectors {
  readonly dims: number;
  readonly label: string;
  /** Row i is the vector of text i; a row of NaN is a text without one. */
  readonly flat: Float32Array;
}

/** The vectors `dense` gives for `texts`, as one transferable buffer. */
export function shipVectors(texts: readonly string[], dense: DenseVectors): ShippedVectors {
  const { dims } = dense;
  const flat = new Float32Array(texts.length * dims);
  texts.forEach((text, i) => {
    const vector = dense.vectorOf(text);
    if (vector) flat.set(vector.subarray(0, dims), i * dims);
    else flat.fill(NaN, i * dims, (i + 1) * dims);
  });
  return { dims, label: dense.label, flat };
}

/**
 * The vectors a build reads, back from a shipment. Rows are views on the one buffer. There is no
 * encoder on this side: a message's vector is asked of the restored matcher, never of this one.
 */
export function landVectors(texts: readonly string[], shipped: ShippedVectors): DenseVectors {
  const { dims, flat } = shipped;
  const known = new Map<string, Float32Array>();
  texts.forEach((text, i) => {
    const row = flat.subarray(i * dims, (i + 1) * dims);
    if (!Number.isNaN(row[0]) && !known.has(text)) known.set(text, row);
  });
  return {
    dims,
    label: shipped.label,
    vectorOf: (text) => known.get(text),
    embedQuery: () => Promise.reject(new Error('no encoder in the KB build thread')),
  };
}
