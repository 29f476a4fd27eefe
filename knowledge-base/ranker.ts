import { DEFAULT_FEATURE_WEIGHTS, FeatureSpace, type AnalyzedText, type FeatureWeights } from './features';
import { DEFAULT_LINEAR_OPTIONS, LinearModel, type LinearModelOptions } from './linear-model';
import type { Locale } from './locale';
import { PhrasingIndex } from './phrasing-index';

/** How the two scorers are blended; tuned on a calibration set when one is given. */
export interface Blend {
  /** Share of the nearest-phrasing similarity; the rest is the learned scorer's probability. */
  readonly knnShare: number;
  /** Softmax temperature of the learned scorer. */
  readonly temperature: number;
}

export const DEFAULT_BLEND: Blend = Object.freeze({ knnShare: 0.5, temperature: 0.1 });

export interface RankerOptions {
  readonly features: FeatureWeights;
  readonly linear: LinearModelOptions;
  /** Train the learned scorer on character n-grams too (more typo-robust, slower to train). */
  readonly linearOnCharNgrams: boolean;
}

export const DEFAULT_RANKER_OPTIONS: RankerOptions = Object.freeze({
  features: DEFAULT_FEATURE_WEIGHTS,
  linear: DEFAULT_LINEAR_OPTIONS,
  linearOnCharNgrams: false,
});

/** What both scorers said about one message, kept so a blend can be re-applied without re-scoring. */
export interface ScoredQuery {
  readonly analysis: AnalyzedText;
  /** Entry indexes with any evidence. */
  readonly entries: Int32Array;
  readonly knn: Float32Array;
  readonly lin: Float32Array;
  readonly classCount: number;
}

export interface RankedEntry {
  readonly index: number;
  readonly score: number;
  readonly knn: number;
  readonly probability: number;
}

/** Scores every entry of one language for a message: nearest phrasing (lexical) + learned linear scorer. */
export class Ranker {
  private readonly knnBuffer: Float32Array;
  private readonly linBuffer: Float32Array;

  private constructor(
    readonly space: FeatureSpace,
    private readonly index: PhrasingIndex,
    private readonly model: LinearModel,
    readonly classCount: number,
    private readonly linearOnCharNgrams: boolean,
  ) {
    this.knnBuffer = new Float32Array(classCount);
    this.linBuffer = new Float32Array(classCount);
  }

  static build(
    locale: Locale,
    phrasings: readonly string[],
    labels: Int32Array,
    classCount: number,
    options: RankerOptions = DEFAULT_RANKER_OPTIONS,
  ): Ranker {
    const { space, phrasings: analyzed } = FeatureSpace.build(locale, phrasings, options.features);
    const index = new PhrasingIndex(
      analyzed.map((a) => a.full),
      labels,
      space.size,
      classCount,
    );
    const model = LinearModel.train(
      analyzed.map((a) => (options.linearOnCharNgrams ? a.full : a.lexical)),
      labels,
      space.size,
      classCount,
      options.linear,
    );
    return new Ranker(space, index, model, classCount, options.linearOnCharNgrams);
  }

  score(text: string): ScoredQuery {
    const analysis = this.space.analyze(text);
    this.index.nearestByEntry(analysis.full, this.knnBuffer);
    this.model.score(this.linearOnCharNgrams ? analysis.full : analysis.lexical, this.linBuffer);
    const entries: number[] = [];
    for (let c = 0; c < this.classCount; c++) {
      if (this.knnBuffer[c] !== 0 || this.linBuffer[c] !== 0) entries.push(c);
    }
    const knn = new Float32Array(entries.length);
    const lin = new Float32Array(entries.length);
    entries.forEach((c, i) => {
      knn[i] = this.knnBuffer[c]!;
      lin[i] = this.linBuffer[c]!;
    });
    return { analysis, entries: Int32Array.from(entries), knn, lin, classCount: this.classCount };
  }
}

/** Best entries first under a blend; `probability` is the learned scorer's softmax share. */
export function rank(scored: ScoredQuery, blend: Blend, limit = 5): RankedEntry[] {
  const { knn, lin, entries, classCount } = scored;
  const t = blend.temperature;
  let max = 0;
  for (let i = 0; i < lin.length; i++) max = Math.max(max, lin[i]! / t);
  // Entries with no evidence score 0 in the linear model and still share the softmax mass.
  let z = (classCount - entries.length) * Math.exp(-max);
  for (let i = 0; i < lin.length; i++) z += Math.exp(lin[i]! / t - max);
  const ranked: RankedEntry[] = [];
  for (let i = 0; i < entries.length; i++) {
    const probability = Math.exp(lin[i]! / t - max) / z;
    const score = blend.knnShare * knn[i]! + (1 - blend.knnShare) * probability;
    ranked.push({ index: entries[i]!, score, knn: knn[i]!, probability });
  }
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, limit);
}

/** The best entry under a blend, without building the ranked list (used to tune the blend). */
export function topEntry(scored: ScoredQuery, blend: Blend): number {
  const { knn, lin, entries } = scored;
  const t = blend.temperature;
  let max = 0;
  for (let i = 0; i < lin.length; i++) max = Math.max(max, lin[i]! / t);
  // The softmax denominator is common to all entries, so the argmax needs no normalisation beyond it.
  let z = (scored.classCount - entries.length) * Math.exp(-max);
  for (let i = 0; i < lin.length; i++) z += Math.exp(lin[i]! / t - max);
  let best = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < entries.length; i++) {
    const score = blend.knnShare * knn[i]! + ((1 - blend.knnShare) * Math.exp(lin[i]! / t - max)) / z;
    if (score > bestScore || (score === bestScore && entries[i]! < best)) {
      best = entries[i]!;
      bestScore = score;
    }
  }
  return best;
}
