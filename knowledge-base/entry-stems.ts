import { lowerBound } from './sorted-search';

/** The stems of each entry, as typed arrays: what `EntryStems.snapshot` sends from a build thread. */
export interface EntryStemsSnapshot {
  /** Every distinct stem once; a stem's id is its position. */
  readonly stems: readonly string[];
  /** Entry e's stem ids are `members[offsets[e] .. offsets[e + 1]]`, ascending. */
  readonly offsets: Int32Array;
  readonly members: Int32Array;
  /** How many entries use each stem (by id). */
  readonly entryCounts: Int32Array;
}

/**
 * Which stems each entry's phrasings use, and how many entries use each stem. Kept as one stem
 * list and typed arrays rather than a Set per entry: a 10,000-entry KB had 533,000 stem strings in
 * those Sets, half the objects a reload recreated on the bot's thread, and their garbage
 * collection was the tail of turns' latency during the reload.
 */
export class EntryStems {
  private constructor(
    private readonly s: EntryStemsSnapshot,
    private readonly ids: ReadonlyMap<string, number>,
  ) {}

  /** `stemsOf(i)`: the stems of phrasing i, which belongs to entry `labels[i]`. */
  static build(
    stemsOf: (phrasing: number) => readonly string[],
    labels: Int32Array,
    classCount: number,
  ): EntryStems {
    const ids = new Map<string, number>();
    const perEntry = Array.from({ length: classCount }, () => new Set<number>());
    labels.forEach((entry, i) => {
      for (const stem of stemsOf(i)) {
        let id = ids.get(stem);
        if (id === undefined) ids.set(stem, (id = ids.size));
        perEntry[entry]!.add(id);
      }
    });
    const offsets = new Int32Array(classCount + 1);
    perEntry.forEach((set, e) => (offsets[e + 1] = offsets[e]! + set.size));
    const members = new Int32Array(offsets[classCount]!);
    const entryCounts = new Int32Array(ids.size);
    perEntry.forEach((set, e) => {
      const sorted = Int32Array.from(set).sort();
      members.set(sorted, offsets[e]!);
      for (const id of sorted) entryCounts[id]!++;
    });
    return new EntryStems({ stems: [...ids.keys()], offsets, members, entryCounts }, ids);
  }

  snapshot(): EntryStemsSnapshot {
    return this.s;
  }

  static restore(s: EntryStemsSnapshot): EntryStems {
    return new EntryStems(s, new Map(s.stems.map((stem, id) => [stem, id])));
  }

  /** Whether entry `entry`'s phrasings use `stem`. */
  has(entry: number, stem: string): boolean {
    const id = this.ids.get(stem);
    const { offsets, members } = this.s;
    if (id === undefined || entry < 0 || entry >= offsets.length - 1) return false;
    const end = offsets[entry + 1]!;
    const at = lowerBound(members, id, offsets[entry]!, end);
    return at < end && members[at] === id;
  }

  /** How many entries' phrasings use `stem` (0 for a stem the KB does not have). */
  entriesUsing(stem: string): number {
    const id = this.ids.get(stem);
    return id === undefined ? 0 : this.s.entryCounts[id]!;
  }
}
