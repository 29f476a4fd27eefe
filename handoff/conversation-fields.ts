import { z } from 'zod';
import { contactSchema, prioritySchema, transcriptLineSchema, type ConversationRecord } from './conversation';
import { isConversationState } from './conversation-state';
import { HandoffError } from './errors';

/**
 * A conversation as flat string fields: the Redis hash layout, also used by the memory store so
 * both return exactly the same records.
 */
export type ConversationFields = Record<string, string>;

export const FIELD = Object.freeze({
  state: 'state',
  language: 'language',
  skill: 'skill',
  priority: 'priority',
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
  lastActivityAt: 'lastActivityAt',
  contact: 'contact',
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
  try {
    return schema.parse(JSON.parse(value));
  } catch (cause) {
    throw new HandoffError('UNEXPECTED_REPLY', `stored ${what} is not valid`, { cause });
  }
}

const transcriptSchema = z.array(transcriptLineSchema);
const contextSchema = z.record(z.string(), z.unknown());

export function decodeConversation(id: string, f: ConversationFields): ConversationRecord {
  const state = f[FIELD.state] ?? '';
  if (!isConversationState(state)) {
    throw new HandoffError('UNEXPECTED_REPLY', `conversation ${id} has unknown state "${state}"`);
  }
  const priority = prioritySchema.safeParse(f[FIELD.priority]);
  const ticketAt = num(f[FIELD.ticketAt]);
  const answeredAt = num(f[FIELD.answeredAt]);
  const record: ConversationRecord = {
    id,
    state,
    language: str(f[FIELD.language]),
    skill: str(f[FIELD.skill]),
    priority: priority.success ? priority.data : undefined,
    accountManagerId: str(f[FIELD.accountManager]),
    reason: str(f[FIELD.reason]),
    escalatedAt: num(f[FIELD.escalatedAt]),
    agentId: str(f[FIELD.agent]),
    claimedAt: num(f[FIELD.claimedAt]),
    agentRepliedAt: num(f[FIELD.repliedAt]),
    lastCustomerActivityAt: num(f[FIELD.lastActivityAt]),
    contact: json(f[FIELD.contact], contactSchema, {}, 'contact'),
    transcript: json(f[FIELD.transcript], transcriptSchema, [], 'transcript'),
    context: json(f[FIELD.context], contextSchema, {}, 'context'),
    ticket:
      ticketAt === undefined
        ? undefined
        : {
            openedAt: ticketAt,
            promisedReplyAt: num(f[FIELD.promisedAt]) ?? ticketAt,
            answer: str(f[FIELD.answer]),
            answeredBy: str(f[FIELD.answeredBy]),
            answeredAt,
          },
    closedReason: str(f[FIELD.closedReason]),
    updatedAt: num(f[FIELD.updatedAt]) ?? 0,
  };
  return withoutUndefined(record);
}

/** Drops undefined keys so records compare equal whichever store produced them. */
function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] =
      v !== null && typeof v === 'object' && !Array.isArray(v) && k === 'ticket' ? withoutUndefined(v) : v;
  }
  return out as T;
}
