import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the connector treats one conversation's replies. */
export type Behaviour = 'ok' | 'stall' | { failFirst: number; status: number; retryAfter?: string };

export interface Attempt {
  readonly conversationId: string;
  readonly at: number;
  readonly answered: number | 'stalled';
  readonly text?: string;
}

/**
 * A Bot Framework connector (serviceUrl) that answers, fails or never answers, per conversation:
 * every attempt the bot makes is recorded, so tests see retries and their spacing.
 */
export class FlakyConnector {
  readonly attempts: Attempt[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly stalled = new Map<ServerResponse, string>();
  private server?: Server;
  url = '';

  set(conversationId: string, behaviour: Behaviour): void {
    this.behaviours.set(conversationId, behaviour);
  }

  /** Replies that reached the connector and were answered 2xx, for one conversation. */
  delivered(conversationId: string): string[] {
    return this.attempts
      .filter((a) => a.conversationId === conversationId && a.answered === 200)
      .map((a) => a.text ?? '');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += (chunk as Buffer).toString('utf8');
    const conversationId = decodeURIComponent(
      /\/v3\/conversations\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '',
    );
    const text = (JSON.parse(body || '{}') as { text?: string }).text;
    const behaviour = this.behaviours.get(conversationId) ?? 'ok';
    const earlier = this.attempts.filter((a) => a.conversationId === conversationId).length;
    const record = (answered: Attempt['answered']) =>
      this.attempts.push({ conversationId, at: Date.now(), answered, ...(text ? { text } : {}) });
    if (behaviour === 'stall') {
      record('stalled');
      this.stalled.set(res, conversationId);
      return;
    }
    const status = behaviour !== 'ok' && earlier < behaviour.failFirst ? behaviour.status : 200;
    record(status);
    const retryAfter = behaviour !== 'ok' && status !== 200 ? behaviour.retryAfter : undefined;
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
    });
    res.end(status === 200 ? JSON.stringify({ id: `reply-${this.attempts.length}` }) : '{}');
  }

  /** Answers the held requests of a conversation (200) and serves its next ones normally. */
  release(conversationId: string): void {
    this.behaviours.set(conversationId, 'ok');
    for (const [res, id] of this.stalled) {
      if (id !== conversationId) continue;
      this.stalled.delete(res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'released' }));
    }
  }

  async stop(): Promise<void> {
    for (const res of this.stalled.keys()) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
