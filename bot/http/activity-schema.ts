import { z } from 'zod';
import { CHANNEL_ID, MAX_CHANNEL_CONVERSATION_ID } from '../channels/conversation-key';

/*
 * What an incoming Bot Framework activity must be before it reaches CloudAdapter (which otherwise
 * throws, a 500, on a missing type or conversation). Every string the bot may keep — in its state,
 * the handoff transcript, the conversation reference — has a length cap here: longer is a 400,
 * never truncated, so what is stored is what the channel sent. Unknown fields pass through (the
 * bot keeps none of them); the body as a whole is capped at 256 KiB by the body parser.
 */

/** Longest message text kept, as on the local Direct Line. */
export const MAX_TEXT = 10_000;
const MAX_ID = 256;
const MAX_NAME = 200;

const capped = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .max(max, `${field} is longer than ${max.toLocaleString('en')} characters`);

const account = (field: string) =>
  z
    .looseObject({
      id: capped(`${field}.id`, MAX_ID).optional(),
      name: capped(`${field}.name`, MAX_NAME).optional(),
      role: capped(`${field}.role`, 32).optional(),
    })
    .optional();

export const incomingActivitySchema = z.looseObject({
  type: z
    .string({ error: 'activity.type is required (e.g. "message")' })
    .min(1, 'activity.type must not be empty')
    .max(64, 'activity.type is longer than 64 characters'),
  id: capped('activity.id', MAX_ID).optional(),
  channelId: z
    .string({ error: 'activity.channelId is required' })
    .min(1, 'activity.channelId must not be empty')
    .regex(CHANNEL_ID, 'activity.channelId must be 1–32 letters, digits, ".", "_" or "-"'),
  serviceUrl: z
    .url({ error: 'activity.serviceUrl must be the URL where replies are posted' })
    .max(2048, 'activity.serviceUrl is longer than 2,048 characters'),
  conversation: z.looseObject(
    {
      id: z
        .string({ error: 'activity.conversation.id is required' })
        .min(1, 'activity.conversation.id must not be empty')
        .max(
          MAX_CHANNEL_CONVERSATION_ID,
          `activity.conversation.id is longer than ${MAX_CHANNEL_CONVERSATION_ID} characters`,
        )
        // The stores' id rule (ids are kept space-separated and inside key names).
        .regex(/^[^\s{}\p{Cc}]+$/u, 'activity.conversation.id must not contain spaces, braces or controls'),
      name: capped('activity.conversation.name', MAX_NAME).optional(),
    },
    { error: 'activity.conversation is required' },
  ),
  from: account('activity.from'),
  recipient: account('activity.recipient'),
  membersAdded: z
    .array(z.looseObject({ id: capped('activity.membersAdded[].id', MAX_ID).optional() }))
    .max(50)
    .optional(),
  text: capped('activity.text', MAX_TEXT).optional(),
  locale: capped('activity.locale', 35).optional(),
  name: capped('activity.name', MAX_NAME).optional(),
  replyToId: capped('activity.replyToId', MAX_ID).optional(),
  attachments: z.array(z.unknown()).max(20, 'activity.attachments holds more than 20 items').optional(),
});

export type IncomingActivity = z.output<typeof incomingActivitySchema>;

export type ActivityCheck =
  | { readonly ok: true; readonly activity: IncomingActivity }
  | { readonly ok: false; readonly problem: string };

/** The activity, or its problems phrased for the caller (a 400 body). */
export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, problem: 'the body must be a JSON activity object' };
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return { ok: true, activity: parsed.data };
  return { ok: false, problem: parsed.error.issues.map((i) => i.message).join('; ') };
}
