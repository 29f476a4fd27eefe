/**
 * The QnA Maker / Azure question-answering knowledge-base export (TSV): a header row, then one row
 * per question; the rows of one QnA pair share its answer and QnaId. Line breaks inside a text are
 * written as the two characters `\n` (and tabs as `\t`), so one row is one line.
 */
export const QNA_COLUMNS = [
  'Question',
  'Answer',
  'Source',
  'Metadata',
  'SuggestedQuestions',
  'IsContextOnly',
  'Prompts',
  'QnaId',
] as const;

export type QnaColumn = (typeof QNA_COLUMNS)[number];

/** Metadata keys Relais gives a meaning to; any other `key:value` pair becomes the tag "key:value". */
export const METADATA_ID = 'id';
export const METADATA_TAG = 'tag';
export const METADATA_ESCALATE = 'escalate';
export const RESERVED_METADATA: ReadonlySet<string> = new Set([METADATA_ID, METADATA_TAG, METADATA_ESCALATE]);

/** A text as one TSV cell: line breaks → `\n`, tabs → `\t`. */
export function escapeCell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t');
}

/** A TSV cell back to text. */
export function unescapeCell(cell: string): string {
  return cell.replace(/\\r\\n|\\n/g, '\n').replace(/\\t/g, '\t');
}
