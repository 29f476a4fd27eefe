import { foldWords, type Entry } from '../../knowledge-base';
import type { Baseline } from './baselines';

/**
 * The plain baseline issue 13 names: TF-IDF over word 1–2-grams and character 3–5-grams (within
 * words, padded), one multinomial logistic regression (softmax, SGD with L2), one threshold on the
 * top probability. Written for the bench only; nothing in the product uses it.
 */
export function tfidfLogisticBaseline(entries: readonly Entry[], epochs = 8): Baseline {
  const docs = entries.flatMap((e, label) => [e.question, ...e.alternates].map((text) => ({ text, label })));
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const grams = docs.map((d) => {
    const g = [...new Set(gramsOf(d.text))];
    for (const key of g) {
      let id = vocabulary.get(key);
      if (id === undefined) vocabulary.set(key, (id = vocabulary.size));
      df[id] = (df[id] ?? 0) + 1;
    }
    return gramsOf(d.text);
  });
  const n = docs.length;
  const idf = Float32Array.from(df, (d) => Math.log((1 + n) / (1 + d)) + 1);
  const vectorize = (keys: readonly string[]): { ids: number[]; values: number[] } => {
    const counts = new Map<number, number>();
    for (const k of keys) {
      const id = vocabulary.get(k);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const ids = [...counts.keys()];
    const values = ids.map((id) => (1 + Math.log(counts.get(id)!)) * idf[id]!);
    const norm = Math.hypot(...values) || 1;
    return { ids, values: values.map((v) => v / norm) };
  };
  const x = grams.map(vectorize);
  const classes = entries.length;
  const features = vocabulary.size;
  const w = new Float32Array(features * classes);
  const bias = new Float32Array(classes);
  const p = new Float64Array(classes);
  const order = docs.map((_, i) => i);
  let seed = 17;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const l2 = 1e-5;
  const logits = (v: { ids: number[]; values: number[] }, out: Float64Array) => {
    out.set(bias);
    v.ids.forEach((id, k) => {
      const row = id * classes;
      const xv = v.values[k]!;
      for (let c = 0; c < classes; c++) out[c]! += w[row + c]! * xv;
    });
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, out[c]!);
    let z = 0;
    for (let c = 0; c < classes; c++) z += out[c] = Math.exp(out[c]! - max);
    for (let c = 0; c < classes; c++) out[c]! /= z;
  };
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = 2 / (1 + epoch);
    for (const i of order) {
      const v = x[i]!;
      logits(v, p);
      p[docs[i]!.label]! -= 1;
      for (let c = 0; c < classes; c++) bias[c]! -= rate * 0.1 * p[c]!;
      v.ids.forEach((id, k) => {
        const row = id * classes;
        const xv = v.values[k]!;
        for (let c = 0; c < classes; c++) w[row + c]! -= rate * (p[c]! * xv + l2 * w[row + c]!);
      });
    }
  }
  return {
    name: 'TF-IDF + logistic regression',
    top(text) {
      const out = new Float64Array(classes);
      logits(vectorize(gramsOf(text)), out);
      const ranked = [...out.keys()].sort((a, b) => out[b]! - out[a]!).slice(0, 3);
      return {
        candidates: ranked.map((c) => ({ id: entries[c]!.id, score: out[c]! })),
        confidence: out[ranked[0]!] ?? 0,
      };
    },
  };
}

/** Word unigrams and bigrams, and character 3–5-grams of each padded word, over folded words. */
function gramsOf(text: string): string[] {
  const words = foldWords(text);
  const out: string[] = [];
  words.forEach((word, i) => {
    out.push(`w:${word}`);
    if (i + 1 < words.length) out.push(`b:${word} ${words[i + 1]}`);
    const padded = ` ${word} `;
    for (let size = 3; size <= 5; size++)
      for (let k = 0; k + size <= padded.length; k++) out.push(`c:${padded.slice(k, k + size)}`);
  });
  return out;
}
