import { z } from 'zod';
import { idSchema } from '../conversation-context';

/**
 * A conversation still with people when the report is made (queued, with an agent, an open
 * ticket, a ticket answered and awaiting the customer's reply): it has no survey record yet, so the handoff queue's record stands for it. Once it
 * closes it is recorded, and the record wins: a conversation is counted once.
 */
export const OPEN_STATES = ['queued', 'with-agent', 'ticket', 'answered'] as const;
export type OpenState = (typeof OPEN_STATES)[number];

export const openConversationSchema = z.object({
  conversationId: idSchema,
  state: z.enum(OPEN_STATES),
  escalationReason: z.string().min(1).max(200).optional(),
  /** When it went to people: the time the report's period is judged by. */
  escalatedAt: z.number().int().nonnegative(),
});

export type OpenConversation = z.output<typeof openConversationSchema>;
