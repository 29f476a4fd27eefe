import { maskPersonalData } from '../masking';
import type { SurveyAnswer } from '../survey-answer';

export interface CsvOptions {
  /** Mask e-mail addresses and phone numbers in text cells; default true. */
  readonly mask?: boolean;
  /** "," by default; ";" for spreadsheets set to French. */
  readonly separator?: ',' | ';' | '\t';
}

export const SURVEY_CSV_COLUMNS = [
  'conversation_id',
  'customer_id',
  'closed_at',
  'path',
  'outcome',
  'language',
  'channel',
  'agent_id',
  'wait_ms',
  'kb_entries',
  'escalation_reason',
  'ces',
  'answered',
  'csat',
  'nps',
  'comment',
] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds the separator, a quote, a line break or edge
 * spaces; quotes doubled. Text that a spreadsheet would run as a formula (= + - @ first) gets a
 * leading apostrophe: a customer's comment must not become a formula on the manager's machine.
 */
export function csvCell(value: string | number | boolean | undefined, separator: string = ','): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The surveys as CSV, header first, CRLF line ends, masked by default. */
export function surveysToCsv(surveys: readonly SurveyAnswer[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ',';
  const mask = options.mask ?? true;
  const text = (v: string | undefined): string | undefined =>
    v === undefined || !mask ? v : maskPersonalData(v);
  const rows = surveys.map((s) => {
    const c = s.context;
    return [
      c.conversationId,
      text(c.customerId),
      new Date(c.closedAt).toISOString(),
      c.path,
      c.outcome ?? 'resolved',
      c.language,
      c.channel,
      c.agentId,
      c.waitMs,
      c.kbEntryIds.join(' '),
      text(c.escalationReason),
      s.ces,
      s.answered === undefined ? undefined : s.answered ? 'yes' : 'no',
      s.csat,
      s.nps,
      text(s.comment),
    ]
      .map((v) => csvCell(v, separator))
      .join(separator);
  });
  return [SURVEY_CSV_COLUMNS.join(separator), ...rows].map((line) => `${line}\r\n`).join('');
}
