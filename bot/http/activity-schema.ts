import { z } from 'zod';

/**
 * The least an incoming Bot Framework activity needs before it reaches CloudAdapter, which
 * otherwise throws (a 500) on a missing type or conversation. Unknown fields pass through.
 */
export const incomingActivitySchema = z.looseObject({
  type: z
    .string({ error: 'activity.type is required (e.g. "message")' })
    .min(1, 'activity.type must not be empty'),
  channelId: z
    .string({ error: 'activity.channelId is required' })
    .min(1, 'activity.channelId must not be empty'),
  serviceUrl: z.url({ error: 'activity.serviceUrl must be the URL where replies are posted' }),
  conversation: z.looseObject(
    {
      id: z
        .string({ error: 'activity.conversation.id is required' })
        .min(1, 'activity.conversation.id must not be empty'),
    },
    { error: 'activity.conversation is required' },
  ),
  from: z.looseObject({ id: z.string().optional() }).optional(),
  text: z.string({ error: 'activity.text must be a string' }).optional(),
});

/** The first problem, phrased for the caller (a 400 body). */
export function describeActivityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON activity object';
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((i) => i.message).join('; ');
}
