import { pack, type FaqSnapshot, type Packed } from '../../knowledge-base/index';

/** About 100 KB of JSON a part: receiving and parsing one holds the bot's thread well under a millisecond. */
const ENTRIES_PER_PART = 64;

/** A packed value and the buffers postMessage moves with it. */
interface Moved<T> {
  readonly packed: Packed<T>;
  readonly transfer: ArrayBuffer[];
}

/** A built Faq as the build thread sends it: one message per matcher, per entries part, then the rest. */
export interface FaqMessages {
  readonly matchers: ReadonlyArray<Moved<FaqSnapshot['matchers'][number]>>;
  /** JSON arrays of entries, in order. A message is received in one go: 10,000 entries in one (15 MB) held the bot's thread 20–60 ms. */
  readonly entries: readonly string[];
  readonly rest: Moved<Omit<FaqSnapshot, 'matchers'>>;
}

/** `snapshot` cut into messages; its typed arrays are moved by them (pack only what the sender is done with). */
export function packFaq(snapshot: FaqSnapshot): FaqMessages {
  const { matchers, ...rest } = snapshot;
  const { entries, ...source } = rest.source;
  const parts: string[] = [];
  for (let i = 0; i < entries.length; i += ENTRIES_PER_PART)
    parts.push(JSON.stringify(entries.slice(i, i + ENTRIES_PER_PART)));
  return {
    matchers: matchers.map((m) => pack(m)),
    entries: parts,
    rest: pack({ ...rest, source: { ...source, entries: [] } }),
  };
}
