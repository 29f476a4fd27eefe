import type { RedisClient } from '../redis/client';
import {
  agentEventSchema,
  type AgentEvent,
  type AgentEventBus,
  type Delivery,
  type DeliveryListener,
} from './events';

/**
 * KEYS[1] the event id counter; ARGV[1] the channel, ARGV[2] the event (JSON).
 * Numbers and publishes in one step, so every instance receives events in id order.
 * Returns the event's id.
 */
const PUBLISH = `
local id = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], id .. '|' .. ARGV[2])
return id
`;

/**
 * Redis pub/sub between instances: publishes on the shared connection, listens on a connection of
 * its own (a subscribed connection can do nothing else). An instance gets its own events back
 * through Redis too, so every listener sees each event exactly once. When the subscription drops
 * (Redis restarts), events published meanwhile are gone for this instance: listeners get `reset`.
 */
export class RedisAgentEventBus implements AgentEventBus {
  private readonly listeners = new Set<DeliveryListener>();

  private constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly channel: string,
    private readonly counter: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const bar = message.indexOf('|');
      const id = Number(message.slice(0, bar));
      let json: unknown;
      try {
        json = JSON.parse(message.slice(bar + 1));
      } catch {
        return;
      }
      const parsed = agentEventSchema.safeParse(json);
      if (!Number.isSafeInteger(id) || !parsed.success) return;
      this.deliver({ kind: 'event', id, event: parsed.data });
    });
    // Subscribed again after a reconnection (not by ioredis: see start); what was published in between was missed.
    let connected = true;
    subscriber.on('close', () => {
      connected = false;
    });
    subscriber.on('ready', () => {
      if (connected) return;
      connected = true;
      // Subscribing again is harmless and resolves once Redis confirms: events from then on arrive.
      subscriber.subscribe(channel).then(
        () => this.deliver({ kind: 'reset' }),
        () => undefined, // dropped again: the next 'ready' tries again
      );
    });
  }

  /** Resolves once the subscription is active, so no event published afterwards is missed. */
  static async start(
    publisher: RedisClient,
    subscriber: RedisClient,
    channel: string,
    counter: string,
  ): Promise<RedisAgentEventBus> {
    // ioredis' own re-subscription after a reconnection is a promise nobody awaits: a drop at that
    // moment rejected it unhandled (MaxRetriesPerRequestError). The constructor re-subscribes, caught;
    // `subscriber` comes from bot/redis/connection.ts subscriberOf, which turns ioredis' own off.
    // Outages are reported by the publisher's listener; without one ioredis prints each error.
    subscriber.on('error', () => undefined);
    await subscriber.subscribe(channel);
    return new RedisAgentEventBus(publisher, subscriber, channel, counter);
  }

  async publish(event: AgentEvent): Promise<void> {
    await this.publisher.eval(PUBLISH, 1, this.counter, this.channel, JSON.stringify(event));
  }

  subscribe(listener: DeliveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async lastId(): Promise<number> {
    return Number((await this.publisher.get(this.counter)) ?? 0);
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
    await this.subscriber.quit();
  }

  private deliver(delivery: Delivery): void {
    for (const listener of [...this.listeners]) listener(delivery);
  }
}
