import { z } from 'zod';
import { KbError } from './errors';
import { readKbText } from './read-kb-text';

/** A line of a queries or calibration file (JSON Lines); other fields are ignored. */
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
  const text = await readKbText(file);
  const out: LabelledLine[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw lineError(file, line, '', 'not valid JSON');
    }
    const parsed = lineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw lineError(file, line, issue.path.join('.'), issue.message);
    }
    if (requireExpected && parsed.data.expected === undefined) {
      throw lineError(file, line, 'expected', 'required in a calibration file (an entry id, or null)');
    }
    if (seen.has(parsed.data.id)) throw lineError(file, line, 'id', `"${parsed.data.id}" appears twice`);
    seen.add(parsed.data.id);
    out.push({ id: parsed.data.id, text: parsed.data.text, expected: parsed.data.expected, line });
  });
  return out;
}

function lineError(file: string, line: number, path: string, message: string): KbError {
  return new KbError([{ file, line, path, message }]);
}

/** Every `expected` id must be an entry of the KB; the first unknown one stops with its line. */
export function checkExpectedIds(
  file: string,
  lines: readonly LabelledLine[],
  ids: ReadonlySet<string>,
): void {
  for (const l of lines) {
    if (typeof l.expected === 'string' && !ids.has(l.expected)) {
      throw lineError(file, l.line, 'expected', `the KB has no entry "${l.expected}"`);
    }
  }
}

/** `fr.yaml` → `fr.calibration.jsonl` beside it: the calibration set a KB file brings along. */
export function calibrationFileFor(kbFile: string): string {
  return kbFile.replace(/\.(ya?ml|json)$/i, '') + '.calibration.jsonl';
}
