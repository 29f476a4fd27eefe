import { nameFor } from './upload-name';

/** The binary types a customer may send, each with the bytes a real file of that type starts with. */
const SIGNATURES: readonly (readonly [string, (bytes: Buffer) => boolean])[] = [
  [
    'image/png',
    (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  ],
  ['image/jpeg', (b) => b.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))],
  ['image/gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  [
    'image/webp',
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  ],
  ['application/pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
];

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What the bytes are, from their first bytes (magic numbers): one accepted type, or none. */
export function sniffType(bytes: Buffer): string | undefined {
  for (const [type, matches] of SIGNATURES) if (matches(bytes)) return type;
  return !bytes.includes(0) && isUtf8(bytes) ? 'text/plain' : undefined;
}

export type UploadCheck =
  | { readonly ok: true; readonly contentType: string; readonly name: string }
  | { readonly ok: false; readonly why: 'too-large' | 'wrong-type' | 'wrong-name' | 'empty' };

/**
 * A file is accepted when its declared type, the type its bytes show (a renamed .exe is refused)
 * and its name's extension all agree on one type of the allow-list (`facture.pdf.bat`, `page.html`
 * declared text/plain, `photo.svg` are refused), and it is not empty nor over `maxBytes`. The name
 * it is kept under is cleaned (bot/agent/upload-name.ts).
 */
export function checkUpload(
  declaredType: string,
  name: string,
  bytes: Buffer,
  maxBytes: number,
): UploadCheck {
  if (bytes.length > maxBytes) return { ok: false, why: 'too-large' };
  if (bytes.length === 0) return { ok: false, why: 'empty' };
  const contentType = declaredType.split(';')[0]!.trim().toLowerCase();
  if (sniffType(bytes) !== contentType) return { ok: false, why: 'wrong-type' };
  const named = nameFor(name, contentType);
  if (!named.ok) return { ok: false, why: 'wrong-name' };
  return { ok: true, contentType, name: named.name };
}
