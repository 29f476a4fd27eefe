import type { Request, Response, Server } from 'restify';
import type { KbIssue } from '../../knowledge-base/index';
import { sendError } from '../http/errors';
import type { Log } from '../log';
import type { SupervisorAuth } from '../reports/supervisor-config';
import { parseAcceptBody } from './accept-schema';
import { acceptSuggestion } from './accept-suggestion';
import type { KbReloader } from './kb-reloader';
import { KbBuildThreadError } from './kb-build-thread';
import { guardKbAdmin } from './supervisor-guard';

export interface KbAdminDeps {
  readonly reloader: KbReloader;
  readonly supervisor?: SupervisorAuth;
  /** KB_READ_ONLY: reloads are allowed, writing the KB files is not. */
  readonly readOnly: boolean;
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
      sendError(res, 500, 'InternalError', 'the knowledge-base operation failed');
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

/**
 * GET /api/kb (what is in service), POST /api/kb/reload and POST /api/kb/suggestions/accept
 * (supervisor only).
 */
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
      let outcome;
      try {
        outcome = await deps.reloader.reload();
      } catch (error) {
        if (!(error instanceof KbBuildThreadError)) throw error;
        // The build thread crashed or hung: nothing was swapped, the KB in service keeps answering.
        deps.log.error('knowledge base reload failed, the previous one keeps serving', error);
        return sendError(
          res,
          503,
          'KbBuildFailed',
          `${error.message}; the knowledge base in service is unchanged`,
        );
      }
      if (!outcome.ok) return sendKbInvalid(res, outcome.issues, 'reload refused');
      deps.log.info(
        `knowledge base reloaded (generation ${outcome.report.generation}, ${outcome.report.buildMs} ms)`,
      );
      res.send(200, { reloaded: true, ...outcome.report });
    }),
  );
  server.post(
    '/api/kb/suggestions/accept',
    adminRoute(deps, async (req, res) => {
      const body = parseAcceptBody(req.body);
      if (!body.ok) return sendError(res, 400, 'BadArgument', body.message);
      const outcome = await acceptSuggestion(deps.reloader, body.edit, { readOnly: deps.readOnly });
      switch (outcome.kind) {
        case 'read-only':
          return sendError(
            res,
            403,
            'KbReadOnly',
            'the knowledge base is read-only on this server (KB_READ_ONLY)',
          );
        case 'not-writable':
          return sendError(
            res,
            409,
            'KbNotWritable',
            `the knowledge-base file cannot be written (${outcome.reason})`,
          );
        case 'not-found':
          return sendError(res, 404, 'NotFound', outcome.message);
        case 'invalid':
          return sendKbInvalid(res, outcome.issues, 'change refused, file untouched');
        case 'reload-refused':
          return sendKbInvalid(res, outcome.issues, `${outcome.file} was written but the reload was refused`);
        case 'unchanged':
          return void res.send(200, {
            accepted: true,
            changed: false,
            file: outcome.file,
            entryId: outcome.entryId,
            locale: outcome.locale,
            added: [],
          });
        case 'accepted':
          deps.log.info(
            `suggestion accepted into ${outcome.file} (${outcome.entryId}, ${outcome.added.length} phrasings)`,
          );
          return void res.send(200, {
            accepted: true,
            changed: true,
            file: outcome.file,
            entryId: outcome.entryId,
            locale: outcome.locale,
            added: outcome.added,
            reload: outcome.reload,
          });
      }
    }),
  );
}
