import type { Request, Response, Server } from 'restify';
import type { KbIssue } from '../../knowledge-base/index';
import { sendError } from '../http/errors';
import type { Log } from '../log';
import type { SupervisorAuth } from '../reports/supervisor-config';
import type { KbReloader } from './kb-reloader';
import { guardKbAdmin } from './supervisor-guard';

export interface KbAdminDeps {
  readonly reloader: KbReloader;
  readonly supervisor?: SupervisorAuth;
  readonly log: Log;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** Supervisor check, no caching, and an unexpected failure logged as a 500 (never a crash). */
function adminRoute(deps: KbAdminDeps, handler: Handler): Handler {
  return async (req, res) => {
    if (!guardKbAdmin(req, res, deps.supervisor)) return;
    res.header('cache-control', 'no-store');
    try {
      await handler(req, res);
    } catch (error) {
      deps.log.error(`${req.method ?? 'POST'} ${req.path()} failed`, error);
      sendError(res, 500, 'InternalError', 'the knowledge base could not be reloaded');
    }
  };
}

/** 422 with every problem (file, line, path); the knowledge base in service is unchanged. */
export function sendKbInvalid(res: Response, issues: readonly KbIssue[], what: string): void {
  res.send(422, {
    error: {
      code: 'KbInvalid',
      message: `${what}: ${issues.length} problem${issues.length === 1 ? '' : 's'}; the knowledge base in service is unchanged`,
      issues: issues.map((i) => ({
        file: i.file,
        ...(i.line === undefined ? {} : { line: i.line }),
        path: i.path,
        message: i.message,
      })),
    },
  });
}

/** GET /api/kb (what is in service) and POST /api/kb/reload (supervisor only). */
export function registerKbAdmin(server: Server, deps: KbAdminDeps): void {
  server.get(
    '/api/kb',
    adminRoute(deps, async (_req, res) => {
      res.send(200, deps.reloader.status());
    }),
  );
  server.post(
    '/api/kb/reload',
    adminRoute(deps, async (_req, res) => {
      const outcome = await deps.reloader.reload();
      if (!outcome.ok) return sendKbInvalid(res, outcome.issues, 'reload refused');
      deps.log.info(
        `knowledge base reloaded (generation ${outcome.report.generation}, ${outcome.report.buildMs} ms)`,
      );
      res.send(200, { reloaded: true, ...outcome.report });
    }),
  );
}
