import type { Request, Response, Server } from 'restify';
import type { z } from 'zod';
import { conversationIdParam } from './conversation-param';
import { sendError } from '../http/errors';
import type { Log } from '../log';
import type { AgentAccount } from './accounts';
import type { AgentService, Result } from './agent-service';
import type { AgentTickets } from './agent-tickets';
import { cannedAnswers, cannedQuerySchema, type CurrentFaq } from './canned-answers';
import { verifyPassword } from './credentials';
import type { AgentEventStreams } from './event-stream';
import {
  describeIssue,
  loginBodySchema,
  messageBodySchema,
  noteBodySchema,
  presenceBodySchema,
  resolveBodySchema,
  ticketAnswerBodySchema,
  transferBodySchema,
  uploadIdSchema,
} from './schemas';
import type { AgentSessions } from './session';
import type { UploadStore } from './upload-store';
import { registerHistoryRoutes } from '../history/history-routes';
import { registerProfileRoute, type ProfileRouteDeps } from './profile-route';
import type { HistoryStore } from '../history/history-store';

export interface AgentRoutesDeps {
  readonly accounts: readonly AgentAccount[];
  readonly sessions: AgentSessions;
  readonly service: AgentService;
  readonly tickets: AgentTickets;
  readonly faq: CurrentFaq;
  readonly uploads?: UploadStore;
  /** Past conversations (GET /api/agent/history); absent, those routes do not exist. */
  readonly history?: HistoryStore;
  /** The customer profile beside a conversation (GET …/:id/profile); absent, that route does not exist. */
  readonly profile?: Omit<ProfileRouteDeps, 'authed'>;
  readonly streams: AgentEventStreams;
  readonly log: Log;
  readonly tracked: <A extends unknown[]>(
    handler: (...args: A) => Promise<void>,
  ) => (...args: A) => Promise<void>;
}

/** The `Last-Event-ID` a reconnecting stream sends (a bad one is ignored: the stream starts fresh). */
function lastEventId(req: Request): number | undefined {
  const raw = req.header('last-event-id');
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

type Handler = (agent: AgentAccount, req: Request, res: Response) => Promise<void>;

/** Spends the same scrypt time for an unknown agent as for a wrong password. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** /api/agent: every route but login needs a bearer session; bodies are checked with zod. */
export function registerAgentRoutes(server: Server, deps: AgentRoutesDeps): void {
  const { accounts, sessions, service, tickets, streams, log, tracked } = deps;
  const byId = new Map(accounts.map((a) => [a.id, a]));

  const guard = (handler: (req: Request, res: Response) => Promise<void>) =>
    tracked(async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (err) {
        log.error(`${req.method ?? '?'} ${req.url ?? '?'} failed`, err);
        if (!res.headersSent)
          sendError(res, 503, 'Unavailable', 'the agent service could not complete this request; retry');
      }
    });

  const authed = (handler: Handler) =>
    guard(async (req, res) => {
      const header = req.header('authorization') ?? '';
      const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
      if (token === '')
        return sendError(res, 401, 'Unauthorized', 'log in first: Authorization: Bearer <token>');
      const session = sessions.verify(token);
      if (!session.ok) return sendError(res, 401, 'Unauthorized', session.message);
      const agent = byId.get(session.agentId);
      if (!agent) return sendError(res, 401, 'Unauthorized', 'this agent account no longer exists');
      await handler(agent, req, res);
    });

  const body = <S extends z.ZodType>(req: Request, res: Response, schema: S): z.output<S> | undefined => {
    const parsed = schema.safeParse(req.body ?? {});
    if (parsed.success) return parsed.data;
    sendError(res, 400, 'BadRequest', describeIssue(parsed.error));
    return undefined;
  };
  const conversationId = conversationIdParam;
  const reply = <T>(res: Response, result: Result<T>): void => {
    if (result.ok) res.send(200, result.value);
    else sendError(res, result.status, result.code, result.message);
  };
  const onConversation =
    (act: (agent: AgentAccount, id: string, req: Request, res: Response) => Promise<void>): Handler =>
    async (agent, req, res) => {
      const id = conversationId(req, res);
      if (id !== undefined) await act(agent, id, req, res);
    };

  server.post(
    '/api/agent/login',
    guard(async (req, res) => {
      const input = body(req, res, loginBodySchema);
      if (!input) return;
      const agent = byId.get(input.agentId);
      const valid = await verifyPassword(input.password, agent?.passwordHash ?? DUMMY_HASH);
      if (!agent || !valid) return sendError(res, 401, 'Unauthorized', 'unknown agent or wrong password');
      const session = sessions.issue(agent.id);
      res.send(200, {
        ...session,
        agent: { id: agent.id, name: agent.name, languages: agent.languages, capacity: agent.capacity },
      });
    }),
  );

  server.post(
    '/api/agent/presence',
    authed(async (agent, req, res) => {
      const input = body(req, res, presenceBodySchema);
      if (input) reply(res, await service.setPresence(agent, input.presence));
    }),
  );
  server.post(
    '/api/agent/heartbeat',
    authed(async (agent, _req, res) => reply(res, await service.heartbeat(agent))),
  );
  server.get(
    '/api/agent/queue',
    authed(async (agent, _req, res) => reply(res, await service.queueView(agent))),
  );
  server.post(
    '/api/agent/claim-next',
    authed(async (agent, _req, res) => reply(res, await service.claimNext(agent))),
  );
  server.post(
    '/api/agent/conversations/:id/claim',
    authed(onConversation(async (agent, id, _req, res) => reply(res, await service.claim(agent, id)))),
  );
  server.get(
    '/api/agent/conversations/:id',
    authed(onConversation(async (agent, id, _req, res) => reply(res, await service.transcript(agent, id)))),
  );
  server.post(
    '/api/agent/conversations/:id/messages',
    authed(
      onConversation(async (agent, id, req, res) => {
        const input = body(req, res, messageBodySchema);
        if (input) reply(res, await service.send(agent, id, input.text, input.clientMessageId));
      }),
    ),
  );
  server.post(
    '/api/agent/conversations/:id/typing',
    authed(onConversation(async (agent, id, _req, res) => reply(res, await service.typing(agent, id)))),
  );
  server.post(
    '/api/agent/conversations/:id/transfer',
    authed(
      onConversation(async (agent, id, req, res) => {
        const input = body(req, res, transferBodySchema);
        if (input) reply(res, await service.transfer(agent, id, input.target, input.note));
      }),
    ),
  );
  // Internal notes: for agents who may read the conversation; never sent to the customer.
  server.post(
    '/api/agent/conversations/:id/notes',
    authed(
      onConversation(async (agent, id, req, res) => {
        const input = body(req, res, noteBodySchema);
        if (input) reply(res, await service.addNote(agent, id, input.text));
      }),
    ),
  );
  server.get(
    '/api/agent/colleagues',
    authed(async (agent, _req, res) => reply(res, await service.colleagues(agent))),
  );
  server.post(
    '/api/agent/conversations/:id/release',
    authed(onConversation(async (agent, id, _req, res) => reply(res, await service.release(agent, id)))),
  );
  server.post(
    '/api/agent/conversations/:id/hand-back',
    authed(onConversation(async (agent, id, _req, res) => reply(res, await service.handBack(agent, id)))),
  );
  server.post(
    '/api/agent/conversations/:id/resolve',
    authed(
      onConversation(async (agent, id, req, res) => {
        const input = body(req, res, resolveBodySchema);
        if (input) reply(res, await service.resolve(agent, id, input.reason));
      }),
    ),
  );
  // Canned answers: KB entries of one language whose question contains the words typed.
  server.get(
    '/api/agent/canned',
    authed(async (_agent, req, res) => {
      const query = cannedQuerySchema.safeParse(req.query ?? {});
      if (!query.success) return sendError(res, 400, 'BadRequest', describeIssue(query.error));
      res.send(200, { answers: cannedAnswers(deps.faq(), query.data.language, query.data.q) });
    }),
  );
  // A file a customer sent, for an agent who may read its conversation. Never rendered inline.
  server.get(
    '/api/agent/uploads/:uploadId',
    authed(async (agent, req, res) => {
      const id = uploadIdSchema.safeParse((req.params as Record<string, unknown> | undefined)?.uploadId);
      const upload = id.success ? await deps.uploads?.get(id.data) : undefined;
      if (!upload) return sendError(res, 404, 'NotFound', 'no such file');
      if (!(await service.mayRead(agent, upload.conversationId)))
        return sendError(res, 403, 'Forbidden', 'this file belongs to a conversation you cannot read');
      res.writeHead(200, {
        'content-type': upload.contentType,
        'content-length': upload.bytes.length,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(upload.name)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cache-control': 'private, no-store',
      });
      res.end(upload.bytes);
    }),
  );
  if (deps.history) registerHistoryRoutes(server, { history: deps.history, authed });
  if (deps.profile) registerProfileRoute(server, { ...deps.profile, authed });
  server.get(
    '/api/agent/tickets',
    authed(async (agent, _req, res) => reply(res, await tickets.list(agent))),
  );
  server.post(
    '/api/agent/tickets/:id/answer',
    authed(
      onConversation(async (agent, id, req, res) => {
        const input = body(req, res, ticketAnswerBodySchema);
        if (input) reply(res, await tickets.answer(agent, id, input.text));
      }),
    ),
  );
  // The token stays in the Authorization header (the console reads the stream with fetch), never in a URL.
  server.get(
    '/api/agent/events',
    authed(
      (agent, req, res) =>
        new Promise<void>((resolve, reject) => {
          req.on('close', resolve);
          streams.attach(agent, res, lastEventId(req), resolve).catch(reject);
        }),
    ),
  );
}
