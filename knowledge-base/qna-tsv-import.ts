import { z } from 'zod';
import { KbError, type KbIssue } from './errors';
import type { Locale } from './locale';
import { readKbText } from './read-kb-text';
import {
  METADATA_ESCALATE,
  METADATA_ID,
  METADATA_TAG,
  QNA_COLUMNS,
  unescapeCell,
  type QnaColumn,
} from './qna-tsv';
import type { KbFileInput } from './schema';

type KbEntryInput = KbFileInput['entries'][number];

const ENTRY_ID = /^[a-z0-9][a-z0-9._-]{0,79}$/;

const promptsSchema = z.array(
  z.looseObject({
    displayOrder: z.number().int().optional(),
    qnaId: z.number().int().nonnegative(),
    displayText: z.string().optional(),
  }),
);

interface Row {
  readonly line: number;
  readonly question: string;
  readonly answer: string;
  readonly metadata: ReadonlyArray<readonly [string, string]>;
  readonly prompts: ReadonlyArray<{ readonly order: number; readonly qnaId: number; readonly line: number }>;
  readonly qnaId?: number;
}

interface Group {
  readonly key: string;
  readonly rows: Row[];
}

/**
 * A QnA Maker TSV export → a Relais KB file (not yet validated: the caller runs the loader on it).
 * Rows with the same QnaId (or, without one, the same answer) become one entry: the first question
 * is the entry's question, the others its alternates. Metadata `id:` names the entry, `escalate:true`
 * marks it, `tag:x` and any other `key:value` become tags; prompts become follow-ups. Every
 * malformed row is reported with its line; nothing is returned unless all are sound.
 */
export function qnaTsvToKb(file: string, text: string, locale: Locale): KbFileInput {
  const issues: KbIssue[] = [];
  const problem = (line: number, path: string, message: string) => issues.push({ file, line, path, message });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const column = new Map<QnaColumn, number>();
  header.forEach((name, i) => {
    const known = QNA_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!known) return;
    if (column.has(known)) problem(1, known, `column "${known}" appears twice`);
    column.set(known, i);
  });
  for (const required of ['Question', 'Answer'] as const) {
    if (!column.has(required))
      problem(1, '', `the header row has no "${required}" column (expected ${QNA_COLUMNS.join(', ')})`);
  }
  if (issues.length > 0) throw new KbError(issues);

  const rows: Row[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const cells = raw.split('\t');
    if (cells.length !== header.length) {
      problem(
        line,
        '',
        `expected ${header.length} columns, found ${cells.length} (a tab inside a text must be written \\t)`,
      );
      return;
    }
    const cell = (c: QnaColumn): string => {
      const at = column.get(c);
      return at === undefined ? '' : unescapeCell(cells[at] ?? '').trim();
    };
    const before = issues.length;
    const question = cell('Question');
    const answer = cell('Answer');
    if (question === '') problem(line, 'Question', 'must not be empty');
    if (answer === '') problem(line, 'Answer', 'must not be empty');
    const qnaIdText = cell('QnaId');
    if (qnaIdText !== '' && !/^\d+$/.test(qnaIdText))
      problem(line, 'QnaId', `"${qnaIdText}" is not a whole number`);
    const contextOnly = cell('IsContextOnly');
    if (contextOnly !== '' && !/^(true|false)$/i.test(contextOnly))
      problem(line, 'IsContextOnly', `"${contextOnly}" is not true or false`);
    const suggested = cell('SuggestedQuestions');
    if (suggested !== '' && !isJsonArray(suggested)) problem(line, 'SuggestedQuestions', 'not a JSON array');
    const metadata = parseMetadata(cell('Metadata'), (message) => problem(line, 'Metadata', message));
    const prompts = parsePrompts(cell('Prompts'), line, (message) => problem(line, 'Prompts', message));
    if (issues.length > before) return;
    rows.push({
      line,
      question,
      answer,
      metadata,
      prompts,
      ...(qnaIdText === '' ? {} : { qnaId: Number(qnaIdText) }),
    });
  });
  if (rows.length === 0 && issues.length === 0) problem(1, '', 'no QnA rows after the header');

  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = row.qnaId === undefined ? `answer:${row.answer}` : `qna:${row.qnaId}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { key, rows: [row] });
    else if (group.rows[0]!.answer !== row.answer)
      problem(row.line, 'Answer', `QnaId ${row.qnaId} has another answer on line ${group.rows[0]!.line}`);
    else group.rows.push(row);
  }
  if (issues.length > 0) throw new KbError(issues);

  const ids = assignIds([...groups.values()]);
  const idOfQna = new Map<number, string>();
  for (const g of groups.values())
    if (g.rows[0]!.qnaId !== undefined) idOfQna.set(g.rows[0]!.qnaId, ids.get(g)!);
  const entries: KbEntryInput[] = [...groups.values()].map((g) => {
    const first = g.rows[0]!;
    const phrasings = unique(g.rows.map((r) => r.question));
    const metadata = uniquePairs(g.rows.flatMap((r) => r.metadata));
    const tags = metadata
      .filter(([k]) => k !== METADATA_ID && k !== METADATA_ESCALATE)
      .map(([k, v]) => (k === METADATA_TAG ? v : `${k}:${v}`));
    const escalate = metadata.some(([k, v]) => k === METADATA_ESCALATE && v.toLowerCase() === 'true');
    const followUps: string[] = [];
    for (const p of [...first.prompts].sort((a, b) => a.order - b.order)) {
      const target = idOfQna.get(p.qnaId);
      if (target === undefined) problem(p.line, 'Prompts', `prompt to QnaId ${p.qnaId}, which no row has`);
      else if (!followUps.includes(target)) followUps.push(target);
    }
    return {
      id: ids.get(g)!,
      question: phrasings[0]!,
      alternates: phrasings.slice(1),
      answer: first.answer,
      ...(tags.length > 0 ? { tags } : {}),
      ...(escalate ? { escalate } : {}),
      ...(followUps.length > 0 ? { followUps } : {}),
    };
  });
  if (issues.length > 0) throw new KbError(issues);
  return { version: 1, locale, entries };
}

/** Reads a TSV file; an unreadable file is reported like a malformed one. */
export async function readQnaTsv(file: string, locale: Locale): Promise<KbFileInput> {
  return qnaTsvToKb(file, await readKbText(file), locale);
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** `key:value|key:value` (QnA Maker's metadata cell). */
function parseMetadata(cell: string, problem: (message: string) => void): Array<[string, string]> {
  if (cell === '') return [];
  const pairs: Array<[string, string]> = [];
  for (const part of cell.split('|')) {
    const at = part.indexOf(':');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    const value = at < 0 ? '' : part.slice(at + 1).trim();
    if (key === '' || value === '') {
      problem(`"${part}" is not a key:value pair`);
      continue;
    }
    pairs.push([key, value]);
  }
  return pairs;
}

function parsePrompts(
  cell: string,
  line: number,
  problem: (message: string) => void,
): Array<{ order: number; qnaId: number; line: number }> {
  if (cell === '' || cell === '[]') return [];
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch {
    problem('not valid JSON');
    return [];
  }
  const parsed = promptsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    problem(`${issue.path.join('.') || 'value'}: ${issue.message}`);
    return [];
  }
  return parsed.data.map((p, i) => ({ order: p.displayOrder ?? i, qnaId: p.qnaId, line }));
}

const unique = (texts: readonly string[]): string[] => [...new Set(texts)];

function uniquePairs(pairs: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  const seen = new Set<string>();
  return pairs.filter(([k, v]) => {
    const key = `${k}\u0000${v}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Metadata `id:` when it is a valid id, else a slug of the first question, else `qna-<QnaId>`; unique. */
function assignIds(groups: readonly Group[]): Map<Group, string> {
  const taken = new Set<string>();
  const out = new Map<Group, string>();
  const wanted = groups.map((g) => {
    const first = g.rows[0]!;
    const named = g.rows.flatMap((r) => r.metadata).find(([k, v]) => k === METADATA_ID && ENTRY_ID.test(v));
    return (
      named?.[1] ?? (slug(first.question) || (first.qnaId === undefined ? 'entry' : `qna-${first.qnaId}`))
    );
  });
  // Explicit ids first, so a slug never takes an id the file names.
  groups.forEach((g, i) => {
    const named = g.rows.some((r) => r.metadata.some(([k, v]) => k === METADATA_ID && ENTRY_ID.test(v)));
    if (named && !taken.has(wanted[i]!)) {
      taken.add(wanted[i]!);
      out.set(g, wanted[i]!);
    }
  });
  groups.forEach((g, i) => {
    if (out.has(g)) return;
    const base = wanted[i]!;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 75)}-${n}`;
    taken.add(id);
    out.set(g, id);
  });
  return out;
}

/** "Puis-je réserver moins d'une heure ?" → "puis-je-reserver-moins-d-une-heure". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}
