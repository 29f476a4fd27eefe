import { classCentroids, DENSE_FEATURE_WEIGHT, dotDense } from './dense';
import {
  DEFAULT_FEATURE_WEIGHTS,
  FeatureSpace,
  type AnalyzedText,
  type FeatureSpaceSnapshot,
  type FeatureWeights,
} from './features';
import { EntryStems, type EntryStemsSnapshot } from './entry-stems';
import { LearnedKey, type LearnedStore } from './learned-cache';
import { TextKeyedInts, type TextKeyedIntsSnapshot } from './text-hash';
import {
  DEFAULT_LINEAR_OPTIONS,
  LinearModel,
  type LinearModelOptions,
  type LinearModelSnapshot,
} from './linear-model';
import type { Locale } from './locale';
import { PhrasingIndex, type PhrasingIndexSnapshot } from './phrasing-index';
import type { SparseVector } from './sparse';
import { FUNCTION_WORDS } from './stopwords';
import { NO_SYNONYMS, type Synonyms } from './synonyms';

/** How the three scorers are blended; tuned on a calibration set when one is given. */
export interface Blend {
  /** Share of the nearest-phrasing similarity. */
  readonly knnShare: number;
  /** Share of the similarity to the entry as a whole (all its phrasings together). */
  readonly entryShare: number;
  /** Share of the sentence encoder's similarity to the entry (0 without an encoder). */
  readonly denseShare: number;
  /** Softmax temperature of the learned scorer, which gets the rest. */
  readonly temperature: number;
}

/** The softmax temperatures a blend may use; each query's normaliser is computed once for each. */
export const TEMPERATURES = [0.03, 0.06, 0.1, 0.12] as const;

export const DEFAULT_BLEND: Blend = Object.freeze({
  knnShare: 0.3,
  entryShare: 0.2,
  denseShare: 0,
  temperature: 0.1,
});

/** Entries kept per scorer for ranking: the blended best is always among some scorer's best. */
const CANDIDATES_PER_SCORER = 24;

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
  /** Candidate entries: the best few of each scorer. */
  readonly entries: Int32Array;
  readonly knn: Float32Array;
  readonly whole: Float32Array;
  readonly lin: Float32Array;
  /** Cosine of the message's sentence vector to each candidate entry's (all 0 without one). */
  readonly dense: Float32Array;
  /** Whether the message had a sentence vector (false: lexical evidence only). */
  readonly hasVector: boolean;
  /** Share of the message's content words that an entry's phrasings use (0 when it has none). */
  readonly coverage: (entry: number) => number;
  /**
   * Entries whose phrasings use the content word of a one-content-word message ("annuler", "mon
   * compte"); 0 for longer messages. Many such entries: a vague message.
   */
  readonly sharedBy: number;
  /** Per temperature (same order as TEMPERATURES; only those asked for): softmax shift and normaliser over all entries. */
  readonly softmax: ReadonlyArray<{ readonly shift: number; readonly z: number } | undefined>;
}

export interface RankedEntry {
  readonly index: number;
  readonly score: number;
  readonly knn: number;
  readonly whole: number;
  readonly dense: number;
  readonly probability: number;
}

/** Sum of an entry's phrasing vectors, L2-normalised: the entry as one document. */
function entryDocuments(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  classCount: number,
  featureCount: number,
): SparseVector[] {
  const phrasingsOf: number[][] = Array.from({ length: classCount }, () => []);
  labels.forEach((label, i) => phrasingsOf[label]!.push(i));
  // One dense accumulator reused for every entry (a Map per entry was 15 % of a 10,000-entry build).
  const sum = new Float64Array(featureCount);
  const touched = new Int32Array(featureCount);
  return phrasingsOf.map((phrasings) => {
    let count = 0;
    for (const i of phrasings) {
      const v = vectors[i]!;
      for (let k = 0; k < v.ids.length; k++) {
        const id = v.ids[k]!;
        if (sum[id] === 0) touched[count++] = id;
        sum[id]! += v.values[k]!;
      }
    }
    const ids = touched.slice(0, count).sort();
    const values = Float32Array.from(ids, (id) => sum[id]!);
    let norm = 0;
    for (const id of ids) {
      norm += sum[id]! * sum[id]!;
      sum[id] = 0;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < values.length; k++) values[k]! /= norm;
    return { ids, values };
  });
}

/**
 * What the lexical scorers build from a KB language's phrasings: the feature space, each phrasing's
 * features, the nearest-phrasing and whole-entry indexes. A ranker with sentence vectors and one
 * without build the same, so a cascade builds it once (`Ranker.build`'s `shared`).
 */
export interface LexicalIndex {
  readonly phrasings: readonly string[];
  readonly labels: Int32Array;
  readonly classCount: number;
  readonly features: FeatureWeights;
  readonly synonyms: Synonyms;
  readonly space: FeatureSpace;
  readonly analyzed: readonly AnalyzedText[];
  readonly phrasingIndex: PhrasingIndex;
  readonly entryIndex: PhrasingIndex;
  /**
   * Each entry's stems, and how many entries use each stem (what makes a one-word message vague).
   * Built with the index, not by the ranker: counting took 40 ms of the bot's thread on a 10,000-entry reload.
   */
  readonly stems: EntryStems;
  /** Each phrasing's stems, to the one entry that has it (-1: several entries share it). */
  readonly phrasingOwners: TextKeyedInts;
}

/**
 * A ranker's state as structured-clone-able data (Maps, Sets, typed arrays), for a KB built in a
 * worker thread. The phrasings' analyses stay behind: only a build reads them, never a message.
 */
export interface RankerSnapshot {
  readonly lexical: Omit<
    LexicalIndex,
    'space' | 'synonyms' | 'analyzed' | 'phrasingIndex' | 'entryIndex' | 'stems' | 'phrasingOwners'
  > & {
    readonly space: FeatureSpaceSnapshot;
    readonly phrasingOwners: TextKeyedIntsSnapshot;
    readonly stems: EntryStemsSnapshot;
    readonly phrasingIndex: PhrasingIndexSnapshot;
    readonly entryIndex: PhrasingIndexSnapshot;
  };
  readonly model: LinearModelSnapshot;
  readonly linearOnCharNgrams: boolean;
  readonly centroids: { readonly rows: Float32Array; readonly dims: number } | undefined;
  readonly learnedKey: string | undefined;
}

function buildLexicalIndex(
  locale: Locale,
  phrasings: readonly string[],
  labels: Int32Array,
  classCount: number,
  features: FeatureWeights,
  synonyms: Synonyms,
): LexicalIndex {
  const { space, phrasings: analyzed } = FeatureSpace.build(locale, phrasings, features, synonyms);
  const full = analyzed.map((a) => a.full);
  const phrasingIndex = new PhrasingIndex(full, labels, space.size);
  const entryIndex = new PhrasingIndex(
    entryDocuments(full, labels, classCount, space.size),
    Int32Array.from({ length: classCount }, (_, i) => i),
    space.size,
    1,
  );
  const stems = EntryStems.build((i) => analyzed[i]!.stems, labels, classCount);
  const owners = new Map<string, number>();
  analyzed.forEach((a, i) => {
    const key = a.stems.join(' ');
    const owner = owners.get(key);
    owners.set(key, owner === undefined || owner === labels[i] ? labels[i]! : -1);
  });
  const phrasingOwners = TextKeyedInts.from(owners);
  return {
    phrasings,
    labels,
    classCount,
    features,
    synonyms,
    space,
    analyzed,
    phrasingIndex,
    entryIndex,
    stems,
    phrasingOwners,
  };
}

/**
 * The learned scorer's key, and what the other scorers read: each phrasing's analysed features
 * (so a change of normalisation, synonyms or feature weights shows), labels and entry centroids.
 */
function rankerKey(
  linearKey: string,
  lexical: LexicalIndex,
  withChars: boolean,
  centroids: Float32Array | undefined,
): string {
  const key = new LearnedKey('ranker')
    .text(linearKey)
    .json({
      locale: lexical.space.locale,
      classCount: lexical.classCount,
      withChars,
      size: lexical.space.size,
    })
    .array(lexical.labels);
  for (const a of lexical.analyzed) key.array(a.full.ids).array(a.full.values).text(a.stems.join(' '));
  if (centroids) key.array(centroids);
  return key.digest();
}

/** Whether `index` was built from exactly these phrasings, labels, weights and synonyms. */
function builtFrom(
  index: LexicalIndex,
  locale: Locale,
  phrasings: readonly string[],
  labels: Int32Array,
  classCount: number,
  features: FeatureWeights,
  synonyms: Synonyms,
): boolean {
  return (
    // A restored index has no analyses to train on.
    index.analyzed.length === phrasings.length &&
    index.space.locale === locale &&
    index.classCount === classCount &&
    index.phrasings.length === phrasings.length &&
    index.phrasings.every((p, i) => p === phrasings[i] && index.labels[i] === labels[i]) &&
    (index.features === features || JSON.stringify(index.features) === JSON.stringify(features)) &&
    index.synonyms.sameAs(synonyms)
  );
}

/** Scores every entry of one language for a message: nearest phrasing, whole entry, learned scorer. */
export class Ranker {
  private readonly knnBuffer: Float32Array;
  private readonly wholeBuffer: Float32Array;
  private readonly linBuffer: Float32Array;
  private readonly denseBuffer: Float32Array;

  readonly space: FeatureSpace;
  private readonly phrasingIndex: PhrasingIndex;
  private readonly entryIndex: PhrasingIndex;
  private readonly stems: EntryStems;
  readonly classCount: number;

  private constructor(
    /** What another ranker on the same phrasings can reuse. */
    readonly lexical: LexicalIndex,
    private readonly model: LinearModel,
    private readonly linearOnCharNgrams: boolean,
    /** Entry centroids of the phrasings' sentence vectors (classCount × dims); undefined: lexical only. */
    private readonly centroids?: { readonly rows: Float32Array; readonly dims: number },
    /**
     * Hash of everything that makes this ranker score as it does (built through a learned store
     * only): what calibration on it is keyed by.
     */
    readonly learnedKey?: string,
  ) {
    this.space = lexical.space;
    this.phrasingIndex = lexical.phrasingIndex;
    this.entryIndex = lexical.entryIndex;
    this.stems = lexical.stems;
    this.classCount = lexical.classCount;
    const classCount = this.classCount;
    this.knnBuffer = new Float32Array(classCount);
    this.denseBuffer = new Float32Array(classCount);
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
    /** Sentence vectors of the phrasings (same order), when an encoder is in use. */
    vectors?: { readonly of: ReadonlyArray<Float32Array | undefined>; readonly dims: number },
    /** Another ranker's lexical index, reused when it was built from the same phrasings. */
    shared?: LexicalIndex,
    /** Weights learned by an earlier build on the same input (loaded instead of trained, saved when new). */
    learned?: LearnedStore,
  ): Ranker {
    const lexical =
      shared && builtFrom(shared, locale, phrasings, labels, classCount, options.features, synonyms)
        ? shared
        : buildLexicalIndex(locale, phrasings, labels, classCount, options.features, synonyms);
    const { space, analyzed } = lexical;
    const withChars =
      options.linearOnCharNgrams === 'auto'
        ? phrasings.length <= CHAR_NGRAM_LINEAR_MAX_PHRASINGS
        : options.linearOnCharNgrams;
    const dims = vectors?.dims ?? 0;
    const model = LinearModel.trainOrLoad(
      learned,
      analyzed.map((a, i) => withVector(withChars ? a.full : a.lexical, space.size, vectors?.of[i])),
      labels,
      space.size + dims,
      classCount,
      options.linear,
    );
    const centroids = vectors && { rows: classCentroids(vectors.of, labels, classCount, dims), dims };
    const key = model.learnedKey && rankerKey(model.learnedKey, lexical, withChars, centroids?.rows);
    return new Ranker(lexical, model, withChars, centroids, key);
  }

  snapshot(): RankerSnapshot {
    const {
      space,
      synonyms: _synonyms,
      analyzed: _analyzed,
      phrasingIndex,
      entryIndex,
      stems,
      phrasingOwners,
      ...rest
    } = this.lexical;
    return {
      lexical: {
        ...rest,
        space: space.snapshot(),
        stems: stems.snapshot(),
        phrasingOwners: phrasingOwners.snapshot(),
        phrasingIndex: phrasingIndex.snapshot(),
        entryIndex: entryIndex.snapshot(),
      },
      model: this.model.snapshot(),
      linearOnCharNgrams: this.linearOnCharNgrams,
      centroids: this.centroids,
      learnedKey: this.learnedKey,
    };
  }

  /** `shared`: the lexical index already restored for this language (a cascade's two rankers share it). */
  static restore(s: RankerSnapshot, shared?: LexicalIndex): Ranker {
    const lexical = shared ?? restoreLexical(s.lexical);
    return new Ranker(lexical, LinearModel.restore(s.model), s.linearOnCharNgrams, s.centroids, s.learnedKey);
  }

  /**
   * The one entry one of whose phrasings the message is, word for word after normalisation (-1:
   * none). Messages of fewer than three words never count: "annuler" is some phrasing's whole
   * remainder and still means many entries.
   */
  entryWithPhrasing(analysis: AnalyzedText): number {
    if (analysis.stems.length < 3) return -1;
    return this.lexical.phrasingOwners.get(analysis.stems.join(' ')) ?? -1;
  }

  /** Whether the ranker was trained with sentence vectors (then a message's vector adds evidence). */
  get readsVectors(): boolean {
    return this.centroids !== undefined;
  }

  /** Whether an entry's phrasings use a stem (what an explanation's matched terms are read against). */
  entryHasStem(entry: number, stem: string): boolean {
    return this.stems.has(entry, stem);
  }

  /** Scores a message; `temperatures` limits the softmax normalisers computed (calibration needs all). */
  score(text: string, temperatures: readonly number[] = TEMPERATURES, vector?: Float32Array): ScoredQuery {
    const analysis = this.space.analyze(text);
    this.phrasingIndex.nearestByEntry(analysis.full, this.knnBuffer);
    this.entryIndex.nearestByEntry(analysis.full, this.wholeBuffer);
    const dense = this.centroids && vector ? this.centroids : undefined;
    const lexical = this.linearOnCharNgrams ? analysis.full : analysis.lexical;
    this.model.score(dense ? withVector(lexical, this.space.size, vector) : lexical, this.linBuffer);
    this.denseBuffer.fill(0);
    if (dense && vector)
      for (let c = 0; c < this.classCount; c++)
        this.denseBuffer[c] = dotDense(dense.rows, c * dense.dims, vector, dense.dims);
    const chosen = new Set<number>();
    const buffers = dense
      ? [this.knnBuffer, this.wholeBuffer, this.linBuffer, this.denseBuffer]
      : [this.knnBuffer, this.wholeBuffer, this.linBuffer];
    for (const buffer of buffers) {
      for (const c of topIndexes(buffer, CANDIDATES_PER_SCORER)) chosen.add(c);
    }
    const entries = Int32Array.from(chosen).sort();
    const pick = (buffer: Float32Array): Float32Array => Float32Array.from(entries, (c) => buffer[c]!);
    const fn = FUNCTION_WORDS[this.space.locale];
    const contentStems = analysis.stems.filter((_, i) => !fn.has(analysis.words[i]!));
    // Computed on demand: the confidence reads it for the best entry only.
    const coverage = (entry: number): number => {
      if (contentStems.length === 0) return 0;
      return contentStems.filter((stem) => this.stems.has(entry, stem)).length / contentStems.length;
    };
    return {
      coverage,
      sharedBy: this.entriesUsingOnly(contentStems),
      analysis,
      entries,
      knn: pick(this.knnBuffer),
      whole: pick(this.wholeBuffer),
      lin: pick(this.linBuffer),
      dense: pick(this.denseBuffer),
      hasVector: dense !== undefined,
      softmax: TEMPERATURES.map((t) =>
        temperatures.includes(t) ? softmaxNormaliser(this.linBuffer, t) : undefined,
      ),
    };
  }

  /**
   * How many entries use the message's only content stem; 0 for messages of more content words.
   * Two-word messages were measured too: counting entries using both words also caught "check
   * balance"-like CLINC150 questions the ranker gets right (-2.2 points of accuracy, against -0.5
   * with one word), for no gain on the demo sets.
   */
  private entriesUsingOnly(contentStems: readonly string[]): number {
    const distinct = new Set(contentStems);
    if (distinct.size !== 1) return 0;
    const [stem] = distinct;
    return this.stems.entriesUsing(stem!);
  }
}

function restoreLexical(s: RankerSnapshot['lexical']): LexicalIndex {
  const space = FeatureSpace.restore(s.space);
  return {
    ...s,
    space,
    synonyms: space.synonymsInUse,
    analyzed: [],
    phrasingIndex: PhrasingIndex.restore(s.phrasingIndex),
    entryIndex: PhrasingIndex.restore(s.entryIndex),
    stems: EntryStems.restore(s.stems),
    phrasingOwners: TextKeyedInts.restore(s.phrasingOwners),
  };
}

/**
 * The learned scorer's input: the lexical features, then the sentence vector as `dims` more
 * features numbered after them (ids stay ascending), weighted against the unit-norm lexical part.
 */
function withVector(lexical: SparseVector, offset: number, vector: Float32Array | undefined): SparseVector {
  if (!vector) return lexical;
  const n = lexical.ids.length;
  const ids = new Int32Array(n + vector.length);
  const values = new Float32Array(n + vector.length);
  ids.set(lexical.ids);
  values.set(lexical.values);
  for (let k = 0; k < vector.length; k++) {
    ids[n + k] = offset + k;
    values[n + k] = DENSE_FEATURE_WEIGHT * vector[k]!;
  }
  return { ids, values };
}

/** Indexes of the `k` largest positive values. */
function topIndexes(values: Float32Array, k: number): number[] {
  const best: number[] = [];
  let floor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v <= floor && best.length >= k) continue;
    if (v <= 0) continue;
    let at = best.length;
    while (at > 0 && values[best[at - 1]!]! < v) at--;
    best.splice(at, 0, i);
    if (best.length > k) best.pop();
    if (best.length >= k) floor = values[best[best.length - 1]!]!;
  }
  return best;
}

/** Softmax over every entry's linear score at temperature t, as a shift and a normaliser. */
function softmaxNormaliser(lin: Float32Array, t: number): { shift: number; z: number } {
  let shift = 0;
  for (let c = 0; c < lin.length; c++) shift = Math.max(shift, lin[c]! / t);
  let z = 0;
  for (let c = 0; c < lin.length; c++) z += Math.exp(lin[c]! / t - shift);
  return { shift, z };
}

/** Blended score of each candidate, via `visit`; allocates nothing. */
function forEachBlended(
  scored: ScoredQuery,
  blend: Blend,
  visit: (i: number, score: number, probability: number) => void,
): void {
  const { knn, whole, lin, dense, entries } = scored;
  const t = blend.temperature;
  const at = TEMPERATURES.indexOf(t as (typeof TEMPERATURES)[number]);
  if (at < 0) throw new Error(`blend temperature ${t} is not one of ${TEMPERATURES.join(', ')}`);
  const normaliser = scored.softmax[at];
  if (!normaliser) throw new Error(`query scored without the softmax normaliser for temperature ${t}`);
  const { shift, z } = normaliser;
  const denseShare = scored.hasVector ? blend.denseShare : 0;
  const linShare = 1 - blend.knnShare - blend.entryShare - denseShare;
  for (let i = 0; i < entries.length; i++) {
    const probability = Math.exp(lin[i]! / t - shift) / z;
    const lexical = blend.knnShare * knn[i]! + blend.entryShare * whole[i]!;
    visit(i, lexical + denseShare * dense[i]! + linShare * probability, probability);
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
      dense: scored.dense[i]!,
      probability,
    });
  });
  ranked.sort((a, b) => b.score - a.score || a.index - b.index);
  return ranked.slice(0, limit);
}

/**
 * The three best entries under a blend, the class of out-of-scope examples (`noneClass`, -1 when the
 * KB has none) set aside; `none` when that class ranks first: the message is like what the KB
 * was told not to answer. `noneScore`: that class's blended score (0 when it is not a candidate),
 * undefined when the KB has no such class.
 */
export function rankEntries(
  scored: ScoredQuery,
  blend: Blend,
  noneClass: number,
): { ranked: RankedEntry[]; none: boolean; noneScore: number | undefined } {
  if (noneClass < 0) return { ranked: rank(scored, blend, 3), none: false, noneScore: undefined };
  // Every candidate: the class's own score is read even when it ranks below the third entry.
  const all = rank(scored, blend, scored.entries.length);
  return {
    ranked: all.filter((r) => r.index !== noneClass).slice(0, 3),
    none: all[0]?.index === noneClass,
    noneScore: all.find((r) => r.index === noneClass)?.score ?? 0,
  };
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
