import { z } from 'zod';
import { relayLineSchema } from './relay-log';

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
  /** A colleague handed this agent a conversation (it is theirs now). */
  z.object({
    type: z.literal('transferred'),
    conversationId: z.string(),
    fromAgentId: z.string(),
    agentId: z.string(),
  }),
  /** A colleague @mentioned this agent in an internal note (agentId: the one mentioned). */
  z.object({
    type: z.literal('mention'),
    conversationId: z.string(),
    agentId: z.string(),
    fromAgentId: z.string(),
    fromName: z.string(),
    seq: z.number().int().positive(),
    excerpt: z.string(),
  }),
  /**
   * An internal note was added: agents who may read the conversation (`readers`, decided when it
   * was written) see it at once if they have it open.
   */
  z.object({
    type: z.literal('note'),
    conversationId: z.string(),
    readers: z.array(z.string()),
    line: relayLineSchema,
  }),
  /**
   * The agent left the customer unanswered longer than AGENT_ANSWER_TIMEOUT_MIN: the conversation
   * went back to the queue (its place kept) and is no longer theirs.
   */
  z.object({
    type: z.literal('answer-timeout'),
    conversationId: z.string(),
    agentId: z.string(),
  }),
  /** The conversation ended without the agent (the customer went silent and it was closed). */
  z.object({
    type: z.literal('conversation-ended'),
    conversationId: z.string(),
    reason: z.string(),
    agentId: z.string(),
  }),
]);
export type AgentEvent = z.output<typeof agentEventSchema>;

/**
 * What a listener receives: an event with its id (one sequence shared by every instance, in
 * publishing order), or `reset` when this instance may have missed events (its subscription
 * dropped): listeners must reload what they show.
 */
export type Delivery =
  { readonly kind: 'event'; readonly id: number; readonly event: AgentEvent } | { readonly kind: 'reset' };
export type DeliveryListener = (delivery: Delivery) => void;

/** Carries agent events to every instance (each delivers an event once, to its own listeners). */
export interface AgentEventBus {
  publish(event: AgentEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: DeliveryListener): () => void;
  /** The id of the last event published by any instance (0 before the first). */
  lastId(): Promise<number>;
  dispose(): Promise<void>;
}

export class MemoryAgentEventBus implements AgentEventBus {
  private readonly listeners = new Set<DeliveryListener>();
  private last = 0;

  async publish(event: AgentEvent): Promise<void> {
    this.last += 1;
    const delivery: Delivery = { kind: 'event', id: this.last, event };
    for (const listener of [...this.listeners]) listener(delivery);
  }

  subscribe(listener: DeliveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async lastId(): Promise<number> {
    return this.last;
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
  }
}
