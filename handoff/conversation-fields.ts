import { z } from 'zod';
import {
  contactSchema,
  prioritySchema,
  transcriptLineSchema,
  type Contact,
  type ConversationRecord,
  type ParsedEscalation,
  type Priority,
  type TranscriptLine,
} from './conversation';
import { isHandoffState } from './handoff-state';
import { HandoffError } from './errors';

/**
 * A conversation as flat string fields: the Redis hash layout, also used by the memory store so
 * both return exactly the same records.
 */
export type ConversationFields = Record<string, string>;

export const FIELD = Object.freeze({
  state: 'state',
  /**
   * JSON of what the escalation said and no script reads (see EscalationCard): written once per
   * handoff cycle, so a claim returns it as one string instead of re-encoding every field.
   */
  card: 'card',
  language: 'language',
  skill: 'skill',
  priority: 'priority',
  /** Older records only: now inside the card. */
  accountManager: 'manager',
  reason: 'reason',
  escalatedAt: 'escalatedAt',
  /** "language:skill": the queue it waits in. */
  queue: 'queue',
  /** Its class score (kept to move it to the pool unchanged). */
  score: 'score',
  reservedFor: 'reservedFor',
  agent: 'agent',
  claimedAt: 'claimedAt',
  repliedAt: 'repliedAt',
  /** With an agent: when the customer's oldest message the agent has not answered yet was written. */
  awaitingSince: 'awaitingSince',
  lastActivityAt: 'lastActivityAt',
  contact: 'contact',
  /** The address the customer typed in the chat (setContactEmail): overrides the card's. */
  contactEmail: 'contactEmail',
  transcript: 'transcript',
  context: 'context',
  ticketAt: 'ticketAt',
  promisedAt: 'promisedAt',
  answer: 'answer',
  answeredBy: 'answeredBy',
  answeredAt: 'answeredAt',
  closedReason: 'closedReason',
  updatedAt: 'updatedAt',
});

/**
 * The part of an escalation that only the client reads, stored as one JSON field (FIELD.card).
 * Empty contact, transcript and context are left out (they decode to the same {} / []): every
 * enqueue sends the card and every claim returns it, so its length is paid on both sides.
 */
export interface EscalationCard {
  readonly priority: Priority;
  readonly reason: string;
  readonly accountManagerId?: string;
  readonly contact?: Contact;
  readonly transcript?: readonly TranscriptLine[];
  readonly context?: Readonly<Record<string, unknown>>;
}

export function encodeCard(e: ParsedEscalation): string {
  const card: { -readonly [K in keyof EscalationCard]: EscalationCard[K] } = {
    priority: e.priority,
    reason: e.reason,
  };
  if (e.accountManagerId) card.accountManagerId = e.accountManagerId;
  if (!isEmptyObject(e.contact)) card.contact = e.contact;
  if (e.transcript.length > 0) card.transcript = e.transcript;
  if (!isEmptyObject(e.context)) card.context = e.context;
  return JSON.stringify(card);
}

function num(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function str(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function json<T>(value: string | undefined, schema: z.ZodType<T>, fallback: T, what: string): T {
  if (value === undefined || value === '' || value === '{}' || value === '[]') return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (cause) {
    throw new HandoffError('UNEXPECTED_REPLY', `stored ${what} is not valid`, { cause });
  }
  return checked(parsed, schema, fallback, what);
}

/** Validates a stored value; empty ones (the usual contact and context) skip the schema. */
function checked<T>(value: unknown, schema: z.ZodType<T>, fallback: T, what: string): T {
  if (value === undefined) return fallback;
  if (Array.isArray(value) ? value.length === 0 : isEmptyObject(value)) return fallback;
  const result = schema.safeParse(value);
  if (!result.success)
    throw new HandoffError('UNEXPECTED_REPLY', `stored ${what} is not valid`, { cause: result.error });
  return result.data;
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (const _ in value) return false;
  return true;
}

function parseCard(id: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HandoffError('UNEXPECTED_REPLY', `conversation ${id}: stored card is not JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HandoffError('UNEXPECTED_REPLY', `conversation ${id}: stored card is not an object`);
  return value as Record<string, unknown>;
}

const transcriptSchema = z.array(transcriptLineSchema);
const contextSchema = z.record(z.string(), z.unknown());

const PRIORITIES: readonly string[] = prioritySchema.options;
const isPriority = (v: string | undefined): v is Priority => v !== undefined && PRIORITIES.includes(v);

/** Sets a record field only when it has a value (a module function: no closure per decode). */
function putDefined(out: Record<string, unknown>, key: keyof ConversationRecord, value: unknown): void {
  if (value !== undefined) out[key] = value;
}

/**
 * Stored fields → a record. Absent fields are left out (not set to undefined), so records compare
 * equal whichever store produced them. Built in one pass: a claim decodes one on its hot path.
 */
export function decodeConversation(id: string, f: ConversationFields): ConversationRecord {
  const state = f[FIELD.state] ?? '';
  if (!isHandoffState(state)) {
    throw new HandoffError('UNEXPECTED_REPLY', `conversation ${id} has unknown state "${state}"`);
  }
  const out: Record<string, unknown> = { id, state };
  putDefined(out, 'language', str(f[FIELD.language]));
  putDefined(out, 'skill', str(f[FIELD.skill]));
  putDefined(out, 'escalatedAt', num(f[FIELD.escalatedAt]));
  putDefined(out, 'agentId', str(f[FIELD.agent]));
  putDefined(out, 'claimedAt', num(f[FIELD.claimedAt]));
  putDefined(out, 'agentRepliedAt', num(f[FIELD.repliedAt]));
  putDefined(out, 'awaitingAnswerSince', num(f[FIELD.awaitingSince]));
  putDefined(out, 'lastCustomerActivityAt', num(f[FIELD.lastActivityAt]));
  const cardText = f[FIELD.card];
  if (cardText) {
    const card = parseCard(id, cardText);
    if (typeof card.priority === 'string' && isPriority(card.priority)) out.priority = card.priority;
    if (typeof card.accountManagerId === 'string') out.accountManagerId = card.accountManagerId;
    if (typeof card.reason === 'string' && card.reason !== '') out.reason = card.reason;
    out.contact = checked(card.contact, contactSchema, {}, 'contact');
    out.transcript = checked(card.transcript, transcriptSchema, [], 'transcript');
    out.context = checked(card.context, contextSchema, {}, 'context');
  } else {
    // Written before the card existed.
    const priority = f[FIELD.priority];
    if (isPriority(priority)) out.priority = priority;
    putDefined(out, 'accountManagerId', str(f[FIELD.accountManager]));
    putDefined(out, 'reason', str(f[FIELD.reason]));
    out.contact = json(f[FIELD.contact], contactSchema, {}, 'contact');
    out.transcript = json(f[FIELD.transcript], transcriptSchema, [], 'transcript');
    out.context = json(f[FIELD.context], contextSchema, {}, 'context');
  }
  const typedEmail = str(f[FIELD.contactEmail]);
  if (typedEmail !== undefined) out.contact = { ...(out.contact as Contact), email: typedEmail };
  const ticketAt = num(f[FIELD.ticketAt]);
  if (ticketAt !== undefined) {
    const ticket: Record<string, unknown> = {
      openedAt: ticketAt,
      promisedReplyAt: num(f[FIELD.promisedAt]) ?? ticketAt,
    };
    const answer = str(f[FIELD.answer]);
    const answeredBy = str(f[FIELD.answeredBy]);
    const answeredAt = num(f[FIELD.answeredAt]);
    if (answer !== undefined) ticket.answer = answer;
    if (answeredBy !== undefined) ticket.answeredBy = answeredBy;
    if (answeredAt !== undefined) ticket.answeredAt = answeredAt;
    out.ticket = ticket;
  }
  putDefined(out, 'closedReason', str(f[FIELD.closedReason]));
  out.updatedAt = num(f[FIELD.updatedAt]) ?? 0;
  return out as unknown as ConversationRecord;
}
