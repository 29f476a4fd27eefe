import type { Next, Request, RequestHandler, Response } from 'restify';
import type { RelaisMetrics } from '../metrics/relais-metrics';

/** Seconds a client is asked to wait before trying again while the store is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'NR_CLOSED',
]);

/** ioredis giving up on a connection, or on a cluster whose slots are moving. */
const GAVE_UP =
  /^Connection is closed|Stream isn't writeable|enableOfflineQueue options is false|^Too many Cluster redirections|^None of startup nodes is available|^Failed to refresh slots cache/;
/**
 * Replies of a server that is failing over or still loading: the same command succeeds once the
 * cluster has settled (a replica promoted, a slot's new owner known).
 */
const TRANSIENT_REPLY = /^(CLUSTERDOWN|TRYAGAIN|LOADING|MASTERDOWN|READONLY) /;

/**
 * Whether an error (or one of its causes) says the shared store cannot be reached: ioredis gave up
 * on a command (MaxRetriesPerRequestError, "Connection is closed", a cluster it could not follow
 * through a failover), a transient reply (CLUSTERDOWN, TRYAGAIN, ...), a socket error, or a store
 * wrapper's STORE_FAILED. The request can be tried again in a moment; it is not a bug.
 */
export function storeUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (e.name === 'MaxRetriesPerRequestError' || e.name === 'ClusterAllFailedError') return true;
    if (GAVE_UP.test(e.message) || TRANSIENT_REPLY.test(e.message)) return true;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || code === 'STORE_FAILED')) return true;
  }
  return false;
}

/** What a client reads when the store is down: a 503 it may retry, with a clear message. */
export const UNAVAILABLE_BODY = {
  error: {
    code: 'ServiceUnavailable',
    message: `Relais is temporarily unavailable: try again in ${RETRY_AFTER_SECONDS} seconds`,
  },
} as const;

/** The API routes read or write the store; probes, /metrics and the static pages do not. */
const NEEDS_STORE = /^\/(api|v3)\//;

/**
 * While the store is disconnected, answers 503 at once instead of letting the request wait for
 * ioredis' retries (seconds per command) and fail anyway. Commands that started just before the
 * drop still fail later: the 'restifyError' handler turns those into the same 503.
 */
export function whileStoreDown(storeReady: () => boolean, metrics: RelaisMetrics): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    if (storeReady() || !NEEDS_STORE.test(req.path())) return next();
    metrics.unavailable.inc();
    res.header('Retry-After', String(RETRY_AFTER_SECONDS));
    res.send(503, UNAVAILABLE_BODY);
    return next(false);
  };
}
