import { DEFAULT_FEATURE_WEIGHTS, FeatureSpace, type AnalyzedText, type FeatureWeights } from './features';
import { DEFAULT_LINEAR_OPTIONS, LinearModel, type LinearModelOptions } from './linear-model';
import type { Locale } from './locale';
import { PhrasingIndex } from './phrasing-index';
import type { SparseVector } from './sparse';
import { NO_SYNONYMS, type Synonyms } from './synonyms';

/** How the three scorers are blended; tuned on a calibration set when one is given. */
export interface Blend {
  /** Share of the nearest-phrasing similarity. */
  readonly knnShare: number;
  /** Share of the similarity to the entry as a whole (all its phrasings together). */
  readonly entryShare: number;
  /** Softmax temperature of the learned scorer, which gets the rest. */
  readonly temperature: number;
}

export const DEFAULT_BLEND: Blend = Object.freeze({ knnShare: 0.3, entryShare: 0.2, temperature: 0.1 });

export interface RankerOptions {
  readonly features: FeatureWeights;
  readonly linear: LinearModelOptions;
  /**
   * Train the learned scorer on character n-grams too: more robust to typos and inflections, but
   * about 5× the training cost, so by default ('auto') only for KBs up to 5,000 phrasings. On the
   * demo KBs' labelled sets it raised top-1 accuracy by 2–4 points.
   */
  readonly linearOnCharNgrams: boolean | 'auto';
}

const CHAR_NGRAM_LINEAR_MAX_PHRASINGS = 5000;

export const DEFAULT_RANKER_OPTIONS: RankerOptions = Object.freeze({
  features: DEFAULT_FEATURE_WEIGHTS,
  linear: DEFAULT_LINEAR_OPTIONS,
  linearOnCharNgrams: 'auto',
});

/** What the scorers said about one message, kept so a blend can be re-applied without re-scoring. */
export interface ScoredQuery {
  readonly analysis: AnalyzedText;
  /** Entry indexes with any evidence. */
  readonly entries: Int32Array;
  readonly knn: Float32Array;
  readonly whole: Float32Array;
  readonly lin: Float32Array;
  readonly classCount: number;
}

export interface RankedEntry {
  readonly index: number;
  readonly score: number;
  readonly knn: number;
  readonly whole: number;
  readonly probability: number;
}

/** Sum of an entry's phrasing vectors, L2-normalised: the entry as one document. */
function entryDocuments(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
): SparseVector[] {
  const sums = Array.from({ length: classCount }, () => new Map<number, number>());
  vectors.forEach((v, i) => {
    const sum = sums[labels[i]!]!;
    v.ids.forEach((id, k) => sum.set(id, (sum.get(id) ?? 0) + v.values[k]!));
  });
  return sums.map((sum) => {
    const ids = Int32Array.from(sum.keys()).sort();
    const values = Float32Array.from(ids, (id) => sum.get(id)!);
    const norm = Math.sqrt(values.reduce((s, x) => s + x * x, 0)) || 1;
    for (let k = 0; k < values.length; k++) values[k]! /= norm;
    return { ids, values };
  });
}

/** Scores every entry of one language for a message: nearest phrasing, whole entry, learned scorer. */
export class Ranker {
  private readonly knnBuffer: Float32Array;
  private readonly wholeBuffer: Float32Array;
  private readonly linBuffer: Float32Array;

  private constructor(
    readonly space: FeatureSpace,
    private readonly phrasingIndex: PhrasingIndex,
    private readonly entryIndex: PhrasingIndex,
    private readonly model: LinearModel,
    readonly classCount: number,
    private readonly linearOnCharNgrams: boolean,
  ) {
    this.knnBuffer = new Float32Array(classCount);
    this.wholeBuffer = new Float32Array(classCount);
    this.linBuffer = new Float32Array(classCount);
  }

  static build(
    locale: Locale,
    phrasings: readonly string[],
    labels: Int32Array,
    classCount: number,
    options: RankerOptions = DEFAULT_RANKER_OPTIONS,
    synonyms: Synonyms = NO_SYNONYMS,
  ): Ranker {
    const { space, phrasings: analyzed } = FeatureSpace.build(locale, phrasings, options.features, synonyms);
    const full = analyzed.map((a) => a.full);
    const phrasingIndex = new PhrasingIndex(full, labels, space.size);
    const entryIndex = new PhrasingIndex(
      entryDocuments(full, labels, classCount),
      Int32Array.from({ length: classCount }, (_, i) => i),
      space.size,
      1,
    );
    const withChars =
      options.linearOnCharNgrams === 'auto'
        ? phrasings.length <= CHAR_NGRAM_LINEAR_MAX_PHRASINGS
        : options.linearOnCharNgrams;
    const model = LinearModel.train(
      analyzed.map((a) => (withChars ? a.full : a.lexical)),
      labels,
      space.size,
      classCount,
      options.linear,
    );
    return new Ranker(space, phrasingIndex, entryIndex, model, classCount, withChars);
  }

  score(text: string): ScoredQuery {
    const analysis = this.space.analyze(text);
    this.phrasingIndex.nearestByEntry(analysis.full, this.knnBuffer);
    this.entryIndex.nearestByEntry(analysis.full, this.wholeBuffer);
    this.model.score(this.linearOnCharNgrams ? analysis.full : analysis.lexical, this.linBuffer);
    const entries: number[] = [];
    for (let c = 0; c < this.classCount; c++) {
      if (this.knnBuffer[c] !== 0 || this.wholeBuffer[c] !== 0 || this.linBuffer[c] !== 0) entries.push(c);
    }
    const pick = (buffer: Float32Array): Float32Array => Float32Array.from(entries, (c) => buffer[c]!);
    return {
      analysis,
      entries: Int32Array.from(entries),
      knn: pick(this.knnBuffer),
      whole: pick(this.wholeBuffer),
      lin: pick(this.linBuffer),
      classCount: this.classCount,
    };
  }
}

/** Blended score of each entry with evidence, via `visit`; returns nothing, allocates nothing. */
function forEachBlended(
  scored: ScoredQuery,
  blend: Blend,
  visit: (i: number, score: number, probability: number) => void,
): void {
  const { knn, whole, lin, entries, classCount } = scored;
  const t = blend.temperature;
  let max = 0;
  for (let i = 0; i < lin.length; i++) max = Math.max(max, lin[i]! / t);
  // Entries with no evidence score 0 in the linear model and still share the softmax mass.
  let z = (classCount - entries.length) * Math.exp(-max);
  for (let i = 0; i < lin.length; i++) z += Math.exp(lin[i]! / t - max);
  const linShare = 1 - blend.knnShare - blend.entryShare;
  for (let i = 0; i < entries.length; i++) {
    const probability = Math.exp(lin[i]! / t - max) / z;
    visit(i, blend.knnShare * knn[i]! + blend.entryShare * whole[i]! + linShare * probability, probability);
  }
}

/** Best entries first under a blend; `probability` is the learned scorer's softmax share. */
export function rank(scored: ScoredQuery, blend: Blend, limit = 5): RankedEntry[] {
  const ranked: RankedEntry[] = [];
  forEachBlended(scored, blend, (i, score, probability) => {
    ranked.push({
      index: scored.entries[i]!,
      score,
      knn: scored.knn[i]!,
      whole: scored.whole[i]!,
      probability,
    });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, limit);
}

/** The best entry under a blend, without building the ranked list (used to tune the blend). */
export function topEntry(scored: ScoredQuery, blend: Blend): number {
  let best = -1;
  let bestScore = -Infinity;
  forEachBlended(scored, blend, (i, score) => {
    const entry = scored.entries[i]!;
    if (score > bestScore || (score === bestScore && entry < best)) {
      best = entry;
      bestScore = score;
    }
  });
  return best;
}
