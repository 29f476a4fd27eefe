import type { Request, Response, Server } from 'restify';
import type { Log } from '../log';
import { RETRY_AFTER_SECONDS, storeUnavailable, UNAVAILABLE_BODY } from './unavailable';

/** What a client reads for an unexpected failure: the details go to the log, never to the caller. */
export const INTERNAL_ERROR_BODY = {
  error: { code: 'InternalError', message: 'Relais could not handle this request; it has been logged' },
} as const;

type RouteError = Error & { statusCode?: number; toJSON?: () => unknown };

/**
 * How a route's thrown error reaches the client. restify answers an unexpected error with a 500
 * whose body is the error's own message (an ioredis reply, a file path, a stack's first line);
 * here a store that cannot answer gives a 503 the client may retry, any other unexpected error its
 * status (500 when it has none) with a fixed message, and the error itself is logged. Errors restify raises with a status
 * below 500 (400 bad body, 404, 405, 413) keep their own message: they describe the request.
 */
export function answerRouteErrors(server: Server, log: Log): void {
  server.on('restifyError', (req: Request, res: Response, err: RouteError, callback: () => void) => {
    const where = `${req.method ?? '?'} ${req.url ?? '?'}`;
    // ioredis rejects every queued command with one error object: it may be marked already.
    if ((err.statusCode === undefined || err.statusCode === 503) && storeUnavailable(err)) {
      err.statusCode = 503;
      err.toJSON = () => UNAVAILABLE_BODY;
      res.header('Retry-After', String(RETRY_AFTER_SECONDS));
      log.error(`${where}: store unavailable, answered 503`, err);
      return callback();
    }
    if ((err.statusCode ?? 500) >= 500) {
      err.statusCode ??= 500;
      err.toJSON = () => INTERNAL_ERROR_BODY;
      log.error(`${where} failed`, err);
    }
    callback();
  });
}
