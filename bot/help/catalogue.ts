import type { Entry, Locale } from '../../knowledge-base/index';
import type { FaqCatalogue } from '../conversation/deps';

/** What the help center shows of an entry: never its alternates (they are the matcher's, not the reader's). */
export interface HelpEntry {
  readonly id: string;
  readonly question: string;
  readonly answer: string;
  readonly tags: readonly string[];
}

/**
 * Listed in the help center: not an entry that always goes to a person (`escalate`: the answer
 * is only a prelude to the handoff) and not one the KB keeps for the chat (`public: false`).
 */
export const isListed = (entry: Entry): boolean => !entry.escalate && entry.public !== false;

const shown = (entry: Entry): HelpEntry => ({
  id: entry.id,
  question: entry.question,
  answer: entry.answer,
  tags: entry.tags,
});

/** The listed entries of one language, in KB order, read from the KB in service at each call. */
export function listedEntries(faq: FaqCatalogue, locale: Locale): HelpEntry[] {
  if (!faq.locales.includes(locale)) return [];
  return faq.entries(locale).filter(isListed).map(shown);
}

/** One listed entry, or undefined for an unknown, escalating or non-public one (its URL is a 404). */
export function listedEntry(faq: FaqCatalogue, id: string, locale: Locale): HelpEntry | undefined {
  if (!faq.locales.includes(locale)) return undefined;
  const entry = faq.entry(id, locale);
  return entry && isListed(entry) ? shown(entry) : undefined;
}
