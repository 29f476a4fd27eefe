import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedReply {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly activity: {
    type?: string;
    text?: string;
    name?: string;
    replyToId?: string;
    suggestedActions?: { actions: { value: unknown }[] };
    from?: { id?: string; name?: string; role?: string };
    channelData?: unknown;
  };
}

/** An HTTP server playing the Bot Framework connector (serviceUrl): it records what the bot posts. */
export class FakeConnector {
  readonly replies: ReceivedReply[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        this.replies.push({
          path: req.url ?? '',
          authorization: req.headers.authorization,
          activity: JSON.parse(body || '{}') as ReceivedReply['activity'],
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.replies.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
