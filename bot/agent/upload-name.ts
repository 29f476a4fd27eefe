/** The extensions a file of each accepted type may have (lower case, the first is added when missing). */
export const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'text', 'log'],
};

/**
 * Extensions that run, render or script something when opened: refused anywhere in a name, so
 * `facture.exe.pdf` cannot pass for a PDF once a system hides the last extension.
 */
const DANGEROUS = new Set([
  'app', 'apk', 'bat', 'chm', 'cmd', 'com', 'cpl', 'dll', 'dmg', 'docm', 'exe', 'hta', 'htm', 'html',
  'inf', 'iso', 'jar', 'js', 'jse', 'lnk', 'mht', 'mhtml', 'msi', 'msp', 'php', 'pif', 'pptm', 'ps1',
  'psm1', 'py', 'reg', 'scf', 'scr', 'sh', 'shtml', 'svg', 'svgz', 'url', 'vbe', 'vbs', 'wsf', 'wsh',
  'xhtml', 'xlsm', 'xml',
]); // prettier-ignore

/**
 * Characters that are never part of a name a person typed: C0 and C1 controls, DEL, bidi
 * overrides, embeddings, isolates and marks (`facture\u202Etxt.exe` shows as "factureexe.txt"),
 * zero-width characters and the byte-order mark.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;
const MAX_NAME = 200;

export type NameCheck = { readonly ok: true; readonly name: string } | { readonly ok: false };

/**
 * The display name a file is kept under, or a refusal: no path, no invisible characters, no
 * trailing dots or spaces (Windows drops them), a last extension that belongs to `contentType`
 * and no dangerous extension before it. A name without any extension gets the type's own.
 */
export function nameFor(rawName: string, contentType: string): NameCheck {
  const allowed = EXTENSIONS[contentType];
  if (!allowed) return { ok: false };
  const base = (rawName.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(INVISIBLE, '');
  const name = base.replace(/[\s.]+$/u, '').trim();
  const dot = name.lastIndexOf('.');
  if (dot <= 0)
    return {
      ok: true,
      name: `${(name.replace(/^\.+/, '') || 'fichier').slice(0, MAX_NAME - 8)}.${allowed[0]}`,
    };
  const segments = name.split('.');
  const extension = segments.at(-1)!.toLowerCase();
  if (!allowed.includes(extension)) return { ok: false };
  if (segments.slice(1, -1).some((s) => DANGEROUS.has(s.trim().toLowerCase()))) return { ok: false };
  const stem = name.slice(0, dot).slice(0, MAX_NAME - extension.length - 1);
  return { ok: true, name: `${stem}.${name.slice(dot + 1)}` };
}
