import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CliError } from './cli-error';

/** A line of a queries or calibration file; other fields are ignored. */
export interface LabelledLine {
  readonly id: string;
  readonly text: string;
  /** undefined: not labelled; null: no entry answers it. */
  readonly expected: string | null | undefined;
  readonly line: number;
}

const lineSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  expected: z.string().min(1).nullable().optional(),
});

/** Reads JSON Lines; the first malformed line stops everything with its file and line number. */
export async function readLabelledLines(file: string, requireExpected: boolean): Promise<LabelledLine[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new CliError(`${file}: cannot read (${(cause as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const out: LabelledLine[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CliError(`${file}:${line}: not valid JSON`);
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CliError(`${file}:${line}: ${issue.path.join('.') || 'line'}: ${issue.message}`);
    }
    if (requireExpected && parsed.data.expected === undefined) {
      throw new CliError(`${file}:${line}: expected: required in a calibration file (an entry id, or null)`);
    }
    if (seen.has(parsed.data.id)) throw new CliError(`${file}:${line}: id "${parsed.data.id}" appears twice`);
    seen.add(parsed.data.id);
    out.push({ id: parsed.data.id, text: parsed.data.text, expected: parsed.data.expected, line });
  });
  return out;
}
