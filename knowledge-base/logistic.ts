/** A small logistic regression over a handful of standardised signals, fitted by gradient descent. */
export interface LogisticModel {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) {
    z += model.weights[i]! * (((x[i] ?? 0) - model.mean[i]!) / model.scale[i]!);
  }
  return 1 / (1 + Math.exp(-z));
}

export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  sampleWeights: readonly number[],
  { iterations = 400, l2 = 1e-3, learningRate = 0.5 } = {},
): LogisticModel {
  const dims = rows[0]?.length ?? 0;
  const totalWeight = sampleWeights.reduce((a, b) => a + b, 0) || 1;
  const mean = new Array<number>(dims).fill(0);
  const scale = new Array<number>(dims).fill(0);
  rows.forEach((r, n) => r.forEach((v, i) => (mean[i]! += (v * sampleWeights[n]!) / totalWeight)));
  rows.forEach((r, n) =>
    r.forEach((v, i) => (scale[i]! += ((v - mean[i]!) ** 2 * sampleWeights[n]!) / totalWeight)),
  );
  for (let i = 0; i < dims; i++) scale[i] = Math.sqrt(scale[i]!) || 1;
  const xs = rows.map((r) => r.map((v, i) => (v - mean[i]!) / scale[i]!));
  const w = new Array<number>(dims).fill(0);
  let b = 0;
  const gw = new Array<number>(dims);
  for (let it = 0; it < iterations; it++) {
    gw.fill(0);
    let gb = 0;
    xs.forEach((x, n) => {
      let z = b;
      for (let i = 0; i < dims; i++) z += w[i]! * x[i]!;
      const err = (1 / (1 + Math.exp(-z)) - (labels[n] ? 1 : 0)) * sampleWeights[n]!;
      for (let i = 0; i < dims; i++) gw[i]! += err * x[i]!;
      gb += err;
    });
    for (let i = 0; i < dims; i++) w[i]! -= learningRate * (gw[i]! / totalWeight + l2 * w[i]!);
    b -= (learningRate * gb) / totalWeight;
  }
  return { mean, scale, weights: w, bias: b };
}
