import { z } from 'zod';
import { businessHoursSchema, DEMO_BUSINESS_HOURS } from './business-hours';
import { prioritySchema } from './conversation';
import { HandoffError } from './errors';

const ms = z.number().int().positive();

/** How recently a customer wrote (or opened their ticket) to count as still having the chat open. */
export const CUSTOMER_PRESENT_MS = 15 * 60_000;

export const handoffConfigSchema = z.object({
  /** Prefix of every Redis key of this deployment (it becomes the Cluster hash tag). */
  keyPrefix: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[^{}\s]+$/, 'no braces or whitespace')
    .default('relais'),
  /** A claimed conversation with no agent reply within this goes back to the head of the queue. */
  claimTimeoutMs: ms.default(120_000),
  /**
   * An agent who owes the customer an answer this long (since the customer's oldest unanswered
   * message) loses the conversation: it goes back to the queue at its kept place. 0 = off.
   */
  answerTimeoutMs: z.number().int().nonnegative().default(0),
  /** An agent console silent for this long is offline: its conversations are requeued. */
  heartbeatTimeoutMs: ms.default(30_000),
  /** A customer silent for this long (outside the queue) gets the conversation closed. */
  silenceTimeoutMs: ms.default(15 * 60_000),
  /** A B2B conversation waits this long for its account manager before going to the pool. */
  accountManagerWaitMs: ms.default(120_000),
  /** Served first to last; classes not listed come after, in the order of `standard`. */
  priorityOrder: z.array(prioritySchema).min(1).default(['vip', 'b2b', 'standard']),
  /** How many recent handling times feed the estimated wait. */
  handlingSamples: z.number().int().min(1).max(1000).default(20),
  /** Handling time assumed before any conversation was handled. */
  defaultHandlingMs: ms.default(5 * 60_000),
  /** Promised reply time of a ticket, counted in business hours. */
  ticketReplyWithinMs: ms.default(4 * 3_600_000),
  /** An answered ticket with no customer reply for this long is resolved (and surveyed). */
  ticketQuietMs: ms.default(48 * 3_600_000),
  /** A customer who wrote (or opened their ticket) this recently is taken to still have the chat open. */
  customerPresentMs: ms.default(CUSTOMER_PRESENT_MS),
  /** Most conversations or agents one sweep (requeueExpired, closeSilent) handles. */
  sweepLimit: z.number().int().min(1).max(10_000).default(500),
  businessHours: businessHoursSchema.default(businessHoursSchema.parse(DEMO_BUSINESS_HOURS)),
});
export type HandoffConfigInput = z.input<typeof handoffConfigSchema>;
export type HandoffConfig = z.output<typeof handoffConfigSchema>;

/** Parses once at the edge; a bad value stops with a message naming the field. */
export function parseHandoffConfig(input: HandoffConfigInput = {}): HandoffConfig {
  const result = handoffConfigSchema.safeParse(input);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new HandoffError('INVALID_CONFIG', `invalid handoff config: ${detail}`, { cause: result.error });
  }
  return result.data;
}
