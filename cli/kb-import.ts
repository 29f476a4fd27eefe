import { basename } from 'node:path';
import {
  buildKnowledgeBase,
  formatIssue,
  KbError,
  kbFileText,
  kbFormatOf,
  readQnaTsv,
  toLocale,
  writeFileAtomic,
} from '../knowledge-base';
import { CliError } from './cli-error';

export interface KbImportArgs {
  readonly from?: string;
  readonly locale?: string;
  readonly out?: string;
  readonly files: readonly string[];
}

export const KB_IMPORT_USAGE = 'relais kb import --from qna FILE.tsv --locale fr|en --out KB.yaml|KB.json';

/** Every problem as `file:line: column: reason`, then the verdict; exit 2. */
export function refused(error: KbError, verdict: string): CliError {
  const n = error.issues.length;
  return new CliError(
    `${error.issues.map(formatIssue).join('\n')}\n${n} problem${n === 1 ? '' : 's'}; ${verdict}`,
  );
}

/**
 * `relais kb import`: a QnA Maker / Azure question-answering TSV export → a Relais KB file,
 * validated by the normal loader, written whole (temporary file + rename) or not at all.
 */
export async function kbImport(args: KbImportArgs, out: NodeJS.WritableStream): Promise<number> {
  if (args.from !== 'qna') throw new CliError(`--from must be qna\nusage: ${KB_IMPORT_USAGE}`);
  const [file, ...extra] = args.files;
  if (!file || extra.length > 0) throw new CliError(`give one TSV file\nusage: ${KB_IMPORT_USAGE}`);
  const locale = args.locale === undefined ? undefined : toLocale(args.locale);
  if (!locale) throw new CliError(`--locale must be fr or en\nusage: ${KB_IMPORT_USAGE}`);
  if (!args.out) throw new CliError(`--out is required\nusage: ${KB_IMPORT_USAGE}`);
  const target = args.out;
  let text: string;
  try {
    const data = await readQnaTsv(file, locale);
    text = kbFileText(
      data,
      kbFormatOf(target),
      `Imported from ${basename(file)} (QnA Maker TSV) by relais kb import.`,
    );
    buildKnowledgeBase([{ file: target, text }]);
  } catch (error) {
    if (error instanceof KbError) throw refused(error, `nothing written to ${target}`);
    throw error;
  }
  await writeFileAtomic(target, text);
  const kb = buildKnowledgeBase([{ file: target, text }]);
  const phrasings = kb.entries.reduce((n, e) => n + 1 + e.alternates.length, 0);
  out.write(`${target}: ${kb.entries.length} entries, ${phrasings} phrasings (${locale}) from ${file}\n`);
  return 0;
}
