import { lowerBound } from './sorted-search';

/** FNV-1a over UTF-16 code units from `basis`, as a signed 32-bit integer (what an Int32Array holds). */
export function textHash(text: string, basis = 0x811c9dc5): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A second, independent basis: two hashes make a 64-bit key (no collision in any KB's lifetime). */
const SECOND_BASIS = 0x050c5d1f;

/** `TextKeyedInts` as typed arrays, sorted by (high, low) hash. */
export interface TextKeyedIntsSnapshot {
  readonly high: Int32Array;
  readonly low: Int32Array;
  readonly values: Int32Array;
}

/**
 * A frozen map from texts to integers kept as three typed arrays, keyed by a 64-bit hash of the
 * text: a reload hands it to the bot's thread without recreating one string or Map entry per key
 * (59,000 of them for a 10,000-entry KB's phrasings).
 */
export class TextKeyedInts {
  private constructor(private readonly s: TextKeyedIntsSnapshot) {}

  static from(entries: Iterable<readonly [string, number]>): TextKeyedInts {
    const rows = [...entries].map(
      ([text, value]) => [textHash(text), textHash(text, SECOND_BASIS), value] as const,
    );
    rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return new TextKeyedInts({
      high: Int32Array.from(rows, (r) => r[0]),
      low: Int32Array.from(rows, (r) => r[1]),
      values: Int32Array.from(rows, (r) => r[2]),
    });
  }

  snapshot(): TextKeyedIntsSnapshot {
    return this.s;
  }

  static restore(s: TextKeyedIntsSnapshot): TextKeyedInts {
    return new TextKeyedInts(s);
  }

  get size(): number {
    return this.s.values.length;
  }

  has(text: string): boolean {
    return this.get(text) !== undefined;
  }

  get(text: string): number | undefined {
    const { high, low, values } = this.s;
    const h = textHash(text);
    const l = textHash(text, SECOND_BASIS);
    for (let i = lowerBound(high, h); i < high.length && high[i] === h; i++)
      if (low[i] === l) return values[i];
    return undefined;
  }
}
