import type { PackedFaq } from '../../bot/kb-admin/kb-restore-slices';
import { pack, type Faq } from '../../knowledge-base/index';

/** `value` as the receiving thread gets it: structured clone, typed arrays moved (postMessage's transfer). */
function posted<T>(value: T, transfer: ArrayBuffer[]): T {
  return structuredClone(value, { transfer });
}

/**
 * What a build thread sends for `faq` (kb-build-worker.ts): each matcher packed, then the rest.
 * The snapshot is cloned first: packing moves its typed arrays, which `faq` still scores with.
 */
export function packedAsSent(faq: Faq): PackedFaq {
  const { matchers, ...rest } = structuredClone(faq.snapshot());
  const crossed = matchers.map((m) => pack(m)).map(({ packed, transfer }) => posted(packed, transfer));
  const packedRest = pack(rest);
  return { matchers: crossed, rest: posted(packedRest.packed, packedRest.transfer) };
}
