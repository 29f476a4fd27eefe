import type { Request, Response, Route, Server } from 'restify';
import { withContext, type Log } from '../log';
import { UNMATCHED_ROUTE, type RelaisMetrics } from '../metrics/relais-metrics';

/**
 * Counts every answered request by route pattern (not the raw URL: ids would make one series per
 * conversation) and writes a debug line per request, with the conversation when the route has one.
 */
export function observeRequests(server: Server, metrics: RelaisMetrics, log: Log): void {
  server.on('after', (req: Request, res: Response, route: Route | undefined) => {
    const routeLabel = route ? routePattern(route) : UNMATCHED_ROUTE;
    const status = String(res.statusCode);
    metrics.httpRequests.inc({ route: routeLabel, method: req.method ?? '?', status });
    if (!log.debug) return;
    const params = (req.params ?? {}) as Record<string, unknown>;
    const conversationId =
      typeof params['conversationId'] === 'string' ? params['conversationId'] : undefined;
    withContext(log, conversationId === undefined ? {} : { conversationId }).debug?.('http request', {
      method: req.method,
      route: routeLabel,
      status: res.statusCode,
      ms: Math.round(Date.now() - req.time()),
    });
  });
}

/** The pattern a route was mounted with (`/v3/directline/conversations/:conversationId`), never a URL. */
function routePattern(route: Route): string {
  const path = route.spec?.path ?? route.path;
  return typeof path === 'string' ? path : String(path);
}

/** Every route pattern the server serves: the values of the `route` label. */
export function routePatterns(server: Server): string[] {
  return Object.values(server.router.getRoutes()).map(routePattern);
}
