import { KbError, type KbIssue } from './errors';
import {
  escapeCell,
  METADATA_ESCALATE,
  METADATA_ID,
  METADATA_TAG,
  QNA_COLUMNS,
  RESERVED_METADATA,
} from './qna-tsv';
import type { KbFileParsed } from './schema';

/**
 * A KB file → QnA Maker TSV: one row per phrasing (question first), QnaIds 1… in file order,
 * follow-ups as prompts, and the entry's id, tags and escalate flag as metadata so that an import
 * of the result gives the same entries back.
 */
export function kbToQnaTsv(file: string, data: KbFileParsed): string {
  const issues: KbIssue[] = [];
  const qnaIdOf = new Map(data.entries.map((e, i) => [e.id, i + 1]));
  const rows: string[] = [QNA_COLUMNS.join('\t')];
  data.entries.forEach((entry, i) => {
    const metadata = [`${METADATA_ID}:${entry.id}`];
    entry.tags.forEach((tag, j) => {
      if (tag.includes('|')) {
        issues.push({
          file,
          path: `entries[${i}].tags[${j}]`,
          message: 'a tag with "|" cannot be QnA Maker metadata',
        });
        return;
      }
      const at = tag.indexOf(':');
      const key = at > 0 ? tag.slice(0, at) : '';
      // "key:value" tags go as they are; any other tag (or one whose key Relais reserves) as tag:….
      metadata.push(
        at > 0 && !RESERVED_METADATA.has(key) && tag.slice(at + 1).trim() !== ''
          ? tag
          : `${METADATA_TAG}:${tag}`,
      );
    });
    if (entry.escalate) metadata.push(`${METADATA_ESCALATE}:true`);
    const prompts = entry.followUps.map((id, order) => ({
      displayOrder: order,
      qnaId: qnaIdOf.get(id) ?? 0,
      displayText: data.entries.find((e) => e.id === id)?.question ?? id,
    }));
    entry.followUps.forEach((id, j) => {
      if (!qnaIdOf.has(id))
        issues.push({
          file,
          path: `entries[${i}].followUps[${j}]`,
          message: `follow-up "${id}" is not in this file`,
        });
    });
    for (const phrasing of [entry.question, ...entry.alternates]) {
      rows.push(
        [
          escapeCell(phrasing),
          escapeCell(entry.answer),
          'Editorial',
          escapeCell(metadata.join('|')),
          '[]',
          'false',
          JSON.stringify(prompts),
          String(i + 1),
        ].join('\t'),
      );
    }
  });
  if (issues.length > 0) throw new KbError(issues);
  return `${rows.join('\n')}\n`;
}
