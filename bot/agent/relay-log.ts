import { z } from 'zod';

export const relayLineSchema = z.object({
  seq: z.number().int().positive(),
  /** `note`: an agent's internal note (agentId its author): agents only, never sent to the customer. */
  from: z.enum(['customer', 'agent', 'system', 'note']),
  text: z.string(),
  at: z.number().int(),
  agentId: z.string().optional(),
  /** Agents a note @mentions (account ids), notified on their console. */
  mentions: z.array(z.string()).optional(),
  /** Files the customer sent with this line; agents open them at /api/agent/uploads/:uploadId. */
  attachments: z
    .array(
      z.object({
        uploadId: z.string(),
        name: z.string(),
        contentType: z.string(),
        size: z.number().int().nonnegative(),
      }),
    )
    .optional(),
});
/** One line said after the escalation, numbered from 1 in the order the store accepted it. */
export type RelayLine = z.output<typeof relayLineSchema>;
export type NewRelayLine = Omit<RelayLine, 'seq'>;

export const PRESENCES = ['online', 'away', 'offline'] as const;
export type Presence = (typeof PRESENCES)[number];

/**
 * What the agent side keeps besides the queue: the lines relayed between customer and agent, and
 * each agent's presence (the queue only knows online/offline; "away" keeps conversations but takes
 * no new one). Implementations: memory and Redis.
 */
export interface RelayLog {
  append(conversationId: string, line: NewRelayLine): Promise<RelayLine>;
  /**
   * Appends unless a line was already appended under this key (a retried send): then returns that
   * line, `created: false`. Atomic, so two retries never log a message twice.
   */
  appendOnce(
    conversationId: string,
    key: string,
    line: NewRelayLine,
  ): Promise<{ line: RelayLine; created: boolean }>;
  /** The line reached the customer's channel (a retry must not send it again). */
  markDelivered(conversationId: string, seq: number): Promise<void>;
  delivered(conversationId: string, seq: number): Promise<boolean>;
  lines(conversationId: string): Promise<readonly RelayLine[]>;
  /** Deletes one conversation's relayed lines (a customer's erasure); how many there were. */
  erase(conversationId: string): Promise<number>;
  setPresence(agentId: string, presence: Presence): Promise<void>;
  presence(agentId: string): Promise<Presence>;
}

export class MemoryRelayLog implements RelayLog {
  private readonly logs = new Map<string, RelayLine[]>();
  private readonly presences = new Map<string, Presence>();
  private readonly keyed = new Map<string, number>();
  private readonly sent = new Set<string>();

  async appendOnce(
    conversationId: string,
    key: string,
    line: NewRelayLine,
  ): Promise<{ line: RelayLine; created: boolean }> {
    const seq = this.keyed.get(`${conversationId} ${key}`);
    const earlier = seq === undefined ? undefined : this.logs.get(conversationId)?.[seq - 1];
    if (earlier) return { line: earlier, created: false };
    const stored = await this.append(conversationId, line);
    this.keyed.set(`${conversationId} ${key}`, stored.seq);
    return { line: stored, created: true };
  }

  async markDelivered(conversationId: string, seq: number): Promise<void> {
    this.sent.add(`${conversationId} ${seq}`);
  }

  async delivered(conversationId: string, seq: number): Promise<boolean> {
    return this.sent.has(`${conversationId} ${seq}`);
  }

  async append(conversationId: string, line: NewRelayLine): Promise<RelayLine> {
    const log = this.logs.get(conversationId) ?? [];
    this.logs.set(conversationId, log);
    const stored = { ...line, seq: log.length + 1 };
    log.push(stored);
    return stored;
  }

  async lines(conversationId: string): Promise<readonly RelayLine[]> {
    return [...(this.logs.get(conversationId) ?? [])];
  }

  async erase(conversationId: string): Promise<number> {
    const count = this.logs.get(conversationId)?.length ?? 0;
    this.logs.delete(conversationId);
    for (const set of [this.keyed, this.sent])
      for (const key of set.keys()) if (key.startsWith(`${conversationId} `)) set.delete(key);
    return count;
  }

  async setPresence(agentId: string, presence: Presence): Promise<void> {
    this.presences.set(agentId, presence);
  }

  async presence(agentId: string): Promise<Presence> {
    return this.presences.get(agentId) ?? 'offline';
  }
}
