import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { sendError } from '../http/errors';
import { eraseCustomerData } from './customer-erasure';
import type { ReportsDeps } from './routes';
import { guardSupervisor } from './supervisor-auth';

/** The customer ids surveys are stored under (see insights' idSchema). */
const customerIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s{}]+$/, 'must not contain whitespace or braces');

/**
 * DELETE /api/privacy/customers/:customerId (supervisor only): erases every survey of one customer,
 * comments and missed questions included, and the transcripts of those conversations in every store
 * the server has (bot state, Direct Line log, relayed lines, handoff record): the GDPR right to erasure.
 */
export function registerErasure(server: Server, deps: ReportsDeps): void {
  server.del('/api/privacy/customers/:customerId', async (req: Request, res: Response) => {
    if (!guardSupervisor(req, res, deps.supervisor)) return;
    if (!deps.surveys) return sendError(res, 503, 'ReportsDisabled', 'reports disabled: no survey store');
    const id = customerIdSchema.safeParse(req.params.customerId);
    if (!id.success)
      return sendError(res, 400, 'BadArgument', `customerId: ${id.error.issues[0]?.message ?? 'invalid'}`);
    try {
      const report = await eraseCustomerData({ ...deps.erasure, surveys: deps.surveys }, id.data);
      deps.log.info(
        `erasure: ${report.conversations} conversation(s) of one customer erased (${report.surveysErased} survey(s))`,
      );
      res.send(200, report);
    } catch (error) {
      deps.log.error('erasure failed', error);
      sendError(res, 500, 'InternalError', 'the erasure could not be completed; retry');
    }
  });
}
