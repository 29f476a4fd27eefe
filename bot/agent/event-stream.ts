import type { Response } from 'restify';
import type { AgentAccount } from './accounts';
import type { AgentEvent, AgentEventBus, Delivery } from './events';

const KEEP_ALIVE_MS = 20_000;
/** Recent events kept by this instance for streams that reconnect (all agents together). */
const REPLAY_EVENTS = 1_000;

/** Whether an agent's stream carries this event: their own conversations, and their languages' queue. */
export function concerns(agent: AgentAccount, event: AgentEvent): boolean {
  switch (event.type) {
    case 'customer-message':
    case 'customer-typing':
    case 'conversation-ended':
    case 'answer-timeout':
    case 'transferred':
    case 'mention':
      return event.agentId === agent.id;
    case 'note':
      return event.readers.includes(agent.id);
    case 'queued':
      return agent.languages.includes(event.language);
    case 'queue-changed':
      return true;
  }
}

/**
 * Server-Sent Events for one agent: open until the client leaves or the server closes. Every event
 * carries its id; a client that reconnects with `Last-Event-ID` gets what it missed from this
 * instance's recent events, or `reset` (reload everything) when they are no longer all here.
 */
export class AgentEventStreams {
  private readonly open = new Set<Response>();
  private readonly recent: { id: number; event: AgentEvent }[] = [];
  /** Every event with an id from here on was received (Infinity: none proven yet). */
  private coveredFrom = Number.POSITIVE_INFINITY;

  constructor(private readonly bus: AgentEventBus) {
    bus.subscribe((delivery) => this.remember(delivery));
  }

  async attach(
    agent: AgentAccount,
    res: Response,
    lastEventId: number | undefined,
    onClose: () => void,
  ): Promise<void> {
    const current = lastEventId === undefined ? 0 : await this.bus.lastId();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
    const write = (id: number, event: AgentEvent): void => {
      if (concerns(agent, event))
        res.write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    };
    // From here to the subscription nothing awaits, so no event slips between replay and live.
    if (lastEventId !== undefined && lastEventId < current) {
      if (lastEventId + 1 >= this.coveredFrom) {
        for (const { id, event } of this.recent) if (id > lastEventId) write(id, event);
      } else {
        res.write(`event: reset\ndata: {}\n\n`);
      }
    }
    const unsubscribe = this.bus.subscribe((delivery) => {
      if (delivery.kind === 'reset') res.write(`event: reset\ndata: {}\n\n`);
      else write(delivery.id, delivery.event);
    });
    // A comment now and then keeps proxies from closing an idle stream.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    this.open.add(res);
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      this.open.delete(res);
      onClose();
    });
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }

  private remember(delivery: Delivery): void {
    if (delivery.kind === 'reset') {
      this.recent.length = 0;
      this.coveredFrom = Number.POSITIVE_INFINITY;
      return;
    }
    if (this.recent.length === 0 && !Number.isFinite(this.coveredFrom)) this.coveredFrom = delivery.id;
    this.recent.push({ id: delivery.id, event: delivery.event });
    if (this.recent.length > REPLAY_EVENTS) {
      const dropped = this.recent.shift();
      if (dropped) this.coveredFrom = dropped.id + 1;
    }
  }
}
