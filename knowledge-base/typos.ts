export interface TypoIndexSnapshot {
  readonly byDeletion: ReadonlyMap<string, string[]>;
  readonly known: ReadonlySet<string>;
  readonly minLength: number;
}

/** Marks a construction whose state `restore` fills in. */
const RESTORING: Iterable<string> = [];

/**
 * Typo tolerance against the KB vocabulary: a word the KB never uses is mapped to a known word one
 * edit away (deletion neighbourhood, so a look-up costs O(length), not O(vocabulary)).
 */
export class TypoIndex {
  // Not readonly: `restore` takes the snapshot's collections (see FeatureSpace.restore).
  private byDeletion = new Map<string, string[]>();
  private known = new Set<string>();

  constructor(
    words: Iterable<string>,
    private readonly minLength = 4,
  ) {
    if (words === RESTORING) return;
    for (const word of words) {
      if (this.known.has(word) || word.length < minLength || /\d/.test(word)) continue;
      this.known.add(word);
      for (const key of deletions(word)) {
        const list = this.byDeletion.get(key);
        if (list) list.push(word);
        else this.byDeletion.set(key, [word]);
      }
    }
  }

  /** Its state as structured-clone-able data (a KB built in a worker thread crosses to the bot's). */
  snapshot(): TypoIndexSnapshot {
    return { byDeletion: this.byDeletion, known: this.known, minLength: this.minLength };
  }

  static restore(s: TypoIndexSnapshot): TypoIndex {
    const index = new TypoIndex(RESTORING, s.minLength);
    index.byDeletion = s.byDeletion as Map<string, string[]>;
    index.known = s.known as Set<string>;
    return index;
  }

  /** The closest known word at edit distance 1 (insert, delete, substitute, swap), or undefined. */
  correct(word: string, frequency: (w: string) => number): string | undefined {
    if (word.length < this.minLength || this.known.has(word) || /\d/.test(word)) return undefined;
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
      for (const candidate of this.byDeletion.get(key) ?? []) consider(candidate);
      if (this.known.has(key)) consider(key);
    }
    return best;
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
