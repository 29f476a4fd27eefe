import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `file` so that readers see the old content or the new, never a part: a
 * temporary file beside it (same directory, so the rename stays on one file system), flushed,
 * then renamed over the target. The target's permissions are kept.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await stat(file).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Why `file` cannot be replaced (its error code), or undefined when it can: the file itself must be
 * writable, and its directory too (the temporary file and the rename live there).
 */
export async function notWritableReason(file: string): Promise<string | undefined> {
  for (const path of [file, dirname(file)]) {
    try {
      await access(path, constants.W_OK);
    } catch (error) {
      return `${path}: ${(error as NodeJS.ErrnoException).code ?? 'not writable'}`;
    }
  }
  return undefined;
}
