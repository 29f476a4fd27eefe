/** The types a customer may send, each with the bytes a real file of that type starts with. */
const ALLOWED: Readonly<Record<string, (bytes: Buffer) => boolean>> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'text/plain': (b) => !b.includes(0) && isUtf8(b),
};

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export type UploadCheck =
  | { readonly ok: true; readonly contentType: string }
  | { readonly ok: false; readonly why: 'too-large' | 'wrong-type' | 'empty' };

/**
 * A file is accepted when its declared type is on the allow-list, its bytes really are of that
 * type (a renamed .exe is refused), and it is not empty nor over `maxBytes`.
 */
export function checkUpload(declaredType: string, bytes: Buffer, maxBytes: number): UploadCheck {
  if (bytes.length > maxBytes) return { ok: false, why: 'too-large' };
  if (bytes.length === 0) return { ok: false, why: 'empty' };
  const contentType = declaredType.split(';')[0]!.trim().toLowerCase();
  const looksRight = ALLOWED[contentType];
  if (!looksRight || !looksRight(bytes)) return { ok: false, why: 'wrong-type' };
  return { ok: true, contentType };
}
