import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  Faq,
  unpack,
  type DenseVectors,
  type Entry,
  type FaqSnapshot,
  type Locale,
  type Packed,
} from '../../knowledge-base/index';

/** What a build thread sent: each language's matcher, the entries as JSON parts, then the rest of the KB. */
export interface PackedFaq {
  readonly matchers: ReadonlyArray<Packed<FaqSnapshot['matchers'][number]>>;
  /** Each a JSON array of entries, in order (`rest` carries none: kb-pack-faq.ts). */
  readonly entries: readonly string[];
  readonly rest: Packed<Omit<FaqSnapshot, 'matchers'>>;
}

/**
 * The Faq a build thread sent, rebuilt on this thread in slices of about `sliceMs` with turns
 * served in between (from the KB in service: nothing is swapped here). The last step,
 * Faq.restore, only takes the rebuilt collections. Resolves with the Faq and the longest slice.
 */
export async function restoreInSlices(
  packed: PackedFaq,
  dense: Partial<Record<Locale, DenseVectors>> | undefined,
  sliceMs?: number,
): Promise<{ readonly faq: Faq; readonly longestSliceMs: number }> {
  let longestSliceMs = 0;
  const matchers: Array<FaqSnapshot['matchers'][number]> = [];
  for (const part of packed.matchers) {
    const matcher = await unpack(part, sliceMs);
    matchers.push(matcher.value);
    longestSliceMs = Math.max(longestSliceMs, matcher.longestSliceMs);
  }
  const rest = await unpack(packed.rest, sliceMs);
  const entries: Entry[] = [];
  for (const part of packed.entries) {
    const slice = performance.now();
    entries.push(...(JSON.parse(part) as Entry[]));
    longestSliceMs = Math.max(longestSliceMs, performance.now() - slice);
    await nextTurn();
  }
  const source = { ...rest.value.source, entries };
  const started = performance.now();
  const faq = Faq.restore({ ...rest.value, source, matchers }, dense);
  longestSliceMs = Math.max(longestSliceMs, rest.longestSliceMs, performance.now() - started);
  return { faq, longestSliceMs };
}
