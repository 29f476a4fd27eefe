import { Document } from 'yaml';
import type { KbFileInput } from './schema';

export type KbFileFormat = 'yaml' | 'json';

/** The format a KB file name asks for: .json → JSON, anything else YAML. */
export function kbFormatOf(file: string): KbFileFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

/** A KB file's text, YAML (with an optional comment on top) or JSON. */
export function kbFileText(data: KbFileInput, format: KbFileFormat, comment?: string): string {
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  const doc = new Document(data);
  if (comment) doc.commentBefore = comment.replace(/^/gm, ' ');
  return doc.toString({ lineWidth: 0 });
}
