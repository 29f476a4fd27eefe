import type { PackedFaq } from '../../bot/kb-admin/kb-restore-slices';
import { packFaq } from '../../bot/kb-admin/kb-pack-faq';
import { unpack, type Entry, type Faq, type FaqSnapshot } from '../../knowledge-base/index';

/** `value` as the receiving thread gets it: structured clone, typed arrays moved (postMessage's transfer). */
function posted<T>(value: T, transfer: ArrayBuffer[]): T {
  return structuredClone(value, { transfer });
}

/**
 * What a build thread sends for `faq` (kb-build-worker.ts): each matcher packed, the entries' JSON parts, then the rest.
 * The snapshot is cloned first: packing moves its typed arrays, which `faq` still scores with.
 */
export function packedAsSent(faq: Faq): PackedFaq {
  const messages = packFaq(structuredClone(faq.snapshot()));
  return {
    matchers: messages.matchers.map(({ packed, transfer }) => posted(packed, transfer)),
    entries: messages.entries.map((json) => posted(json, [])),
    rest: posted(messages.rest.packed, messages.rest.transfer),
  };
}

/** The snapshot the bot's thread rebuilds from what a build thread sent, unpacked at once (no slices). */
export async function unpackedAtOnce(packed: PackedFaq): Promise<FaqSnapshot> {
  const matchers = [];
  for (const m of packed.matchers) matchers.push((await unpack(m, Infinity)).value);
  const rest = (await unpack(packed.rest, Infinity)).value;
  const entries = packed.entries.flatMap((json) => JSON.parse(json) as Entry[]);
  return { ...rest, source: { ...rest.source, entries }, matchers };
}
