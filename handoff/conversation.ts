import { z } from 'zod';
import type { HandoffState } from './handoff-state';

/** Ids are stored space-separated in Redis and used inside key names: no spaces, no braces. */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s{}]+$/, 'must not contain whitespace or braces');
export const languageSchema = z.string().regex(/^[a-z]{2,3}$/, 'a lower-case ISO 639 code such as "fr"');
/** A lower-case ISO 639 code ("fr", "en"): what an agent speaks and a conversation is in. */
export type Language = z.infer<typeof languageSchema>;
export const skillSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes');
export const prioritySchema = z.enum(['vip', 'b2b', 'standard']);
export type Priority = z.infer<typeof prioritySchema>;

/** Skill of a conversation that needs no special skill: every agent has it. */
export const GENERAL_SKILL = 'general';

/** An address a ticket answer can go to (254: the longest an SMTP path allows). */
export const contactEmailSchema = z.email().max(254);

export const contactSchema = z.object({
  name: z.string().max(200).optional(),
  email: contactEmailSchema.optional(),
  phone: z.string().max(40).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const transcriptLineSchema = z.object({
  at: z.number().int().nonnegative(),
  from: z.enum(['customer', 'bot', 'agent']),
  text: z.string(),
});
export type TranscriptLine = z.infer<typeof transcriptLineSchema>;

/** What the bot hands over when a customer asks for a person. */
export const escalationSchema = z.object({
  conversationId: idSchema,
  language: languageSchema,
  skill: skillSchema.default(GENERAL_SKILL),
  priority: prioritySchema.default('standard'),
  /** B2B: the account's own manager gets it first while online. */
  accountManagerId: idSchema.optional(),
  /** Why the bot escalated (low-confidence, asked-for-person, …): shown to the agent. */
  reason: z
    .string()
    .max(200)
    .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x20), 'no control characters')
    .default('asked-for-person'),
  contact: contactSchema.default({}),
  /** Kept in chronological order whatever order it arrives in. */
  transcript: z
    .array(transcriptLineSchema)
    .default([])
    .transform((lines) => [...lines].sort((a, b) => a.at - b.at)),
  /** Free-form context for the agent console (matched candidates, scores…). */
  context: z.record(z.string(), z.unknown()).default({}),
});
export type Escalation = z.input<typeof escalationSchema>;
export type ParsedEscalation = z.output<typeof escalationSchema>;

export interface TicketInfo {
  readonly openedAt: number;
  readonly promisedReplyAt: number;
  readonly answer?: string;
  readonly answeredBy?: string;
  readonly answeredAt?: number;
}

/** A conversation as the handoff stores see it. */
export interface ConversationRecord {
  readonly id: string;
  readonly state: HandoffState;
  readonly language?: string;
  readonly skill?: string;
  readonly priority?: Priority;
  readonly accountManagerId?: string;
  readonly reason?: string;
  /** Time of escalation: the FIFO order key (not the time of the last message). */
  readonly escalatedAt?: number;
  readonly agentId?: string;
  readonly claimedAt?: number;
  readonly agentRepliedAt?: number;
  /** With an agent: when the customer's oldest message still waiting for the agent's answer was written. */
  readonly awaitingAnswerSince?: number;
  readonly lastCustomerActivityAt?: number;
  readonly contact: Contact;
  /** Chronological. */
  readonly transcript: readonly TranscriptLine[];
  readonly context: Readonly<Record<string, unknown>>;
  readonly ticket?: TicketInfo;
  readonly closedReason?: string;
  readonly updatedAt: number;
}
