import type { Faq, Locale } from '../../knowledge-base/index';
import type { HelpEntry } from '../../bot/help/catalogue';

/**
 * What a lexical-only server endpoint would suggest: the chat's matcher (encoder off: this Faq is
 * built without vectors), its candidates limited to the listed entries. Timed per call in Node,
 * without the HTTP round trip a real endpoint would add.
 */
export async function lexicalSuggestions(
  faq: Faq,
  locale: Locale,
  listed: ReadonlySet<string>,
  text: string,
): Promise<{ ids: string[]; ms: number }> {
  const started = performance.now();
  const decision = await faq.match(text, { locale });
  const ids = decision.candidates.map((c) => c.id).filter((id) => listed.has(id));
  return { ids, ms: performance.now() - started };
}

export const listedIds = (entries: readonly HelpEntry[]): Set<string> => new Set(entries.map((e) => e.id));
