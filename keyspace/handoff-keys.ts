import { deploymentTag } from './slots';

/**
 * Every Redis key of the handoff, in one place.
 *
 * All keys of one deployment share one hash tag, `{<prefix>}`, so they live in one Cluster slot:
 * the Lua scripts touch a conversation, several queues, the agent's set and the timer indexes in a
 * single atomic step, which Cluster only allows within one slot. A handoff queue moves tens of
 * operations per second at most (people type), so one slot is far from a bottleneck; Cluster then
 * brings failover, not sharding. Scripts build per-conversation / per-queue keys from the base
 * (ARGV[1]) with the helpers generated below, so the names exist only in this file.
 */
const SUFFIX = Object.freeze({
  conversation: 'conv:',
  queue: 'q:',
  queues: 'queues',
  reserved: 'reserved:',
  poolDue: 'pooldue',
  claims: 'claims',
  unanswered: 'unanswered',
  activity: 'activity',
  tickets: 'tickets',
  answered: 'answered',
  agent: 'agent:',
  agentConversations: 'agentconvs:',
  onlineAgents: 'agents',
  languageAgents: 'lang:',
  handling: 'handling',
});

export interface HandoffKeys {
  /** "{prefix}:" — the hash tag and separator every key starts with. */
  readonly base: string;
  /** Hash: one conversation's fields (see conversation-fields.ts). */
  conversation(id: string): string;
  /** Sorted set per "language:skill", scored by class band + escalation time. */
  queue(queue: string): string;
  /** Set of the "language:skill" names that ever had a conversation (supervisor views). */
  readonly queues: string;
  /** Sorted set of the B2B conversations waiting for one account manager. */
  reserved(agentId: string): string;
  /** Sorted set: reserved conversation → when it goes to the pool. */
  readonly poolDue: string;
  /** Sorted set: claimed conversation → claim deadline (removed at the first agent reply). */
  readonly claims: string;
  /** Sorted set: with-agent conversation → time of the customer's oldest unanswered message. */
  readonly unanswered: string;
  /** Sorted set: conversation → start of its customer-silence timer (never holds queued ones). */
  readonly activity: string;
  /** Sorted set: open ticket → time opened (chronological handling). */
  readonly tickets: string;
  /** Sorted set: answered ticket awaiting the customer's reply → time answered (the quiet sweep). */
  readonly answered: string;
  /** Hash: agent profile (languages, skills, capacity, heartbeatAt). */
  agent(agentId: string): string;
  /** Set: conversations an agent holds (its size is the load checked against capacity). */
  agentConversations(agentId: string): string;
  /** Sorted set: online agent → last heartbeat. */
  readonly onlineAgents: string;
  /** Sorted set per language: online agent speaking it → last heartbeat. */
  languageAgents(language: string): string;
  /** List: most recent handling times in ms (newest first, trimmed). */
  readonly handling: string;
}

export function handoffKeys(prefix: string): HandoffKeys {
  const base = `${deploymentTag(prefix)}:`;
  return Object.freeze({
    base,
    conversation: (id: string) => base + SUFFIX.conversation + id,
    queue: (queue: string) => base + SUFFIX.queue + queue,
    queues: base + SUFFIX.queues,
    reserved: (agentId: string) => base + SUFFIX.reserved + agentId,
    poolDue: base + SUFFIX.poolDue,
    claims: base + SUFFIX.claims,
    unanswered: base + SUFFIX.unanswered,
    activity: base + SUFFIX.activity,
    tickets: base + SUFFIX.tickets,
    answered: base + SUFFIX.answered,
    agent: (agentId: string) => base + SUFFIX.agent + agentId,
    agentConversations: (agentId: string) => base + SUFFIX.agentConversations + agentId,
    onlineAgents: base + SUFFIX.onlineAgents,
    languageAgents: (language: string) => base + SUFFIX.languageAgents + language,
    handling: base + SUFFIX.handling,
  });
}

/**
 * The same key names for Lua, one definition each (name → code), so a script only defines the
 * helpers it uses (see lua-common.ts). They read `base`, which every script sets from ARGV[1].
 */
export const LUA_KEY_HELPERS: readonly (readonly [string, string])[] = Object.freeze([
  ['kConv', `local function kConv(id) return base .. '${SUFFIX.conversation}' .. id end`],
  ['kQueue', `local function kQueue(q) return base .. '${SUFFIX.queue}' .. q end`],
  ['kQueues', `local kQueues = base .. '${SUFFIX.queues}'`],
  ['kReserved', `local function kReserved(a) return base .. '${SUFFIX.reserved}' .. a end`],
  ['kPoolDue', `local kPoolDue = base .. '${SUFFIX.poolDue}'`],
  ['kClaims', `local kClaims = base .. '${SUFFIX.claims}'`],
  ['kUnanswered', `local kUnanswered = base .. '${SUFFIX.unanswered}'`],
  ['kActivity', `local kActivity = base .. '${SUFFIX.activity}'`],
  ['kTickets', `local kTickets = base .. '${SUFFIX.tickets}'`],
  ['kAnswered', `local kAnswered = base .. '${SUFFIX.answered}'`],
  ['kAgent', `local function kAgent(a) return base .. '${SUFFIX.agent}' .. a end`],
  ['kAgentConvs', `local function kAgentConvs(a) return base .. '${SUFFIX.agentConversations}' .. a end`],
  ['kOnline', `local kOnline = base .. '${SUFFIX.onlineAgents}'`],
  ['kLangAgents', `local function kLangAgents(l) return base .. '${SUFFIX.languageAgents}' .. l end`],
  ['kHandling', `local kHandling = base .. '${SUFFIX.handling}'`],
]);
