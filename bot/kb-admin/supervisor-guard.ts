import type { Request, Response } from 'restify';
import { sendError } from '../http/errors';
import { isSupervisor } from '../reports/supervisor-auth';
import type { SupervisorAuth } from '../reports/supervisor-config';

/**
 * Lets a supervisor through (true) or answers: 503 when no supervisor token is configured, 401
 * when the token is missing or wrong. The same token as the reports API.
 */
export function guardKbAdmin(req: Request, res: Response, auth: SupervisorAuth | undefined): boolean {
  if (!auth) {
    sendError(res, 503, 'KbAdminDisabled', 'knowledge-base administration disabled: set SUPERVISOR_TOKEN');
    return false;
  }
  if (!isSupervisor(req, auth)) {
    res.header('www-authenticate', 'Bearer realm="relais-kb"');
    sendError(res, 401, 'Unauthorized', 'a supervisor token is required (Authorization: Bearer <token>)');
    return false;
  }
  return true;
}
