import { z } from 'zod';
import { relayLineSchema } from './relay-store';

export const agentEventSchema = z.discriminatedUnion('type', [
  /** A conversation entered the queue of a language. */
  z.object({ type: z.literal('queued'), conversationId: z.string(), language: z.string() }),
  /** The queue changed otherwise (claimed, cancelled, released, handed back): refresh it. */
  z.object({ type: z.literal('queue-changed'), conversationId: z.string() }),
  /** A customer wrote in a conversation an agent owns. */
  z.object({
    type: z.literal('customer-message'),
    conversationId: z.string(),
    agentId: z.string(),
    line: relayLineSchema,
  }),
  /** The customer is typing in a conversation an agent owns (throttled). */
  z.object({ type: z.literal('customer-typing'), conversationId: z.string(), agentId: z.string() }),
]);
export type AgentEvent = z.output<typeof agentEventSchema>;
export type AgentEventListener = (event: AgentEvent) => void;

/** Carries agent events to every instance (each delivers an event once, to its own listeners). */
export interface AgentEventBus {
  publish(event: AgentEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: AgentEventListener): () => void;
  dispose(): Promise<void>;
}

export class MemoryAgentEventBus implements AgentEventBus {
  private readonly listeners = new Set<AgentEventListener>();

  async publish(event: AgentEvent): Promise<void> {
    for (const listener of [...this.listeners]) listener(event);
  }

  subscribe(listener: AgentEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
  }
}
