import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http/errors';
import type { Log } from '../log';
import type { RelaisMetrics } from './relais-metrics';

const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics in the Prometheus text format. With a token configured, only
 * `Authorization: Bearer <METRICS_TOKEN>` gets the figures (compared in constant time).
 */
export function registerMetrics(
  server: Server,
  metrics: RelaisMetrics,
  options: { readonly token?: string; readonly log: Log },
): void {
  const expected = options.token === undefined ? undefined : digest(options.token);
  server.get('/metrics', async (req: Request, res: Response) => {
    if (expected) {
      const header = req.headers.authorization ?? '';
      const given = /^Bearer (.+)$/.exec(header)?.[1];
      if (given === undefined || !timingSafeEqual(digest(given), expected))
        return sendError(res, 401, 'Unauthorized', 'metrics need Authorization: Bearer <METRICS_TOKEN>');
    }
    const { text, failed } = await metrics.registry.render();
    for (const { name, cause } of failed) options.log.error(`metric ${name} could not be read`, cause);
    res.writeHead(200, { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' });
    res.end(text);
  });
}
