import { readFile } from 'node:fs/promises';
import {
  buildKnowledgeBase,
  KbError,
  kbFileText,
  kbToQnaTsv,
  parseKbText,
  writeFileAtomic,
} from '../knowledge-base';
import { CliError } from './cli-error';
import { refused } from './kb-import';

export interface KbExportArgs {
  readonly kb?: readonly string[];
  readonly to?: string;
  readonly files: readonly string[];
}

export const KB_EXPORT_USAGE = 'relais kb export --kb KB.yaml --to qna|json|yaml OUT';

const FORMATS = ['qna', 'json', 'yaml'] as const;

/** `relais kb export`: one validated KB file → QnA Maker TSV, JSON or YAML, written whole or not at all. */
export async function kbExport(args: KbExportArgs, out: NodeJS.WritableStream): Promise<number> {
  const [file, ...moreKb] = args.kb ?? [];
  if (!file || moreKb.length > 0) throw new CliError(`give one --kb file\nusage: ${KB_EXPORT_USAGE}`);
  const format = FORMATS.find((f) => f === args.to);
  if (!format) throw new CliError(`--to must be one of ${FORMATS.join(', ')}\nusage: ${KB_EXPORT_USAGE}`);
  const [target, ...extra] = args.files;
  if (!target || extra.length > 0) throw new CliError(`give one output file\nusage: ${KB_EXPORT_USAGE}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let output: string;
  let entries: number;
  try {
    // The whole loader (ids, follow-ups), then the parsed file with its defaults filled in.
    buildKnowledgeBase([{ file, text }]);
    const parsed = parseKbText(file, text);
    if (!parsed.ok) throw new KbError(parsed.issues);
    const data = parsed.parsed.data;
    entries = data.entries.length;
    output = format === 'qna' ? kbToQnaTsv(file, data) : kbFileText(data, format);
  } catch (error) {
    if (error instanceof KbError) throw refused(error, `nothing written to ${target}`);
    throw error;
  }
  await writeFileAtomic(target, output);
  out.write(`${target}: ${entries} entries from ${file} (${format})\n`);
  return 0;
}
