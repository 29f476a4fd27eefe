import type { Response } from 'restify';
import type { AgentAccount } from './accounts';
import type { AgentEvent, AgentEventBus } from './events';

const KEEP_ALIVE_MS = 20_000;

/** Whether an agent's stream carries this event: their own conversations, and their languages' queue. */
export function concerns(agent: AgentAccount, event: AgentEvent): boolean {
  switch (event.type) {
    case 'customer-message':
    case 'customer-typing':
      return event.agentId === agent.id;
    case 'queued':
      return agent.languages.includes(event.language);
    case 'queue-changed':
      return true;
  }
}

/** Server-Sent Events for one agent: open until the client leaves or the server closes. */
export class AgentEventStreams {
  private readonly open = new Set<Response>();

  constructor(private readonly bus: AgentEventBus) {}

  attach(agent: AgentAccount, res: Response, onClose: () => void): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
    const unsubscribe = this.bus.subscribe((event) => {
      if (!concerns(agent, event)) return;
      const id = event.type === 'customer-message' ? `id: ${event.conversationId}:${event.line.seq}\n` : '';
      res.write(`${id}event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
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
}
