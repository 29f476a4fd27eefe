import { agentKeys } from './agent-keys';
import { botStateKeys } from './bot-state-keys';
import { directLineKeys } from './direct-line-keys';
import { handoffKeys } from './handoff-keys';
import { historyKeys } from './history-keys';
import { insightsKeys } from './insights-keys';
import { privacyKeys } from './privacy-keys';
import { rateLimitKeys } from './rate-limit-keys';
import { widgetKeys } from './widget-keys';

/** Which slot a family's keys hash to (see slots.ts). */
export type SlotKind = 'deployment' | 'insights' | 'conversation' | 'upload' | 'state item' | 'bucket';

export interface KeyFamily {
  /** The key with placeholders, for REDIS_PREFIX=P. */
  readonly pattern: string;
  readonly type: 'string' | 'hash' | 'list' | 'set' | 'sorted set' | 'channel';
  readonly slot: SlotKind;
  /** How long it lives (see ttl.ts). */
  readonly ttl: string;
}

const CONV = '<conversation>';
const RETENTION = 'retention (SURVEY_RETENTION_DAYS)';
const UNTIL_FORGOTTEN = 'until the conversation is forgotten (retention purge or erasure)';
const RELAY = '7 days or retention';

const family = (pattern: string, type: KeyFamily['type'], slot: SlotKind, ttl: string): KeyFamily =>
  Object.freeze({ pattern, type, slot, ttl });

/**
 * Every Redis key family of the product, built by the same functions the stores call: the table
 * docs/operations.md shows (prefix P), and what the keyspace test checks every stored key against.
 */
export function keyFamilies(prefix = 'P'): readonly KeyFamily[] {
  const a = agentKeys(prefix);
  const dl = directLineKeys(prefix);
  const h = handoffKeys(prefix);
  const hi = historyKeys(prefix);
  const ins = insightsKeys(`${prefix}:insights`);
  const pr = privacyKeys(prefix);
  return [
    family(h.conversation(CONV), 'hash', 'deployment', UNTIL_FORGOTTEN),
    family(h.queue('<language:skill>'), 'sorted set', 'deployment', 'none (members leave when claimed)'),
    family(h.queues, 'set', 'deployment', 'none'),
    family(h.reserved('<agent>'), 'sorted set', 'deployment', 'none'),
    family(h.poolDue, 'sorted set', 'deployment', 'none'),
    family(h.claims, 'sorted set', 'deployment', 'none'),
    family(h.unanswered, 'sorted set', 'deployment', 'none'),
    family(h.activity, 'sorted set', 'deployment', 'none'),
    family(h.tickets, 'sorted set', 'deployment', 'none'),
    family(h.answered, 'sorted set', 'deployment', 'none'),
    family(h.agent('<agent>'), 'hash', 'deployment', 'none'),
    family(h.agentConversations('<agent>'), 'set', 'deployment', 'none'),
    family(h.onlineAgents, 'sorted set', 'deployment', 'none'),
    family(h.languageAgents('<language>'), 'sorted set', 'deployment', 'none'),
    family(h.handling, 'list', 'deployment', 'none (trimmed)'),
    family(hi.ids, 'hash', 'deployment', UNTIL_FORGOTTEN),
    family(hi.names, 'hash', 'deployment', UNTIL_FORGOTTEN),
    family(hi.seq, 'string', 'deployment', 'none'),
    family(hi.all, 'sorted set', 'deployment', UNTIL_FORGOTTEN),
    family(hi.conversation(CONV), 'hash', 'deployment', RETENTION),
    family(hi.lines(CONV), 'list', 'conversation', RETENTION),
    family(hi.terms(CONV), 'set', 'deployment', RETENTION),
    family(hi.term('<term>'), 'sorted set', 'deployment', UNTIL_FORGOTTEN),
    family(hi.facet('<facet>', '<value>'), 'sorted set', 'deployment', UNTIL_FORGOTTEN),
    family(
      hi.scratch('<nonce>', 0).replace(/0$/, '<n>'),
      'sorted set',
      'deployment',
      'inside one search script',
    ),
    family(dl.conversation(CONV), 'string', 'conversation', '7 days or retention'),
    family(dl.log(CONV), 'list', 'conversation', '7 days or retention'),
    family(dl.clientIds(CONV), 'hash', 'conversation', '7 days or retention'),
    family(dl.intents(CONV), 'hash', 'conversation', '7 days or retention'),
    family(dl.pending, 'sorted set', 'deployment', 'none (members leave when their turn ran)'),
    family(dl.pendingLease, 'hash', 'deployment', 'none (fields leave with their turn)'),
    family(a.presence, 'hash', 'deployment', 'none'),
    family(a.events, 'channel', 'deployment', 'pub/sub: not stored'),
    family(a.eventIds, 'string', 'deployment', 'none'),
    family(pr.customerConversations('<customer>'), 'set', 'deployment', RETENTION),
    family(pr.emailConversations('<sha256>'), 'set', 'deployment', RETENTION),
    family(pr.conversationEmail(CONV), 'string', 'deployment', RETENTION),
    family(widgetKeys(prefix).invitations('<rule>'), 'hash', 'deployment', 'none'),
    family(ins.survey(CONV), 'hash', 'insights', `purged after ${RETENTION}`),
    family(ins.byTime, 'sorted set', 'insights', `purged after ${RETENTION}`),
    family(ins.customer('<customer>'), 'set', 'insights', `purged after ${RETENTION}`),
    family(a.log(CONV), 'list', 'conversation', RELAY),
    family(a.sends(CONV), 'hash', 'conversation', RELAY),
    family(a.waitTold(CONV), 'string', 'conversation', '1 day'),
    family(a.waitGate(CONV), 'string', 'conversation', 'QUEUE_UPDATE_INTERVAL_MS'),
    family(a.uploadsOf(CONV), 'set', 'conversation', RELAY),
    family(a.uploadUsage(CONV), 'hash', 'conversation', RELAY),
    family(a.upload('<upload>'), 'hash', 'upload', RELAY),
    family(botStateKeys(prefix).item('<storage key>'), 'hash', 'state item', '30 days or retention'),
    family(rateLimitKeys(prefix).bucket('<client key>'), 'hash', 'bucket', 'until the bucket is full again'),
  ];
}

/** A family's pattern as a regular expression (a placeholder matches any non-empty text). */
export function familyMatcher(family: KeyFamily): RegExp {
  const parts = family.pattern.split(/<[^>]+>/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}
