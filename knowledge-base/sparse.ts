/** A sparse vector: feature ids in ascending order with their weights. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly values: Float32Array;
}

export function fromMap(weights: Map<number, number>): SparseVector {
  const ids = Int32Array.from(weights.keys()).sort();
  const values = new Float32Array(ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = weights.get(ids[i]!)!;
  return { ids, values };
}

export function norm(v: SparseVector): number {
  let sum = 0;
  for (let i = 0; i < v.values.length; i++) sum += v.values[i]! * v.values[i]!;
  return Math.sqrt(sum);
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
