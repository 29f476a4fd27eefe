import type { Request, Response, Server } from 'restify';
import { LOCALES } from '../../knowledge-base/index';
import { sendError } from '../http/errors';
import type { Log } from '../log';
import { guardSupervisor } from '../reports/supervisor-auth';
import type { SupervisorAuth } from '../reports/supervisor-config';
import { registerScopedHistory } from './history-routes';
import type { HistoryStore } from './history-store';

/**
 * GET /api/reports/history and /api/reports/history/:id: the agents' history API for the
 * supervisor token (every language); 401 without it, 503 when no supervisor token is configured.
 */
export function registerSupervisorHistory(
  server: Server,
  deps: { readonly history: HistoryStore; readonly supervisor?: SupervisorAuth; readonly log: Log },
): void {
  registerScopedHistory(server, '/api/reports/history', deps.history, (handler) => {
    return async (req: Request, res: Response): Promise<void> => {
      if (!guardSupervisor(req, res, deps.supervisor)) return;
      res.header('cache-control', 'no-store');
      try {
        await handler(LOCALES, req, res);
      } catch (error) {
        deps.log.error(`${req.method ?? 'GET'} ${req.path()} failed`, error);
        if (!res.headersSent) sendError(res, 503, 'Unavailable', 'the history could not be read; retry');
      }
    };
  });
}
