import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { toLocale, type Locale } from './locale';

/** A new entry as a supervisor writes it (the rest of the entry's fields take their defaults). */
export interface NewEntry {
  readonly id: string;
  readonly question: string;
  readonly alternates: readonly string[];
  readonly answer: string;
  readonly tags?: readonly string[];
}

/** One change to one KB file: a new entry, or new phrasings of an entry it holds. */
export type KbEdit =
  | { readonly kind: 'new-entry'; readonly locale: Locale; readonly entry: NewEntry }
  | {
      readonly kind: 'new-phrasings';
      readonly locale: Locale;
      readonly entryId: string;
      readonly phrasings: readonly string[];
    };

export type KbEditResult =
  /** `added`: the phrasings written (all of the entry's for a new entry); empty: nothing to change. */
  | { readonly ok: true; readonly text: string; readonly added: readonly string[] }
  | { readonly ok: false; readonly reason: 'unknown-entry' | 'not-a-kb'; readonly message: string };

/** Whether a KB file is JSON (kept as JSON) rather than YAML. */
export function isJsonKb(file: string, text: string): boolean {
  return /\.json$/i.test(file) || text.trimStart().startsWith('{');
}

/** Phrasings compared as a customer would see them: case, spacing and accents aside. */
const fold = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** The phrasings not already in `existing`, each once, trimmed. */
function newOnes(existing: readonly string[], phrasings: readonly string[]): string[] {
  const seen = new Set(existing.map(fold));
  const out: string[] = [];
  for (const p of phrasings) {
    const key = fold(p);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(p.trim());
  }
  return out;
}

interface EntryObject {
  id: string;
  question: string;
  alternates: string[];
  answer: string;
  tags?: string[];
}

function entryObject(entry: NewEntry): EntryObject {
  return {
    id: entry.id,
    question: entry.question.trim(),
    alternates: newOnes([entry.question], entry.alternates),
    answer: entry.answer.trim(),
    ...(entry.tags && entry.tags.length > 0 ? { tags: [...entry.tags] } : {}),
  };
}

/**
 * Applies an edit to a KB file's text, keeping its format: YAML through the `yaml` Document (its
 * comments, quoting and flow lists survive), JSON re-serialised with the file's indentation. The
 * result is not validated here: the caller runs the normal loader on it before writing.
 */
export function applyKbEdit(file: string, text: string, edit: KbEdit): KbEditResult {
  return isJsonKb(file, text) ? editJson(text, edit) : editYaml(text, edit);
}

const notAKb = (message: string): KbEditResult => ({ ok: false, reason: 'not-a-kb', message });
const unknownEntry = (edit: KbEdit & { kind: 'new-phrasings' }): KbEditResult => ({
  ok: false,
  reason: 'unknown-entry',
  message: `no entry "${edit.entryId}" in ${edit.locale} in this file`,
});

function editYaml(text: string, edit: KbEdit): KbEditResult {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return notAKb(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const entries = doc.get('entries', true);
  if (!isSeq(entries)) return notAKb('the file has no entries list');
  if (edit.kind === 'new-entry') {
    const entry = entryObject(edit.entry);
    const node = doc.createNode(entry);
    // A blank line before the new entry, as between hand-written ones.
    if (entries.items.length > 0 && !entries.flow) node.spaceBefore = true;
    entries.add(node);
    return { ok: true, text: yamlText(doc), added: [entry.question, ...entry.alternates] };
  }
  const fileLocale = toLocale(String(doc.get('locale') ?? ''));
  const target = entries.items.find(
    (item): item is YAMLMap =>
      isMap(item) &&
      item.get('id') === edit.entryId &&
      toLocale(String(item.get('locale') ?? fileLocale ?? '')) === edit.locale,
  );
  if (!target) return unknownEntry(edit);
  const alternates = target.get('alternates', true);
  const existing = [
    String(target.get('question') ?? ''),
    ...(isSeq(alternates) ? alternates.items.map((a) => String((a as { value?: unknown }).value ?? a)) : []),
  ];
  const added = newOnes(existing, edit.phrasings);
  if (added.length === 0) return { ok: true, text, added };
  if (isSeq(alternates)) for (const p of added) alternates.add(doc.createNode(p));
  else target.set('alternates', doc.createNode(added));
  return { ok: true, text: yamlText(doc), added };
}

/** Options under which an untouched file comes back byte for byte (checked on the demo KBs). */
function yamlText(doc: Document): string {
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

interface JsonKb {
  locale?: unknown;
  entries?: unknown;
}

function editJson(text: string, edit: KbEdit): KbEditResult {
  let data: JsonKb;
  try {
    data = JSON.parse(text) as JsonKb;
  } catch (error) {
    return notAKb(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof data !== 'object' || data === null || !Array.isArray(data.entries))
    return notAKb('the file has no entries list');
  const entries = data.entries as unknown[];
  const indent = /\n(\t| +)"/.exec(text)?.[1] ?? '  ';
  const serialise = () => `${JSON.stringify(data, null, indent)}\n`;
  if (edit.kind === 'new-entry') {
    const entry = entryObject(edit.entry);
    entries.push(entry);
    return { ok: true, text: serialise(), added: [entry.question, ...entry.alternates] };
  }
  const fileLocale = toLocale(String(data.locale ?? ''));
  const target = entries.find(
    (e): e is Record<string, unknown> =>
      typeof e === 'object' &&
      e !== null &&
      (e as Record<string, unknown>).id === edit.entryId &&
      toLocale(String((e as Record<string, unknown>).locale ?? fileLocale ?? '')) === edit.locale,
  );
  if (!target) return unknownEntry(edit);
  const current = Array.isArray(target.alternates) ? (target.alternates as unknown[]).map(String) : [];
  const added = newOnes([String(target.question ?? ''), ...current], edit.phrasings);
  if (added.length === 0) return { ok: true, text, added };
  target.alternates = [
    ...(Array.isArray(target.alternates) ? (target.alternates as unknown[]) : []),
    ...added,
  ];
  return { ok: true, text: serialise(), added };
}
