import type { Request, Response, Server } from 'restify';
import { LOCALES, type Locale } from '../../knowledge-base/index';
import type { AgentAccount } from '../agent/accounts';
import { conversationIdParam } from '../agent/conversation-param';
import { describeIssue } from '../agent/schemas';
import { sendError } from '../http/errors';
import { historyQuerySchema } from './history-query';
import type { HistoryStore } from './history-store';

type AgentHandler = (agent: AgentAccount, req: Request, res: Response) => Promise<void>;
type ScopedHandler = (languages: readonly Locale[], req: Request, res: Response) => Promise<void>;
type Route = (req: Request, res: Response) => Promise<void>;

export interface HistoryRoutesDeps {
  readonly history: HistoryStore;
  /** The agent API's own bearer-session guard (bot/agent/routes.ts): 401 without a valid session. */
  readonly authed: (handler: AgentHandler) => Route;
}

/** The KB languages an agent handles: the only conversations their history shows. */
const languagesOf = (agent: AgentAccount): Locale[] => LOCALES.filter((l) => agent.languages.includes(l));

/**
 * GET /api/agent/history and /api/agent/history/:id, for a logged-in agent: past conversations in
 * the agent's languages only (another language is a 403), newest first, paged by `cursor`.
 */
export function registerHistoryRoutes(server: Server, deps: HistoryRoutesDeps): void {
  registerScopedHistory(server, '/api/agent/history', deps.history, (handler) =>
    deps.authed((agent, req, res) => handler(languagesOf(agent), req, res)),
  );
}

/**
 * The same two routes under `base`, for a caller whose languages `guard` decides (an agent: theirs;
 * the supervisor: every language).
 */
export function registerScopedHistory(
  server: Server,
  base: string,
  history: HistoryStore,
  guard: (handler: ScopedHandler) => Route,
): void {
  server.get(
    base,
    guard(async (languages, req, res) => {
      const parsed = historyQuerySchema.safeParse(req.query ?? {});
      if (!parsed.success) return sendError(res, 400, 'BadRequest', describeIssue(parsed.error));
      const q = parsed.data;
      if (q.language && !languages.includes(q.language))
        return sendError(res, 403, 'Forbidden', `you do not handle conversations in "${q.language}"`);
      if (languages.length === 0) return res.send(200, { items: [], total: 0 });
      const page = await history.search({
        languages: [...languages],
        ...(q.q ? { text: q.q } : {}),
        ...(q.state ? { state: q.state } : {}),
        ...(q.language ? { language: q.language } : {}),
        ...(q.queue ? { queue: q.queue } : {}),
        ...(q.path ? { path: q.path } : {}),
        ...(q.agent ? { agentId: q.agent } : {}),
        ...(q.ces !== undefined ? { ces: q.ces as 1 | 2 | 3 | 4 | 5 } : {}),
        ...(q.from !== undefined ? { from: q.from } : {}),
        ...(q.to !== undefined ? { to: q.to } : {}),
        offset: q.cursor ?? 0,
        limit: q.limit,
      });
      res.send(200, {
        items: page.items,
        total: page.total,
        ...(page.nextOffset !== undefined ? { nextCursor: String(page.nextOffset) } : {}),
      });
    }),
  );

  server.get(
    `${base}/:id`,
    guard(async (languages, req, res) => {
      const id = conversationIdParam(req, res);
      if (id === undefined) return;
      const conversation = await history.get(id);
      if (!conversation) return sendError(res, 404, 'NotFound', 'no such conversation in the history');
      if (!languages.includes(conversation.language))
        return sendError(res, 403, 'Forbidden', 'this conversation is in a language you do not handle');
      res.send(200, conversation);
    }),
  );
}
