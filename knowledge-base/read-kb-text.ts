import { readFile } from 'node:fs/promises';
import { KbError } from './errors';

/** A file's text; an unreadable one is refused like a malformed one, naming the file and why. */
export async function readKbText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw new KbError(
      [{ file, path: '', message: `cannot read file (${(cause as NodeJS.ErrnoException).code ?? 'error'})` }],
      { cause },
    );
  }
}
