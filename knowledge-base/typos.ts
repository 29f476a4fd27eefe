import { lowerBound } from './sorted-search';
import { textHash } from './text-hash';

export interface TypoIndexSnapshot {
  /** The known words; a word's id is its position. */
  readonly words: readonly string[];
  /** Hashes of every known word's one-letter deletions, ascending, and the word each came from. */
  readonly deletionHashes: Int32Array;
  readonly deletionOwners: Int32Array;
  readonly minLength: number;
}

/**
 * Typo tolerance against the KB vocabulary: a word the KB never uses is mapped to a known word one
 * edit away (deletion neighbourhood, so a look-up costs O(length), not O(vocabulary)).
 *
 * The neighbourhood is kept as sorted hashes in typed arrays, not a Map of deletion strings: a
 * 10,000-entry KB had 44,000 of them holding 90,000 word lists' slots, objects a reload recreated
 * on the bot's thread. A hash collision only adds a candidate, which the edit-distance check drops.
 */
export class TypoIndex {
  private readonly known: ReadonlySet<string>;

  private constructor(private readonly s: TypoIndexSnapshot) {
    this.known = new Set(s.words);
  }

  static build(words: Iterable<string>, minLength = 4): TypoIndex {
    const known = new Set<string>();
    for (const word of words) if (word.length >= minLength && !/\d/.test(word)) known.add(word);
    const list = [...known];
    const hashes: number[] = [];
    const owners: number[] = [];
    list.forEach((word, id) => {
      for (const key of deletions(word)) {
        hashes.push(textHash(key));
        owners.push(id);
      }
    });
    const order = Int32Array.from(hashes.keys()).sort(
      (a, b) => hashes[a]! - hashes[b]! || owners[a]! - owners[b]!,
    );
    return new TypoIndex({
      words: list,
      deletionHashes: Int32Array.from(order, (i) => hashes[i]!),
      deletionOwners: Int32Array.from(order, (i) => owners[i]!),
      minLength,
    });
  }

  /** Its state as structured-clone-able data (a KB built in a worker thread crosses to the bot's). */
  snapshot(): TypoIndexSnapshot {
    return this.s;
  }

  static restore(s: TypoIndexSnapshot): TypoIndex {
    return new TypoIndex(s);
  }

  /** The closest known word at edit distance 1 (insert, delete, substitute, swap), or undefined. */
  correct(word: string, frequency: (w: string) => number): string | undefined {
    if (word.length < this.s.minLength || this.known.has(word) || /\d/.test(word)) return undefined;
    let best: string | undefined;
    let bestFreq = -1;
    const consider = (candidate: string): void => {
      if (candidate === word || !withinOneEdit(word, candidate)) return;
      const f = frequency(candidate);
      if (f > bestFreq || (f === bestFreq && best !== undefined && candidate < best)) {
        best = candidate;
        bestFreq = f;
      }
    };
    for (const key of [word, ...deletions(word)]) {
      this.forEachWithDeletion(key, consider);
      if (this.known.has(key)) consider(key);
    }
    return best;
  }

  /** Each known word one of whose deletions hashes as `key` does. */
  private forEachWithDeletion(key: string, visit: (word: string) => void): void {
    const { deletionHashes: hashes, deletionOwners: owners, words } = this.s;
    const h = textHash(key);
    for (let i = lowerBound(hashes, h); i < hashes.length && hashes[i] === h; i++) visit(words[owners[i]!]!);
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Damerau distance <= 1 (one insertion, deletion, substitution or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        if (diffs === 0) first = i;
        diffs++;
      }
    }
    if (diffs <= 1) return true;
    return (
      diffs === 2 &&
      a[first] === b[first + 1] &&
      a[first + 1] === b[first] &&
      a.slice(first + 2) === b.slice(first + 2)
    );
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
