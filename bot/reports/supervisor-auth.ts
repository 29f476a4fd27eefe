import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'restify';
import { sendError } from '../http/errors';
import { sha256Hex, type SupervisorAuth } from './supervisor-config';

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/** Whether the request carries the supervisor token; hashes compared in constant time. */
export function isSupervisor(req: Request, auth: SupervisorAuth): boolean {
  const match = BEARER.exec(req.header('authorization') ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(sha256Hex(match[1]), 'hex');
  return timingSafeEqual(given, Buffer.from(auth.tokenSha256, 'hex'));
}

/**
 * Lets the request through (true) or answers it: 503 when reports are not configured, 401 when the
 * token is missing or wrong.
 */
export function guardSupervisor(req: Request, res: Response, auth: SupervisorAuth | undefined): boolean {
  if (!auth) {
    sendError(res, 503, 'ReportsDisabled', 'reports disabled: set SUPERVISOR_TOKEN');
    return false;
  }
  if (!isSupervisor(req, auth)) {
    res.header('www-authenticate', 'Bearer realm="relais-reports"');
    sendError(res, 401, 'Unauthorized', 'a supervisor token is required (Authorization: Bearer <token>)');
    return false;
  }
  return true;
}
