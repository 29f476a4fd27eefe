import { z } from 'zod';
import { customerSchema } from '../ports/customer';

/** `POST /api/directline/token`: optional user hint, and a customer identity signed by the site's backend. */
export const tokenRequestSchema = z
  .strictObject({
    user: z
      .strictObject({
        id: z.string().trim().min(1).max(128).optional(),
        name: z.string().trim().max(200).optional(),
      })
      .optional(),
    /** The page's language, so the welcome is in it before the customer writes anything. */
    locale: z
      .string()
      .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'locale must be a language tag such as fr-FR')
      .optional(),
    customer: customerSchema.optional(),
    signature: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'signature must be the hex HMAC-SHA256 of the JSON customer')
      .optional(),
  })
  .refine((b) => (b.customer === undefined) === (b.signature === undefined), {
    message: 'customer and signature go together',
  });

/** `POST /v3/directline/conversations`: Web Chat sends `{ user: { id }, locale }` or nothing. */
export const startConversationSchema = z.looseObject({
  user: z
    .looseObject({ id: z.string().max(128).optional(), name: z.string().max(200).optional() })
    .optional(),
  locale: z.string().max(35).optional(),
});

/** At most `max` characters once written as JSON (fields kept whole in the activity log). */
const jsonAtMost = (field: string, max: number) =>
  z.unknown().refine((v) => v === undefined || (JSON.stringify(v) ?? '').length <= max, {
    message: `${field} is larger than ${max.toLocaleString('en')} characters of JSON`,
  });

/** An activity a Direct Line client posts. Unknown fields pass through, as Web Chat sends many. */
/*
 * Every field is stored with the activity (the echo the page reads back): each has a cap, and a
 * longer one is a 400, never truncated. The body as a whole is capped at 256 KiB.
 */
export const postedActivitySchema = z.looseObject({
  type: z
    .string({ error: 'activity.type is required (e.g. "message")' })
    .min(1, 'activity.type must not be empty')
    .max(64, 'activity.type is longer than 64 characters'),
  text: z
    .string({ error: 'activity.text must be a string' })
    .max(10_000, 'activity.text is longer than 10,000 characters')
    .optional(),
  locale: z.string().max(35).optional(),
  from: z
    .looseObject({
      id: z.string().max(128, 'activity.from.id is longer than 128 characters').optional(),
      name: z.string().max(200, 'activity.from.name is longer than 200 characters').optional(),
    })
    .optional(),
  channelData: z
    .looseObject({ clientActivityID: z.string().max(200).optional() })
    .and(jsonAtMost('activity.channelData', 4096))
    .optional(),
  attachments: z.array(z.unknown()).max(0, 'attachments are not supported yet').optional(),
  name: z.string().max(200, 'activity.name is longer than 200 characters').optional(),
  value: jsonAtMost('activity.value', 4096).optional(),
  entities: z.array(z.unknown()).max(10, 'activity.entities holds more than 10 items').optional(),
  textFormat: z.string().max(16).optional(),
  localTimestamp: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
});

export const watermarkSchema = z
  .string()
  .regex(/^\d{0,9}$/, 'watermark must be a number')
  .transform((w) => (w === '' ? 0 : Number(w)))
  .optional();

/** The first problem of a body, as one sentence for a 400. */
export function firstProblem(error: z.ZodError): string {
  return error.issues.map((i) => i.message).join('; ');
}
