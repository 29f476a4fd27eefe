import { z } from 'zod';
import { LOCALES } from '../knowledge-base/index';

/**
 * How the conversation went, as the bot knows it at the close: the dimensions every report is cut
 * by. One per conversation; the survey answers hang off it.
 */
export const CONVERSATION_PATHS = ['bot-only', 'clarified', 'escalated', 'ticket'] as const;
export type ConversationPath = (typeof CONVERSATION_PATHS)[number];

/**
 * How the conversation ended: resolved (the bot's answer, an agent, a ticket reply, a goodbye), or
 * closed because the customer went silent (no survey was answered; counted all the same).
 */
export const CONVERSATION_OUTCOMES = ['resolved', 'closed-silent'] as const;
export type ConversationOutcome = (typeof CONVERSATION_OUTCOMES)[number];

/** Paths on which the bot resolved the conversation alone (the deflection numerator). */
export const BOT_PATHS: ReadonlySet<ConversationPath> = new Set(['bot-only', 'clarified']);

/** Ids end up in Redis key names and CSV cells: no whitespace, no braces. */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s{}]+$/, 'must not contain whitespace or braces');

const instant = z.number().int().nonnegative();

export const conversationContextSchema = z
  .object({
    conversationId: idSchema,
    /** Who to erase on request; absent for anonymous visitors. */
    customerId: idSchema.optional(),
    path: z.enum(CONVERSATION_PATHS),
    /** Absent on records stored before outcomes existed: they were resolved. */
    outcome: z.enum(CONVERSATION_OUTCOMES).optional(),
    language: z.enum(LOCALES),
    /** Bot Framework channel id: "webchat", "directline", "msteams", "slack", "sms"… */
    channel: z.string().min(1).max(64),
    /** KB entries the bot answered with, in order of use. */
    kbEntryIds: z.array(z.string().min(1).max(200)).max(100).default([]),
    /** The agent who resolved it (escalated paths). */
    agentId: idSchema.optional(),
    /** Time in the queue before an agent took it, ms (escalated paths). */
    waitMs: instant.optional(),
    /** When the agent who closed it took it (claim, or a colleague's transfer to them). */
    agentClaimedAt: instant.optional(),
    /** That agent's first message to the customer after agentClaimedAt. */
    agentFirstReplyAt: instant.optional(),
    /** When that agent resolved it. */
    agentResolvedAt: instant.optional(),
    /** Other agents who held it before (transferred, released or requeued it), first holder first. */
    earlierAgentIds: z.array(idSchema).max(20).optional(),
    /** Why the bot escalated: low-confidence, asked-for-person, entry-escalate, two-misses… */
    escalationReason: z.string().min(1).max(200).optional(),
    /**
     * Customer questions the bot did not answer (escalated, or "Non" to "did this answer"): the
     * input of the knowledge-base improvement loop. Kept only as long as the retention period.
     */
    missedQuestions: z.array(z.string().min(1).max(1000)).max(20).default([]),
    /** The bot's last KB answer (absent: it gave none, or the record predates these facts). */
    answeredAt: instant.optional(),
    /** The bot's last "je n'ai pas compris". */
    missedAt: instant.optional(),
    /** The first new question after the last answer. */
    followUpAt: instant.optional(),
    /** The customer said "Oui" to "Est-ce que cela répond à votre question ?". */
    answerConfirmed: z.boolean().optional(),
    startedAt: instant,
    /** When the conversation closed: the time every report and the retention purge go by. */
    closedAt: instant,
  })
  .refine((c) => c.closedAt >= c.startedAt, { message: 'must not be before startedAt', path: ['closedAt'] });

export type ConversationContext = z.output<typeof conversationContextSchema>;
export type ConversationContextInput = z.input<typeof conversationContextSchema>;
