import { z } from 'zod';
import { LOCALES, toLocale } from './locale';

/** Entry ids are stable keys shared across languages: "booking-minimum" in fr.yaml and en.yaml is one entry translated. */
const entryId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'id must be lower-case letters, digits, ".", "_" or "-" (max 80)');

const nonBlank = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

const localeField = z
  .string()
  .refine((v) => toLocale(v) !== undefined, {
    message: `unknown locale (expected one of ${LOCALES.join(', ')})`,
  })
  .transform((v) => toLocale(v)!);

export const entrySchema = z.strictObject({
  id: entryId,
  question: nonBlank('question'),
  alternates: z.array(nonBlank('alternate phrasing')).default([]),
  answer: nonBlank('answer'),
  tags: z.array(nonBlank('tag')).default([]),
  escalate: z.boolean().default(false),
  /** Listed in the help center (/aide, /help); false keeps an entry for the chat only. */
  public: z.boolean().default(true),
  followUps: z.array(entryId).default([]),
  locale: localeField.optional(),
});

export const kbFileSchema = z.strictObject({
  version: z.literal(1),
  locale: localeField,
  /** Marks content written for the demo where the customer's own material is silent. */
  demo: z.boolean().default(false),
  /** Use each answer's words as evidence too (off for KBs whose answers are placeholders). */
  matchAnswers: z.boolean().default(true),
  /** Synonym groups: each variant (one or more words) is read as the group's first term. */
  synonyms: z
    .array(z.array(nonBlank('synonym')).min(2, 'a synonym group needs at least two terms'))
    .default([]),
  /**
   * Messages this KB must not answer, written as customers would (another company's refund, the
   * weather): the matcher learns them as a class of their own and hands such messages to a person.
   */
  outOfScope: z.array(nonBlank('out-of-scope example')).default([]),
  title: z.string().optional(),
  entries: z.array(entrySchema).min(1, 'a knowledge base needs at least one entry'),
});

export type EntryInput = z.input<typeof entrySchema>;
export type KbFileInput = z.input<typeof kbFileSchema>;
export type KbFileParsed = z.output<typeof kbFileSchema>;
