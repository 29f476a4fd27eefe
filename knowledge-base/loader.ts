import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { KbError, type KbIssue } from './errors';
import type { Locale } from './locale';
import { readKbText } from './read-kb-text';
import { kbFileSchema, type KbFileParsed } from './schema';
import type { Entry } from './types';

/** Entries of every file, validated together; nothing is returned unless every file is sound. */
export interface LoadedKnowledgeBase {
  readonly entries: readonly Entry[];
  readonly files: ReadonlyArray<{
    readonly file: string;
    readonly locale: Locale;
    readonly entries: number;
    readonly outOfScope: number;
    readonly demo: boolean;
  }>;
  /** Synonym groups of each language, from every file of that language. */
  readonly synonyms: Partial<Record<Locale, ReadonlyArray<readonly string[]>>>;
  /** Out-of-scope examples of each language, from every file of that language. */
  readonly outOfScope: Partial<Record<Locale, readonly string[]>>;
}

interface ParsedFile {
  readonly file: string;
  readonly data: KbFileParsed;
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** YAML or JSON text (JSON is YAML) → a validated file, or every problem with its path and line. */
export function parseKbText(
  file: string,
  text: string,
): { ok: true; parsed: ParsedFile } | { ok: false; issues: KbIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (path: readonly (string | number)[]): number | undefined => nodeLine(doc, lines, path);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        path: '',
        ...(e.linePos?.[0] ? { line: e.linePos[0].line } : {}),
        message: `not valid YAML/JSON: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  let value: unknown;
  try {
    // toJS resolves aliases; an unresolved alias or an alias bomb throws here.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return {
      ok: false,
      issues: [
        {
          file,
          path: '',
          message: `not valid YAML/JSON: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        },
      ],
    };
  }
  const result = kbFileSchema.safeParse(value);
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const line = lineOf(path);
        return {
          file,
          path: formatPath(path),
          ...(line === undefined ? {} : { line }),
          message: issue.message,
        };
      }),
    };
  }
  return { ok: true, parsed: { file, data: result.data, lineOf } };
}

/** Reads and validates KB files together (ids unique per language across files, followUps known). */
export async function loadKnowledgeBase(files: readonly string[]): Promise<LoadedKnowledgeBase> {
  const texts = await Promise.all(files.map(async (file) => ({ file, text: await readKbText(file) })));
  return buildKnowledgeBase(texts);
}

export function buildKnowledgeBase(
  sources: ReadonlyArray<{ file: string; text: string }>,
): LoadedKnowledgeBase {
  const issues: KbIssue[] = [];
  const parsed: ParsedFile[] = [];
  for (const { file, text } of sources) {
    const r = parseKbText(file, text);
    if (r.ok) parsed.push(r.parsed);
    else issues.push(...r.issues);
  }
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  for (const { file, data, lineOf } of parsed) {
    data.entries.forEach((e, i) => {
      const locale = e.locale ?? data.locale;
      const key = `${locale}:${e.id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const line = lineOf(['entries', i, 'id']);
        issues.push({
          file,
          path: `entries[${i}].id`,
          ...(line === undefined ? {} : { line }),
          message: `duplicate id "${e.id}" in ${locale} (first in ${first})`,
        });
        return;
      }
      seen.set(key, file);
      entries.push({ ...e, locale, source: file, matchAnswer: data.matchAnswers });
    });
  }
  const ids = new Set(entries.map((e) => `${e.locale}:${e.id}`));
  for (const { file, data, lineOf } of parsed) {
    data.entries.forEach((e, i) => {
      const locale = e.locale ?? data.locale;
      e.followUps.forEach((f, j) => {
        if (!ids.has(`${locale}:${f}`)) {
          const line = lineOf(['entries', i, 'followUps', j]);
          issues.push({
            file,
            path: `entries[${i}].followUps[${j}]`,
            ...(line === undefined ? {} : { line }),
            message: `unknown followUp id "${f}" in ${locale}`,
          });
        }
      });
    });
  }
  if (issues.length > 0) throw new KbError(issues);
  const synonyms: Partial<Record<Locale, Array<readonly string[]>>> = {};
  const outOfScope: Partial<Record<Locale, string[]>> = {};
  for (const { data } of parsed) {
    (synonyms[data.locale] ??= []).push(...data.synonyms);
    if (data.outOfScope.length > 0) (outOfScope[data.locale] ??= []).push(...data.outOfScope);
  }
  return {
    synonyms,
    outOfScope,
    entries,
    files: parsed.map((p) => ({
      file: p.file,
      locale: p.data.locale,
      entries: p.data.entries.length,
      outOfScope: p.data.outOfScope.length,
      demo: p.data.demo,
    })),
  };
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

/** The line of the deepest node that exists along `path`. */
function nodeLine(doc: Document, lines: LineCounter, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = rangeLine(node, lines);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = pair.value ?? pair.key;
      line = rangeLine(pair.value ?? pair.key, lines) ?? line;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) break;
      line = rangeLine(node, lines) ?? line;
    } else break;
  }
  return line;
}

function rangeLine(node: unknown, lines: LineCounter): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}
