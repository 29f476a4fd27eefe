import { z } from 'zod';

export const relayLineSchema = z.object({
  seq: z.number().int().positive(),
  from: z.enum(['customer', 'agent', 'system']),
  text: z.string(),
  at: z.number().int(),
  agentId: z.string().optional(),
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
export interface RelayStore {
  append(conversationId: string, line: NewRelayLine): Promise<RelayLine>;
  lines(conversationId: string): Promise<readonly RelayLine[]>;
  setPresence(agentId: string, presence: Presence): Promise<void>;
  presence(agentId: string): Promise<Presence>;
}

export class MemoryRelayStore implements RelayStore {
  private readonly logs = new Map<string, RelayLine[]>();
  private readonly presences = new Map<string, Presence>();

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

  async setPresence(agentId: string, presence: Presence): Promise<void> {
    this.presences.set(agentId, presence);
  }

  async presence(agentId: string): Promise<Presence> {
    return this.presences.get(agentId) ?? 'offline';
  }
}
