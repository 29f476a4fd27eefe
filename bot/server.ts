import { type ActivityHandler, type CloudAdapter, type Storage } from 'botbuilder';
import restify, { type Server } from 'restify';
import type { AddressInfo } from 'node:net';
import { type OutboundCredentials } from './adapter';
import { mountAgentApi, type AgentDeps } from './agent/agent-api';
import { DirectLineAdapter } from './directline/adapter';
import { registerDirectLine } from './directline/routes';
import type { DirectLineStore } from './directline/store';
import type { Config } from './config';
import type { Assembly } from './root/runtime';
import type { BotDeps } from './conversation/deps';
import { sendError } from './http/errors';
import { kbLoaded, registerHealth, type ReadinessCheck } from './http/health-routes';
import { messagesRoute } from './http/messages-route';
import { observeRequests, routePatterns } from './http/request-observer';
import { whileStoreDown } from './http/unavailable';
import { answerRouteErrors } from './http/server-errors';
import { findWebRoot, STATIC_PATHS, staticRoute } from './http/static-route';
import type { Log } from './log';
import { registerMetrics } from './metrics/metrics-route';
import { type RelaisMetrics } from './metrics/relais-metrics';
import { RelaisBot } from './relais-bot';
import type { KbReloader } from './kb-admin/kb-reloader';
import { registerKbAdmin } from './kb-admin/routes';
import { rateLimiter } from './security/rate-limits';
import type { RateLimitStore } from './security/token-bucket';
import { registerDashboard } from './reports/dashboard-route';
import { registerReports } from './reports/routes';
import { openConversationsFrom } from './reports/open-conversations';
import { liveViewFrom } from './reports/live-view';
import { kbInService } from './reports/kb-suggestion-sources';
import { traceStoresOf } from './reports/trace-stores';
import { ClosingService } from './closing/closing-service';
import type { SweepFeed } from './closing/sweep-feed';
import { type CustomerConversations } from './privacy/customer-conversations';
import { reopenLinkFor } from './contact/reopen-link';
import { registerReopenRoute } from './contact/reopen-route';
import type { HistoryStore } from './history/history-store';
import { registerSupervisorHistory } from './history/supervisor-history';
import type { InvitationCounts } from './widget/invitation-counts';
import { registerWidget } from './widget/register';
import { registerHelpCenter } from './help/routes';

/** Everything the server is built from; `bot/root/compose.ts` builds it for `npm start`, tests and benchmarks. */
export interface AppDeps {
  readonly bot: BotDeps;
  readonly storage: Storage;
  /** Signs Direct Line tokens and customer identities. */
  readonly tokenSecret: string;
  /** Conversations and activity logs of the local Direct Line channel. */
  readonly directLineStore: DirectLineStore;
  readonly log: Log;
  /** The agent API and console; absent, /api/agent does not exist. */
  readonly agent?: AgentDeps;
  /** What /readyz checks besides the knowledge base (e.g. Redis PING). */
  readonly readiness?: readonly ReadinessCheck[];
  /** Reloads the KB the bot reads (deps.bot.faq is its holder); absent, /api/kb does not exist. */
  readonly kbReloader?: KbReloader;
  /** What the agent side's sweeper closed (silence, quiet answered tickets): the closing service hears it. */
  readonly sweptClosings?: SweepFeed;
  /** Signs Bot Framework replies instead of an Azure AD token (tests, private clouds). */
  readonly botOutboundCredentials?: OutboundCredentials;
  /** False while the shared store (Redis) is disconnected: requests that need it get 503 at once. */
  readonly storeReady?: () => boolean;
  /** Token buckets for the rate limits (config.rateLimits); absent, nothing is limited. */
  readonly rateLimitStore?: RateLimitStore;
  /** Answers customer turns instead of the Relais bot: the load benchmark's echo-bot ceiling. */
  readonly turnHandler?: ActivityHandler;
  /** Every conversation of each signed customer (erasure); absent, an in-memory index. */
  readonly customerConversations?: CustomerConversations;
  /** Every past conversation, searchable by agents (bot/history/); absent, an in-memory one. */
  readonly history?: HistoryStore;
  /** The widget's proactive invitations per rule (bot/widget/); absent, counted in memory. */
  readonly invitationCounts?: InvitationCounts;
}

export interface RelaisServer {
  readonly server: Server;
  readonly adapter: CloudAdapter;
  readonly bot: RelaisBot;
  readonly directLineAdapter: DirectLineAdapter;
  /** The one closing service (bot/closing/): every way a conversation ends goes through it. */
  readonly closing: ClosingService;
  /** What /metrics exposes (tests read the counters). */
  readonly metrics: RelaisMetrics;
  /** Listens and resolves to the base URL (port 0 picks a free port). */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests, lets in-flight turns finish, closes idle connections. */
  close(): Promise<void>;
}

/**
 * Mounts every route on what the composition root assembled (bot/root/compose.ts): parsers,
 * rate limits, /api/messages, Direct Line, the agent API, reports, KB admin, pages, health.
 */
export function createServer(config: Config, composition: { readonly assembly: Assembly }): RelaisServer {
  const {
    deps,
    metrics,
    adapter,
    bot,
    turnHandler,
    directLineAdapter,
    relay,
    closing,
    serviceUrlAllowed,
    reopenTokens,
    turns,
    directLineTokens,
    afterStore,
    catalogue,
  } = composition.assembly;
  const server = restify.createServer({ name: 'relais', handleUncaughtExceptions: false });
  composition.assembly.routesFrom(() => routePatterns(server));

  // CloudAdapter reads req.body as an object: without bodyParser it answers 400 "req.body not an object".
  // Multipart bodies (Direct Line uploads) are read by their route under its own size limit, never
  // written to a temporary directory by the generic parser.
  const parseBody = restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 });
  server.use((req, res, next) => {
    if (req.getContentType() === 'multipart/form-data') return next();
    runHandlers(parseBody, req, res, next);
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  if (deps.storeReady) server.use(whileStoreDown(deps.storeReady, metrics));
  if (deps.rateLimitStore)
    server.use(
      rateLimiter({ store: deps.rateLimitStore, config: config.rateLimits, metrics, log: deps.log }),
    );

  const inFlight = new Set<Promise<unknown>>();
  const tracked =
    <A extends unknown[]>(handler: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      const run = handler(...args);
      inFlight.add(run);
      try {
        await run;
      } finally {
        inFlight.delete(run);
      }
    };

  observeRequests(server, metrics, deps.log);
  registerMetrics(server, metrics, {
    log: deps.log,
    ...(config.metricsToken ? { token: config.metricsToken } : {}),
  });

  server.post('/api/messages', tracked(messagesRoute(adapter, turnHandler, serviceUrlAllowed)));

  const agentApi = deps.agent
    ? mountAgentApi(server, deps.agent, {
        relay,
        tokenSecret: deps.tokenSecret,
        clock: deps.bot.clock,
        log: deps.log,
        tracked,
        faq: () => deps.bot.faq,
        closing,
        reopenLink: reopenLinkFor(reopenTokens, config.publicUrl),
      })
    : undefined;
  registerReopenRoute(server, {
    links: reopenTokens,
    store: deps.directLineStore,
    tokens: directLineTokens,
    tracked,
  });
  registerDirectLine(server, {
    turns,
    ...(afterStore ? { afterStore } : {}),
    tokens: directLineTokens,
    store: deps.directLineStore,
    adapter: directLineAdapter,
    bot: turnHandler,
    tokenSecret: deps.tokenSecret,
    ...(config.identitySecret ? { identitySecret: config.identitySecret } : {}),
    clock: deps.bot.clock,
    tracked,
    ...(agentApi?.receiveUpload ? { uploads: agentApi.receiveUpload } : {}),
  });
  registerReports(server, {
    ...(config.supervisor ? { supervisor: config.supervisor } : {}),
    ...(deps.bot.surveys ? { surveys: deps.bot.surveys } : {}),
    faq: deps.bot.faq,
    timeZone: config.supportHours.timeZone,
    clock: deps.bot.clock,
    log: deps.log,
    erasure: traceStoresOf(deps),
    ...(deps.agent
      ? {
          open: openConversationsFrom(
            deps.agent.queue,
            deps.agent.accounts.map((a) => a.id),
          ),
          agentNames: Object.fromEntries(deps.agent.accounts.map((a) => [a.id, a.name])),
          live: liveViewFrom(deps.agent.queue, deps.agent.accounts, deps.bot.clock),
        }
      : {}),
    deflectionQuietMs: config.deflectionQuietMinutes * 60_000,
    kb: kbInService(catalogue, deps.kbReloader),
  });
  registerSupervisorHistory(server, {
    history: deps.history,
    log: deps.log,
    ...(config.supervisor ? { supervisor: config.supervisor } : {}),
  });
  if (deps.kbReloader)
    registerKbAdmin(server, {
      reloader: deps.kbReloader,
      ...(config.supervisor ? { supervisor: config.supervisor } : {}),
      readOnly: config.kbReadOnly,
      log: deps.log,
    });
  registerDashboard(server, findWebRoot());
  registerWidget(server, config, deps);
  registerHelpCenter(server, {
    faq: catalogue,
    surveys: deps.bot.surveys,
    clock: deps.bot.clock,
    log: deps.log,
    webRoot: findWebRoot(),
    widgetOrigins: config.widgetOrigins,
  });
  const pages = staticRoute(findWebRoot(), config.widgetOrigins);
  for (const path of STATIC_PATHS) server.get(path, pages);
  registerHealth(server, [kbLoaded(deps.bot.faq), ...(deps.readiness ?? [])]);
  turns.startRecovery();
  answerRouteErrors(server, deps.log);

  return {
    server,
    adapter,
    bot,
    directLineAdapter,
    closing,
    metrics,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost === '0.0.0.0' ? 'localhost' : shownHost}:${address.port}`);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      agentApi?.close();
      composition.assembly.dispose();
      await turns.stop();
      server.server.closeIdleConnections();
      await Promise.allSettled([...inFlight]);
      server.server.closeIdleConnections();
      await closed;
    },
  };
}

export { sendError };

/** Runs a chain of restify handlers (bodyParser is two) as one. */
function runHandlers(
  handlers: restify.RequestHandler[],
  req: restify.Request,
  res: restify.Response,
  next: restify.Next,
): void {
  const [first, ...rest] = handlers;
  if (!first) return next();
  void first(req, res, (err?: unknown) => {
    if (err !== undefined && err !== null) return next(err as Error);
    runHandlers(rest, req, res, next);
  });
}
