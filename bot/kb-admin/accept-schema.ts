import { z } from 'zod';
import { entrySchema, toLocale, type KbEdit } from '../../knowledge-base/index';

const locale = z
  .string()
  .refine((v) => toLocale(v) !== undefined, 'unknown locale (expected fr or en)')
  .transform((v) => toLocale(v)!);

const phrasing = z.string().trim().min(1, 'must not be empty').max(500, 'at most 500 characters');

/** A suggested new entry: the KB's own field rules (id format, non-empty texts) plus a language. */
const newEntryBody = entrySchema
  .pick({ id: true, question: true, alternates: true, answer: true, tags: true })
  .extend({ locale, alternates: z.array(phrasing).max(100).default([]) });

/** Suggested new phrasings of an existing entry. */
const newPhrasingsBody = z.strictObject({
  locale,
  entryId: entrySchema.shape.id,
  phrasings: z.array(phrasing).min(1, 'give at least one phrasing').max(100),
});

export type AcceptBody = { ok: true; edit: KbEdit } | { ok: false; message: string };

/** The body of POST /api/kb/suggestions/accept; `entryId` tells new phrasings from a new entry. */
export function parseAcceptBody(body: unknown): AcceptBody {
  const phrasings = typeof body === 'object' && body !== null && 'entryId' in body;
  const parsed = phrasings ? newPhrasingsBody.safeParse(body) : newEntryBody.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      message: parsed.error.issues
        .map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`)
        .join('; '),
    };
  }
  const data = parsed.data;
  if ('entryId' in data)
    return {
      ok: true,
      edit: { kind: 'new-phrasings', locale: data.locale, entryId: data.entryId, phrasings: data.phrasings },
    };
  const { locale: entryLocale, ...entry } = data;
  return { ok: true, edit: { kind: 'new-entry', locale: entryLocale, entry } };
}
