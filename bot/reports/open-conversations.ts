import type { ConversationRecord, HandoffQueue } from '../../handoff/index';
import { openConversationSchema, type OpenConversation, type TimeRange } from '../../insights/index';

/** How many of each kind one report reads: far more than a supervisor's day holds. */
const LIST_LIMIT = 5000;

export type OpenConversationSource = (range: TimeRange) => Promise<OpenConversation[]>;

type Queue = Pick<HandoffQueue, 'peek' | 'tickets' | 'answeredTickets' | 'agent' | 'get'>;

function openOf(record: ConversationRecord): OpenConversation | undefined {
  const parsed = openConversationSchema.safeParse({
    conversationId: record.id,
    state: record.state,
    ...(record.reason ? { escalationReason: record.reason } : {}),
    escalatedAt: record.escalatedAt ?? record.ticket?.openedAt ?? record.updatedAt,
  });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The conversations still with people (queued, with an agent, open or answered ticket) escalated in the range,
 * read from the handoff queue's records: they have no survey record until they close.
 */
export function openConversationsFrom(queue: Queue, agentIds: readonly string[]): OpenConversationSource {
  return async ({ from, to }) => {
    const records = new Map<string, ConversationRecord>();
    for (const t of await queue.tickets(LIST_LIMIT)) records.set(t.id, t);
    // Answered, the case stays open for the customer's reply: still with people, no survey record yet.
    for (const t of await queue.answeredTickets(LIST_LIMIT)) records.set(t.id, t);
    const ids = new Set((await queue.peek(LIST_LIMIT)).map((e) => e.conversationId));
    for (const agentId of agentIds)
      for (const id of (await queue.agent(agentId))?.conversations ?? []) ids.add(id);
    for (const id of ids) {
      if (records.has(id)) continue;
      const record = await queue.get(id);
      if (record) records.set(id, record);
    }
    return [...records.values()]
      .map(openOf)
      .filter((o): o is OpenConversation => o !== undefined && o.escalatedAt >= from && o.escalatedAt < to)
      .sort((a, b) => a.escalatedAt - b.escalatedAt || (a.conversationId < b.conversationId ? -1 : 1));
  };
}
