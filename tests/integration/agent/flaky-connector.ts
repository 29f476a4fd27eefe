import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Bot Framework connector (serviceUrl) that can be told to fail: it counts what it accepted. */
export class FlakyConnector {
  readonly accepted: { path: string; text?: string; type?: string }[] = [];
  refused = 0;
  /** While true, every post is refused (403: not retried by the connector client) and nothing is accepted. */
  failing = false;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        if (this.failing) {
          this.refused += 1;
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'Forbidden', message: 'not now' } }));
          return;
        }
        const activity = JSON.parse(body || '{}') as { text?: string; type?: string };
        this.accepted.push({ path: req.url ?? '', ...activity });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `accepted-${this.accepted.length}` }));
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
