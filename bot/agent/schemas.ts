import { z } from 'zod';
import { transferTargetSchema } from '../../handoff/index';
import { PRESENCES } from './relay-log';

export const loginBodySchema = z.strictObject({
  agentId: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const presenceBodySchema = z.strictObject({ presence: z.enum(PRESENCES) });
export const messageBodySchema = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  /** Chosen by the console per message and sent again on retry: the message is logged and delivered once. */
  clientMessageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" or "-", at most 64')
    .optional(),
});
export const ticketAnswerBodySchema = z.strictObject({ text: z.string().trim().min(1).max(4000) });
export const resolveBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(200) });
/** Same rule as the handoff queue's ids (stored space-separated, used in key names), so a bad id is a 400, not a 503. */
export const conversationIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s{}]+$/);

/** An internal note: agents only, never sent to the customer. */
export const NOTE_MAX_LENGTH = 2000;
const noteTextSchema = z.string().trim().min(1).max(NOTE_MAX_LENGTH);
export const noteBodySchema = z.strictObject({ text: noteTextSchema });

/** `{ target: { kind: 'agent', agentId } | { kind: 'queue', language?, skill? }, note? }`. */
export const transferBodySchema = z.strictObject({
  target: transferTargetSchema,
  note: noteTextSchema.optional(),
});

/** Upload ids are 16 random bytes in base64url. */
export const uploadIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** "body.text: too small…" — the first problem, named by its path. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid request';
  return `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`;
}
