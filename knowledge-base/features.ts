import type { Locale } from './locale';
import { knownBaseOf } from './inflections';
import { foldWords, normalizeFolded, prepareLemmas, stem, type NormalizedText } from './normalize';
import type { SparseVector } from './sparse';
import { NO_SYNONYMS, Synonyms, type SynonymsSnapshot } from './synonyms';
import { TypoIndex, type TypoIndexSnapshot } from './typos';
import { TextKeyedInts, type TextKeyedIntsSnapshot } from './text-hash';

/** How much each kind of evidence weighs in the full vector (each block is L2-normalised first). */
export interface FeatureWeights {
  readonly word: number;
  readonly bigram: number;
  readonly char: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = Object.freeze({ word: 1, bigram: 0.5, char: 0.8 });

/** A message as the matcher sees it. */
export interface AnalyzedText {
  readonly words: readonly string[];
  readonly stems: readonly string[];
  /** Words the KB never uses, even after typo correction. */
  readonly unknown: readonly string[];
  readonly corrections: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** Word and bigram features only (what the learned scorer reads). */
  readonly lexical: SparseVector;
  /** Words, bigrams and character n-grams (what the phrasing index reads). */
  readonly full: SparseVector;
}

const BLOCK_WORD = 0;
const BLOCK_BIGRAM = 1;
const BLOCK_CHAR = 2;
const CHAR_NGRAM_SIZES = [3, 4] as const;

/** Calls `visit` with a text's word features: stems and stem bigrams. */
function forEachWordFeature(stems: readonly string[], visit: (key: string, block: number) => void): void {
  for (const s of stems) visit(`w ${s}`, BLOCK_WORD);
  for (let i = 0; i + 1 < stems.length; i++) visit(`b ${stems[i]} ${stems[i + 1]}`, BLOCK_BIGRAM);
}

/** The character n-gram keys of one word (padded with spaces, so its edges count). */
function charNgrams(word: string): string[] {
  const padded = ` ${word} `;
  const keys: string[] = [];
  for (const n of CHAR_NGRAM_SIZES) {
    for (let i = 0; i + n <= padded.length; i++) keys.push(`c${padded.slice(i, i + n)}`);
  }
  return keys;
}

export interface FeatureSpaceSnapshot {
  readonly locale: Locale;
  readonly weights: FeatureWeights;
  readonly synonyms: SynonymsSnapshot;
  readonly ids: TextKeyedIntsSnapshot;
  readonly blocks: Int8Array;
  readonly idf: Float32Array;
  readonly wordFrequency: TextKeyedIntsSnapshot;
  readonly stemOfWord: ReadonlyMap<string, string>;
  readonly charIdsOfWord: ReadonlyMap<string, Int32Array>;
  readonly typos: TypoIndexSnapshot;
}

/** Vocabulary, IDF and typo index of one KB language, built from its phrasings. */
export class FeatureSpace {
  // Not readonly: `restore` takes the snapshot's collections instead of copying them (nothing changes them after a build).
  // Maps while the space is built; typed arrays once restored from a build thread (see text-hash.ts).
  private ids: TextMap = new Map<string, number>();
  private readonly blocks: number[] = [];
  private idf: Float32Array = new Float32Array(0);
  private wordFrequency: TextMap = new Map<string, number>();
  private stemOfWord = new Map<string, string>();
  /** Character n-gram feature ids of each KB word, made once: most of a text's features, and its words repeat. */
  private charIdsOfWord = new Map<string, Int32Array>();
  private typos!: TypoIndex;

  private constructor(
    readonly locale: Locale,
    readonly weights: FeatureWeights,
    private readonly synonyms: Synonyms,
  ) {}

  /** Its state as structured-clone-able data (Maps, typed arrays: a KB built in a worker thread crosses to the bot's). */
  snapshot(): FeatureSpaceSnapshot {
    return {
      locale: this.locale,
      weights: this.weights,
      synonyms: this.synonyms.snapshot(),
      ids: frozen(this.ids),
      blocks: Int8Array.from(this.blocks),
      idf: this.idf,
      wordFrequency: frozen(this.wordFrequency),
      stemOfWord: this.stemOfWord,
      charIdsOfWord: this.charIdsOfWord,
      typos: this.typos.snapshot(),
    };
  }

  /**
   * The space `snapshot` described, and the synonyms it reads with (shared with its lexical index).
   * It takes the snapshot's collections as they are (a copy cost the bot's thread 30 ms on a 10,000-entry KB): the
   * snapshot is a message's own copy, or the state of a built space, which nothing changes.
   */
  static restore(s: FeatureSpaceSnapshot, synonyms = Synonyms.restore(s.synonyms)): FeatureSpace {
    const space = new FeatureSpace(s.locale, s.weights, synonyms);
    space.ids = TextKeyedInts.restore(s.ids);
    for (const block of s.blocks) space.blocks.push(block);
    space.idf = s.idf;
    space.wordFrequency = TextKeyedInts.restore(s.wordFrequency);
    space.stemOfWord = s.stemOfWord as Map<string, string>;
    space.charIdsOfWord = s.charIdsOfWord as Map<string, Int32Array>;
    space.typos = TypoIndex.restore(s.typos);
    return space;
  }

  /** The synonyms this space reads messages with. */
  get synonymsInUse(): Synonyms {
    return this.synonyms;
  }

  /** The KB's normalisation of a text (its synonyms included). */
  normalize(text: string): NormalizedText {
    return this.normalizeWords(foldWords(text, this.locale));
  }

  /** `stemOf`: how a word is stemmed (default: the language's stemmer; messages use `queryStem`). */
  private normalizeWords(folded: string[], stemOf?: (word: string) => string): NormalizedText {
    return normalizeFolded(folded, this.locale, (words) => this.synonyms.apply(words), stemOf);
  }

  /** Builds the space from the phrasings and returns it with each phrasing's vectors (normalised once). */
  static build(
    locale: Locale,
    texts: readonly string[],
    weights = DEFAULT_FEATURE_WEIGHTS,
    synonyms: Synonyms = NO_SYNONYMS,
  ): { space: FeatureSpace; phrasings: AnalyzedText[] } {
    const space = new FeatureSpace(locale, weights, synonyms);
    const ids = new Map<string, number>();
    const wordFrequency = new Map<string, number>();
    space.ids = ids;
    space.wordFrequency = wordFrequency;
    // Fold each phrasing once: the lemma batch and the normalisation read the same words.
    const folded = texts.map((t) => foldWords(t, locale));
    prepareLemmas(folded.flat(), locale);
    const normalized: NormalizedText[] = folded.map((words) => space.normalizeWords(words));
    const df: number[] = [];
    const idsOfText: number[][] = [];
    let lastSeen = new Int32Array(1024).fill(-1);
    const idOf = (key: string, block: number): number => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        space.blocks.push(block);
        df.push(0);
        if (id >= lastSeen.length) {
          const grown = new Int32Array(lastSeen.length * 2).fill(-1);
          grown.set(lastSeen);
          lastSeen = grown;
        }
      }
      return id;
    };
    normalized.forEach(({ words, stems }, doc) => {
      const ids: number[] = [];
      const count = (id: number): void => {
        ids.push(id);
        if (lastSeen[id] !== doc) {
          lastSeen[id] = doc;
          df[id]!++;
        }
      };
      forEachWordFeature(stems, (key, block) => count(idOf(key, block)));
      words.forEach((w, i) => {
        wordFrequency.set(w, (wordFrequency.get(w) ?? 0) + 1);
        space.stemOfWord.set(w, stems[i]!);
        let chars = space.charIdsOfWord.get(w);
        if (!chars) {
          chars = Int32Array.from(charNgrams(w), (key) => idOf(key, BLOCK_CHAR));
          space.charIdsOfWord.set(w, chars);
        }
        for (const id of chars) count(id);
      });
      idsOfText.push(ids);
    });
    const n = texts.length;
    space.idf = Float32Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
    space.typos = TypoIndex.build(wordFrequency.keys());
    const phrasings = normalized.map(({ words, stems }, i) => ({
      words,
      stems,
      unknown: [],
      corrections: [],
      ...space.vectorize(idsOfText[i]!),
    }));
    return { space, phrasings };
  }

  /**
   * A message word's stem: the KB's own when the KB uses the word; in English, an unseen word is
   * matched to the KB word it regularly inflects (no lemmatiser call at query time, see
   * inflections.ts); French stems with Snowball, which is cheap and needs no vocabulary.
   */
  private readonly queryStem = (word: string): string => {
    const known = this.stemOfWord.get(word);
    if (known !== undefined) return known;
    if (this.locale !== 'en') return stem(word, this.locale);
    return (
      knownBaseOf(word, (c) => this.stemOfWord.get(c) ?? (this.ids.has(`w ${c}`) ? c : undefined)) ?? word
    );
  };

  get size(): number {
    return this.ids.size;
  }

  analyze(text: string): AnalyzedText {
    const base = this.normalizeWords(foldWords(text, this.locale), this.queryStem);
    const words: string[] = [];
    const stems: string[] = [];
    const unknown: string[] = [];
    const corrections: Array<{ from: string; to: string }> = [];
    base.words.forEach((word, i) => {
      let stem = base.stems[i]!;
      if (!this.wordFrequency.has(word) && !this.ids.has(`w ${stem}`)) {
        const fixed = this.typos.correct(word, (w) => this.wordFrequency.get(w) ?? 0);
        if (fixed !== undefined) {
          corrections.push({ from: word, to: fixed });
          word = fixed;
          stem = this.stemOfWord.get(fixed) ?? stem;
        } else {
          unknown.push(word);
        }
      }
      words.push(word);
      stems.push(stem);
    });
    const ids: number[] = [];
    const known = (key: string): void => {
      const id = this.ids.get(key);
      if (id !== undefined) ids.push(id);
    };
    forEachWordFeature(stems, known);
    for (const w of words) {
      const chars = this.charIdsOfWord.get(w);
      if (chars) for (const id of chars) ids.push(id);
      else charNgrams(w).forEach(known);
    }
    return { words, stems, unknown, corrections, ...this.vectorize(ids) };
  }

  /** Sublinear TF × IDF per feature, each block L2-normalised and weighted, then the whole vector. */
  private vectorize(featureIds: number[]): { lexical: SparseVector; full: SparseVector } {
    // Typed arrays throughout: a 10,000-entry KB vectorises 50,000 phrasings at build.
    const sorted = Int32Array.from(featureIds).sort();
    let distinct = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    const ids = new Int32Array(distinct);
    const raw = new Float64Array(distinct);
    let wordNorm = 0;
    let bigramNorm = 0;
    let charNorm = 0;
    let lexicalCount = 0;
    for (let i = 0, k = 0; i < sorted.length; k++) {
      const id = sorted[i]!;
      let tf = 0;
      while (i < sorted.length && sorted[i] === id) {
        tf++;
        i++;
      }
      const w = (1 + Math.log(tf)) * this.idf[id]!;
      ids[k] = id;
      raw[k] = w;
      const block = this.blocks[id]!;
      if (block === BLOCK_WORD) wordNorm += w * w;
      else if (block === BLOCK_BIGRAM) bigramNorm += w * w;
      else charNorm += w * w;
      if (block !== BLOCK_CHAR) lexicalCount++;
    }
    const scaleOf = (k: number, norm: number): number => (norm > 0 ? k / Math.sqrt(norm) : 0);
    const scale = [
      scaleOf(this.weights.word, wordNorm),
      scaleOf(this.weights.bigram, bigramNorm),
      scaleOf(this.weights.char, charNorm),
    ];
    const lexicalNorm = Math.sqrt(wordNorm + bigramNorm);
    if (lexicalNorm === 0) lexicalCount = 0;
    const fullValues = new Float32Array(distinct);
    const lexIds = new Int32Array(lexicalCount);
    const lexValues = new Float32Array(lexicalCount);
    let fullNorm = 0;
    for (let k = 0, l = 0; k < distinct; k++) {
      const block = this.blocks[ids[k]!]!;
      const v = raw[k]! * scale[block]!;
      fullValues[k] = v;
      fullNorm += v * v;
      if (block !== BLOCK_CHAR && lexicalNorm > 0) {
        lexIds[l] = ids[k]!;
        lexValues[l++] = raw[k]! / lexicalNorm;
      }
    }
    fullNorm = Math.sqrt(fullNorm);
    if (fullNorm > 0) for (let k = 0; k < fullValues.length; k++) fullValues[k]! /= fullNorm;
    return { lexical: { ids: lexIds, values: lexValues }, full: { ids, values: fullValues } };
  }
}

/** A text-keyed number map: a Map while a space is built, typed arrays once restored. */
type TextMap = Map<string, number> | TextKeyedInts;

/** The typed-array form a snapshot carries (made in the build thread, so the bot's recreates nothing per key). */
function frozen(map: TextMap): TextKeyedIntsSnapshot {
  return (map instanceof Map ? TextKeyedInts.from(map) : map).snapshot();
}
