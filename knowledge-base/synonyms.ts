import type { Locale } from './locale';
import { foldWords } from './normalize';

export interface SynonymsSnapshot {
  readonly variants: ReadonlyMap<string, readonly string[]>;
  readonly longest: number;
}

/**
 * Synonym groups from a KB file (like QnA Maker's "alterations"): every variant, one or several
 * words, is read as the group's first term, so "femme de ménage" and "intervenante" match
 * "prestataire" without an alternate phrasing for each.
 */
export class Synonyms {
  // Not readonly: `restore` takes the snapshot's Map (see FeatureSpace.restore).
  private variants = new Map<string, readonly string[]>();
  private longest = 0;

  /** `locale`: the variants are read as that language's messages are (French chat spellings). */
  constructor(groups: ReadonlyArray<readonly string[]>, locale?: Locale) {
    for (const group of groups) {
      const canonical = foldWords(group[0] ?? '', locale);
      if (canonical.length === 0) continue;
      for (const variant of group.slice(1)) {
        const words = foldWords(variant, locale);
        if (words.length === 0) continue;
        this.variants.set(words.join(' '), canonical);
        this.longest = Math.max(this.longest, words.length);
      }
    }
  }

  /** Its state as structured-clone-able data (a KB built in a worker thread crosses to the bot's). */
  snapshot(): SynonymsSnapshot {
    return { variants: this.variants, longest: this.longest };
  }

  static restore(s: SynonymsSnapshot): Synonyms {
    const synonyms = new Synonyms([]);
    synonyms.variants = s.variants as Map<string, readonly string[]>;
    synonyms.longest = s.longest;
    return synonyms;
  }

  /** Whether both read every message the same way (same variants, same canonical terms). */
  sameAs(other: Synonyms): boolean {
    if (other === this) return true;
    if (other.variants.size !== this.variants.size) return false;
    for (const [variant, canonical] of this.variants) {
      const theirs = other.variants.get(variant);
      if (!theirs || theirs.join(' ') !== canonical.join(' ')) return false;
    }
    return true;
  }

  get size(): number {
    return this.variants.size;
  }

  /** Replaces the longest variant starting at each word by its canonical words. */
  apply(words: readonly string[]): string[] {
    if (this.variants.size === 0) return [...words];
    const out: string[] = [];
    for (let i = 0; i < words.length;) {
      let replaced = false;
      for (let n = Math.min(this.longest, words.length - i); n >= 1; n--) {
        const canonical = this.variants.get(words.slice(i, i + n).join(' '));
        if (canonical) {
          out.push(...canonical);
          i += n;
          replaced = true;
          break;
        }
      }
      if (!replaced) out.push(words[i++]!);
    }
    return out;
  }
}

export const NO_SYNONYMS = new Synonyms([]);
