import type { Request, Response, Server } from 'restify';
import type { HandoffQueue } from '../../handoff/index';
import { sendError } from '../http/errors';
import type { AgentAccount } from './accounts';
import type { AgentService } from './agent-service';
import { customerProfile, type ProfileSources } from './customer-profile';
import { conversationIdParam } from './conversation-param';

type Route = (req: Request, res: Response) => Promise<void>;

export interface ProfileRouteDeps {
  readonly queue: Pick<HandoffQueue, 'get'>;
  readonly service: Pick<AgentService, 'readable'>;
  readonly sources: ProfileSources;
  /** The agent API's bearer-session guard: 401 without a valid session. */
  readonly authed: (handler: (agent: AgentAccount, req: Request, res: Response) => Promise<void>) => Route;
}

/**
 * GET /api/agent/conversations/:id/profile: the customer beside the conversation, for an agent
 * allowed to read that conversation (queued in their languages, an open ticket in them, or theirs:
 * 403 otherwise, like the transcript).
 */
export function registerProfileRoute(server: Server, deps: ProfileRouteDeps): void {
  server.get(
    '/api/agent/conversations/:id/profile',
    deps.authed(async (agent, req, res) => {
      const id = conversationIdParam(req, res);
      if (id === undefined) return;
      const record = await deps.queue.get(id);
      if (!record) return sendError(res, 404, 'NotFound', `no conversation ${id}`);
      if (!deps.service.readable(agent, record))
        return sendError(res, 403, 'Forbidden', 'this conversation is not in your queue nor yours');
      res.send(200, await customerProfile(deps.sources, record));
    }),
  );
}
