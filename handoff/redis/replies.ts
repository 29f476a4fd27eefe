import type { ConversationFields } from '../conversation-fields';
import { isHandoffState } from '../handoff-state';
import { HandoffError } from '../errors';
import type { Refusal } from '../results';

/** What a Lua script can hand back through ioredis. */
export type Reply = string | number | null | Reply[];

export function asArray(reply: unknown, what: string): Reply[] {
  if (!Array.isArray(reply)) throw new HandoffError('UNEXPECTED_REPLY', `${what}: expected an array reply`);
  return reply as Reply[];
}

export function asString(reply: Reply | undefined): string {
  if (typeof reply === 'string') return reply;
  if (typeof reply === 'number') return String(reply);
  return '';
}

export function asStrings(reply: Reply | undefined): string[] {
  return Array.isArray(reply) ? reply.map(asString) : [];
}

/** A conversation hash, packed as JSON by the script (packedHash) or as HGETALL's flat list → a record. */
export function asFields(reply: Reply | undefined): ConversationFields {
  if (typeof reply === 'string') return fieldsFromJson(reply);
  const flat = asStrings(reply);
  const fields: ConversationFields = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i] ?? ''] = flat[i + 1] ?? '';
  return fields;
}

/** What a claim sends back (claimedView in lua-common.ts), split. */
export interface ClaimedView {
  readonly id: string;
  readonly card: string;
  readonly language: string;
  readonly skill: string;
  readonly escalatedAt: string;
  readonly lastActivityAt: string;
}

const VIEW_SEPARATOR = '\x1f';

/** 'card␟language␟skill␟escalatedAt␟lastActivityAt␟id': the id, last, may hold anything. */
export function splitClaimedView(reply: string, what: string): ClaimedView {
  const a = reply.indexOf(VIEW_SEPARATOR);
  const b = reply.indexOf(VIEW_SEPARATOR, a + 1);
  const c = reply.indexOf(VIEW_SEPARATOR, b + 1);
  const d = reply.indexOf(VIEW_SEPARATOR, c + 1);
  const e = reply.indexOf(VIEW_SEPARATOR, d + 1);
  if (a < 0 || b < 0 || c < 0 || d < 0 || e < 0)
    throw new HandoffError('UNEXPECTED_REPLY', `${what}: malformed claim reply`);
  return {
    card: reply.slice(0, a),
    language: reply.slice(a + 1, b),
    skill: reply.slice(b + 1, c),
    escalatedAt: reply.slice(c + 1, d),
    lastActivityAt: reply.slice(d + 1, e),
    id: reply.slice(e + 1),
  };
}

/** A script's refusal code → the typed value callers get. */
export function toRefusal(reply: Reply[], what: string): Refusal {
  const code = asString(reply[0]);
  const arg = asString(reply[1]);
  switch (code) {
    case 'not-found':
      return { ok: false, reason: 'not-found' };
    case 'wrong-state':
      if (!isHandoffState(arg)) break;
      return { ok: false, reason: 'wrong-state', state: arg };
    case 'already-claimed':
      return { ok: false, reason: 'already-claimed', agentId: arg };
    case 'already-queued':
      return { ok: false, reason: 'already-queued' };
    case 'not-owner':
      return { ok: false, reason: 'not-owner', agentId: arg };
    case 'at-capacity':
      return { ok: false, reason: 'at-capacity', capacity: Number(arg) };
    case 'agent-offline':
      return { ok: false, reason: 'agent-offline' };
    case 'agent-unavailable':
      return { ok: false, reason: 'agent-unavailable' };
    case 'not-routable':
      return { ok: false, reason: 'not-routable', detail: arg === 'skill' ? 'skill' : 'language' };
    case 'reserved':
      return { ok: false, reason: 'reserved-for-account-manager', until: Number(arg) };
    case 'queue-empty':
      return { ok: false, reason: 'queue-empty' };
  }
  throw new HandoffError('UNEXPECTED_REPLY', `${what}: unknown reply code "${code}"`);
}

function fieldsFromJson(text: string): ConversationFields {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HandoffError('UNEXPECTED_REPLY', 'conversation fields: not JSON', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    // cjson encodes an empty table as {} but an empty hash never reaches here (state is required).
    throw new HandoffError('UNEXPECTED_REPLY', 'conversation fields: expected an object');
  }
  // Hash values are strings, and cjson keeps them strings: check, don't copy (a claim's hot path).
  const fields = value as Record<string, unknown>;
  for (const k in fields) {
    if (typeof fields[k] !== 'string') fields[k] = String(fields[k]);
  }
  return fields as ConversationFields;
}
