import type { AgentAccount } from './accounts';

/** Accents and case ignored: "@Léa" and "@lea" name the same colleague. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** What may not follow a name for it to be the whole name ("@al" is not "@alice"). */
const WORD_GOES_ON = /^[\p{L}\p{N}_-]/u;

/**
 * The accounts a note @mentions, by id ("@alice") or by name ("@Bruno", "@Bruno Martin"), in
 * account order, each once. Anything else after an "@" is text, not an error.
 */
export function mentionedAgents(text: string, accounts: readonly AgentAccount[]): AgentAccount[] {
  const folded = fold(text);
  if (!folded.includes('@')) return [];
  return accounts.filter((account) =>
    [account.id, account.displayName, account.name].some((label) => {
      const needle = `@${fold(label)}`;
      for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
        const before = at === 0 ? '' : folded.charAt(at - 1);
        if (!WORD_GOES_ON.test(before) && !WORD_GOES_ON.test(folded.slice(at + needle.length))) return true;
      }
      return false;
    }),
  );
}
