import type { Redis } from 'ioredis';
import { agentEventSchema, type AgentEvent, type AgentEventBus, type AgentEventListener } from './events';

/**
 * Redis pub/sub between instances: publishes on the shared connection, listens on a connection of
 * its own (a subscribed connection can do nothing else). An instance gets its own events back
 * through Redis too, so every listener sees each event exactly once.
 */
export class RedisAgentEventBus implements AgentEventBus {
  private readonly listeners = new Set<AgentEventListener>();

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      let json: unknown;
      try {
        json = JSON.parse(message);
      } catch {
        return;
      }
      const parsed = agentEventSchema.safeParse(json);
      if (!parsed.success) return;
      for (const listener of [...this.listeners]) listener(parsed.data);
    });
  }

  /** Resolves once the subscription is active, so no event published afterwards is missed. */
  static async start(publisher: Redis, channel: string): Promise<RedisAgentEventBus> {
    // ioredis re-subscribes after a reconnection with a promise nobody awaits: a drop at that
    // moment rejected it unhandled (MaxRetriesPerRequestError). Re-subscribe here, caught; the
    // next 'ready' tries again.
    const subscriber = publisher.duplicate({ autoResubscribe: false });
    // Outages are reported by the publisher's listener; without one ioredis prints each error.
    subscriber.on('error', () => undefined);
    await subscriber.subscribe(channel);
    subscriber.on('ready', () => {
      subscriber.subscribe(channel).catch(() => undefined);
    });
    return new RedisAgentEventBus(publisher, subscriber, channel);
  }

  async publish(event: AgentEvent): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify(event));
  }

  subscribe(listener: AgentEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
    await this.subscriber.quit();
  }
}
