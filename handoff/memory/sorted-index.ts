export interface IndexEntry {
  readonly id: string;
  readonly score: number;
}

function before(a: IndexEntry, b: IndexEntry): boolean {
  return a.score < b.score || (a.score === b.score && a.id < b.id);
}

/**
 * A sorted set like Redis's ZSET: ordered by (score, id), rank by binary search (O(log n)),
 * insert/remove by binary search plus an array shift (fast memmove at queue sizes).
 */
export class SortedIndex {
  private readonly entries: IndexEntry[] = [];
  private readonly scores = new Map<string, number>();

  get size(): number {
    return this.entries.length;
  }

  score(id: string): number | undefined {
    return this.scores.get(id);
  }

  add(id: string, score: number): void {
    this.remove(id);
    const entry = { id, score };
    const at = this.lowerBound(entry);
    this.entries.splice(at, 0, entry);
    this.scores.set(id, score);
  }

  remove(id: string): boolean {
    const score = this.scores.get(id);
    if (score === undefined) return false;
    const at = this.lowerBound({ id, score });
    this.entries.splice(at, 1);
    this.scores.delete(id);
    return true;
  }

  /** 0-based rank, or undefined when absent. */
  rank(id: string): number | undefined {
    const score = this.scores.get(id);
    return score === undefined ? undefined : this.lowerBound({ id, score });
  }

  first(): IndexEntry | undefined {
    return this.entries[0];
  }

  head(limit: number): readonly IndexEntry[] {
    return this.entries.slice(0, limit);
  }

  /** Entries with score <= max, lowest first, at most `limit`. */
  upTo(max: number, limit: number): readonly IndexEntry[] {
    const out: IndexEntry[] = [];
    for (const e of this.entries) {
      if (e.score > max || out.length >= limit) break;
      out.push(e);
    }
    return out;
  }

  private lowerBound(entry: IndexEntry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = this.entries[mid];
      if (e && before(e, entry)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
