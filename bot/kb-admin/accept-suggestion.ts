import {
  applyKbEdit,
  buildKnowledgeBase,
  KbError,
  notWritableReason,
  readKbText,
  writeFileAtomic,
  type KbEdit,
  type KbIssue,
  type Locale,
} from '../../knowledge-base/index';
import type { KbLoadReport, KbReloader } from './kb-reloader';

/** What accepting a suggestion did; every refusal leaves the file and the KB in service untouched. */
export type AcceptOutcome =
  | {
      readonly kind: 'accepted';
      readonly file: string;
      readonly entryId: string;
      readonly locale: Locale;
      /** Phrasings written (for a new entry: its question and alternates). */
      readonly added: readonly string[];
      readonly reload: KbLoadReport;
    }
  /** Every phrasing was already in the entry: nothing written, nothing reloaded. */
  | { readonly kind: 'unchanged'; readonly file: string; readonly entryId: string; readonly locale: Locale }
  | { readonly kind: 'read-only' }
  | { readonly kind: 'not-writable'; readonly file: string; readonly reason: string }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'invalid'; readonly issues: readonly KbIssue[] }
  /** Written, but the reload that followed was refused (another file changed meanwhile). */
  | { readonly kind: 'reload-refused'; readonly file: string; readonly issues: readonly KbIssue[] };

/**
 * Writes a supervisor's accepted suggestion into the KB file it belongs to, then reloads. The
 * edited file is validated with every other configured file by the normal loader first; a change
 * that would make the KB invalid is refused before anything is written. Runs inside the
 * reloader's queue, so edits and reloads never interleave.
 */
export function acceptSuggestion(
  reloader: KbReloader,
  edit: KbEdit,
  options: { readonly readOnly: boolean },
): Promise<AcceptOutcome> {
  if (options.readOnly) return Promise.resolve({ kind: 'read-only' });
  return reloader.exclusive(async (): Promise<AcceptOutcome> => {
    const file = targetFile(reloader, edit);
    if (!file)
      return {
        kind: 'not-found',
        message:
          edit.kind === 'new-entry'
            ? `no knowledge-base file in ${edit.locale} is configured`
            : `no entry "${edit.entryId}" in ${edit.locale}`,
      };
    const reason = await notWritableReason(file);
    if (reason) return { kind: 'not-writable', file, reason };

    const texts: { file: string; text: string }[] = [];
    for (const f of reloader.files) {
      try {
        texts.push({ file: f, text: await readKbText(f) });
      } catch (error) {
        if (error instanceof KbError) return { kind: 'invalid', issues: error.issues };
        throw error;
      }
    }
    const current = texts.find((t) => t.file === file)!;
    const edited = applyKbEdit(file, current.text, edit);
    if (!edited.ok) {
      if (edited.reason === 'unknown-entry') return { kind: 'not-found', message: edited.message };
      return { kind: 'invalid', issues: [{ file, path: '', message: edited.message }] };
    }
    const entryId = edit.kind === 'new-entry' ? edit.entry.id : edit.entryId;
    if (edited.added.length === 0) return { kind: 'unchanged', file, entryId, locale: edit.locale };
    try {
      buildKnowledgeBase(texts.map((t) => (t.file === file ? { file, text: edited.text } : t)));
    } catch (error) {
      if (error instanceof KbError) return { kind: 'invalid', issues: error.issues };
      throw error;
    }
    await writeFileAtomic(file, edited.text);
    const reloaded = await reloader.reloadNow();
    if (!reloaded.ok) return { kind: 'reload-refused', file, issues: reloaded.issues };
    return {
      kind: 'accepted',
      file,
      entryId,
      locale: edit.locale,
      added: edited.added,
      reload: reloaded.report,
    };
  });
}

/** A new entry goes to the first file of its language; new phrasings to the file holding the entry. */
function targetFile(reloader: KbReloader, edit: KbEdit): string | undefined {
  const faq = reloader.holder.current;
  if (edit.kind === 'new-phrasings') return faq.entry(edit.entryId, edit.locale)?.source;
  return faq.source.files.find((f) => f.locale === edit.locale)?.file;
}
