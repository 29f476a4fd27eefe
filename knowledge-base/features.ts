import type { Locale } from './locale';
import { foldWords, normalize, prepareLemmas, type NormalizedText } from './normalize';
import { fromMap, type SparseVector } from './sparse';
import { TypoIndex } from './typos';

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

function rawFeatures(stems: readonly string[], words: readonly string[]): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const s of stems) out.push([`w ${s}`, BLOCK_WORD]);
  for (let i = 0; i + 1 < stems.length; i++) out.push([`b ${stems[i]} ${stems[i + 1]}`, BLOCK_BIGRAM]);
  for (const w of words) {
    const padded = ` ${w} `;
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) out.push([`c ${padded.slice(i, i + n)}`, BLOCK_CHAR]);
    }
  }
  return out;
}

/** Vocabulary, IDF and typo index of one KB language, built from its phrasings. */
export class FeatureSpace {
  private readonly ids = new Map<string, number>();
  private readonly blocks: number[] = [];
  private idf = new Float32Array(0);
  private readonly wordFrequency = new Map<string, number>();
  private readonly stemOfWord = new Map<string, string>();
  private typos!: TypoIndex;

  private constructor(
    readonly locale: Locale,
    readonly weights: FeatureWeights,
  ) {}

  /** Builds the space from the phrasings and returns it with each phrasing's vectors (normalised once). */
  static build(
    locale: Locale,
    texts: readonly string[],
    weights = DEFAULT_FEATURE_WEIGHTS,
  ): { space: FeatureSpace; phrasings: AnalyzedText[] } {
    const space = new FeatureSpace(locale, weights);
    prepareLemmas(texts.flatMap((t) => foldWords(t)), locale);
    const normalized: NormalizedText[] = texts.map((t) => normalize(t, locale));
    const df: number[] = [];
    for (const { words, stems } of normalized) {
      words.forEach((w, i) => {
        space.wordFrequency.set(w, (space.wordFrequency.get(w) ?? 0) + 1);
        space.stemOfWord.set(w, stems[i]!);
      });
      const seen = new Set<number>();
      for (const [key, block] of rawFeatures(stems, words)) {
        let id = space.ids.get(key);
        if (id === undefined) {
          id = space.ids.size;
          space.ids.set(key, id);
          space.blocks.push(block);
          df.push(0);
        }
        if (!seen.has(id)) {
          seen.add(id);
          df[id]!++;
        }
      }
    }
    const n = texts.length;
    space.idf = Float32Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
    space.typos = new TypoIndex(space.wordFrequency.keys());
    const phrasings = normalized.map(({ words, stems }) => ({ words, stems, unknown: [], corrections: [], ...space.vectorize(stems, words) }));
    return { space, phrasings };
  }

  get size(): number {
    return this.ids.size;
  }

  knowsWord(word: string): boolean {
    return this.wordFrequency.has(word);
  }

  analyze(text: string): AnalyzedText {
    const base = normalize(text, this.locale);
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
    const { lexical, full } = this.vectorize(stems, words);
    return { words, stems, unknown, corrections, lexical, full };
  }

  private vectorize(stems: readonly string[], words: readonly string[]): { lexical: SparseVector; full: SparseVector } {
    const counts = new Map<number, number>();
    for (const [key] of rawFeatures(stems, words)) {
      const id = this.ids.get(key);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const blockNorm = [0, 0, 0];
    const weighted = new Map<number, number>();
    for (const [id, tf] of counts) {
      const w = (1 + Math.log(tf)) * this.idf[id]!;
      weighted.set(id, w);
      blockNorm[this.blocks[id]!]! += w * w;
    }
    const blockScale = [this.weights.word, this.weights.bigram, this.weights.char].map((k, b) =>
      blockNorm[b]! > 0 ? k / Math.sqrt(blockNorm[b]!) : 0,
    );
    const lexicalNorm = Math.sqrt(blockNorm[BLOCK_WORD]! + blockNorm[BLOCK_BIGRAM]!);
    const full = new Map<number, number>();
    const lexical = new Map<number, number>();
    let fullNorm = 0;
    for (const [id, w] of weighted) {
      const block = this.blocks[id]!;
      const v = w * blockScale[block]!;
      full.set(id, v);
      fullNorm += v * v;
      if (block !== BLOCK_CHAR && lexicalNorm > 0) lexical.set(id, w / lexicalNorm);
    }
    fullNorm = Math.sqrt(fullNorm);
    if (fullNorm > 0) for (const [id, v] of full) full.set(id, v / fullNorm);
    return { lexical: fromMap(lexical), full: fromMap(full) };
  }
}
