import type { DenseVectors } from './dense';
import type { LearnedStore } from './learned-cache';
import type { Locale } from './locale';

/**
 * Where a Faq gets the sentence vectors of one language's texts before it builds that language's
 * matcher. Implemented over a sentence encoder (knowledge-base/encoder/); a source that fails
 * leaves that language lexical only, with the reason in `Faq.vectorProblems`.
 */
export interface VectorSource {
  /** What status reports show, e.g. "use-lite-en@0.2.0 (fast path, full pass when unsure)". */
  readonly label: string;
  /** Build a lexical matcher too and read the vectors only for messages it is unsure of. */
  readonly cascade?: boolean;
  /** Languages the vectors are for (default: every language); the others stay lexical only. */
  readonly locales?: readonly Locale[];
  /** Where builds keep what they learned from the KB (beside the vector cache), reused by the next build of the same KB. */
  readonly learned?: LearnedStore;
  /**
   * Vectors of a language's texts and the way to embed new messages. `onProgress` is called with
   * texts done / total during long builds.
   */
  vectorsFor(
    locale: Locale,
    texts: TextsToEmbed,
    onProgress?: (done: number, total: number) => void,
  ): Promise<DenseVectors>;
}

export interface TextsToEmbed {
  /** The KB's own text: phrasings, answers it matches on, out-of-scope examples (may be cached on disk). */
  readonly phrasings: readonly string[];
  /** Labelled calibration messages (from the KB's calibration files, not live traffic). */
  readonly messages: readonly string[];
}
