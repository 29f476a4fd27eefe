import type { ConversationRecord, HandoffQueue } from '../../handoff/index';

/** How many waiting conversations one snapshot reads: the queue lengths say "at least" beyond. */
const PEEK_LIMIT = 1000;
const TICKET_LIMIT = 1000;

type Queue = Pick<HandoffQueue, 'agent' | 'get' | 'peek' | 'tickets' | 'answeredTickets'>;

export interface LiveConversation {
  readonly conversationId: string;
  readonly language?: string;
  /** "language:skill", the queue it came from. */
  readonly queue?: string;
  readonly priority?: string;
  /** Since the escalation: how long the customer has been with people. */
  readonly waitingMs?: number;
  /** Since this agent took it. */
  readonly heldMs?: number;
  /** The agent has not written since they took it. */
  readonly awaitingFirstReply: boolean;
}

export interface LiveAgent {
  readonly agentId: string;
  readonly name: string;
  readonly presence: 'online' | 'away' | 'offline';
  readonly capacity: number;
  readonly load: number;
  readonly conversations: readonly LiveConversation[];
}

export interface LiveQueueLength {
  readonly queue: string;
  readonly waiting: number;
  /** How long the next one served (the head, in serving order) has waited, ms. */
  readonly headWaitMs?: number;
}

export interface LiveView {
  readonly at: string;
  readonly agents: readonly LiveAgent[];
  readonly queues: readonly LiveQueueLength[];
  /** True when more conversations wait than one snapshot reads (the lengths are a floor). */
  readonly truncated: boolean;
  readonly tickets: { readonly open: number; readonly answered: number };
}

export type LiveViewSource = () => Promise<LiveView>;

const queueOf = (r: ConversationRecord): string | undefined =>
  r.language ? `${r.language}:${r.skill ?? 'general'}` : undefined;

function held(record: ConversationRecord, now: number): LiveConversation {
  const queue = queueOf(record);
  return {
    conversationId: record.id,
    ...(record.language ? { language: record.language } : {}),
    ...(queue ? { queue } : {}),
    ...(record.priority ? { priority: record.priority } : {}),
    ...(record.escalatedAt !== undefined ? { waitingMs: Math.max(0, now - record.escalatedAt) } : {}),
    ...(record.claimedAt !== undefined ? { heldMs: Math.max(0, now - record.claimedAt) } : {}),
    awaitingFirstReply: record.agentRepliedAt === undefined,
  };
}

/**
 * Who handles what now, read from the handoff queue for the deployment's agent accounts: each
 * agent's presence, capacity and load with the conversations they hold, the waiting line per queue
 * and the open tickets. Every agent is listed, offline ones too (the dashboard folds them).
 */
export function liveViewFrom(
  queue: Queue,
  accounts: readonly { readonly id: string; readonly name: string; readonly capacity: number }[],
  clock: () => Date,
): LiveViewSource {
  return async () => {
    const now = clock().getTime();
    const agents: LiveAgent[] = [];
    for (const account of accounts) {
      const status = await queue.agent(account.id);
      const conversations: LiveConversation[] = [];
      for (const id of status?.conversations ?? []) {
        const record = await queue.get(id);
        if (record && record.state === 'with-agent') conversations.push(held(record, now));
      }
      conversations.sort((a, b) => (b.waitingMs ?? 0) - (a.waitingMs ?? 0));
      agents.push({
        agentId: account.id,
        name: account.name,
        presence: status?.presence ?? 'offline',
        capacity: status?.capacity ?? account.capacity,
        load: conversations.length,
        conversations,
      });
    }
    const waiting = await queue.peek(PEEK_LIMIT);
    const lengths = new Map<string, { waiting: number; head?: number }>();
    for (const entry of waiting) {
      const q = lengths.get(entry.queue) ?? { waiting: 0 };
      q.waiting += 1;
      if (q.waiting === 1) q.head = (await queue.get(entry.conversationId))?.escalatedAt;
      lengths.set(entry.queue, q);
    }
    const queues = [...lengths]
      .map(([name, q]): LiveQueueLength => ({
        queue: name,
        waiting: q.waiting,
        ...(q.head !== undefined ? { headWaitMs: Math.max(0, now - q.head) } : {}),
      }))
      .sort((a, b) => (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0));
    return {
      at: new Date(now).toISOString(),
      agents,
      queues,
      truncated: waiting.length >= PEEK_LIMIT,
      tickets: {
        open: (await queue.tickets(TICKET_LIMIT)).length,
        answered: (await queue.answeredTickets(TICKET_LIMIT)).length,
      },
    };
  };
}
