import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  ConversationState,
  type ActivityHandler,
  type CloudAdapter,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import { createCloudAdapter, turnErrorHandler } from '../adapter';
import { CustomerRelay } from '../agent/customer-relay';
import { announceBotChannel } from '../channels/announce';
import { serviceUrlCheck } from '../channels/service-url-policy';
import { ClosingService } from '../closing/closing-service';
import type { Config } from '../config';
import { ReopenTokens } from '../contact/reopen-token';
import { DirectLineAdapter } from '../directline/adapter';
import { ProcessedTurns } from '../directline/processed-turns';
import { DirectLineTokens } from '../directline/tokens';
import { TurnRunner } from '../directline/turn-runner';
import { faultHook } from '../faults';
import { HistoryRecorder } from '../history/history-recorder';
import type { HistoryStore } from '../history/history-store';
import { MemoryHistoryStore } from '../history/memory-history-store';
import { recordTurns } from '../history/record-turns';
import { withHistory } from '../history/wire-history';
import { observeFaq, observeHandoff, observeQueue, observeSurveys } from '../metrics/observe';
import { createRelaisMetrics, type RelaisMetrics } from '../metrics/relais-metrics';
import { OTHER } from '../metrics/registry';
import { MemoryCustomerConversations, type CustomerConversations } from '../privacy/customer-conversations';
import { indexCustomers } from '../privacy/index-customers';
import { RelaisBot } from '../relais-bot';
import type { AppDeps } from '../server';

/** The running parts of one server, built from its dependencies; createServer mounts routes on them. */
export interface Assembly {
  /** The dependencies as the routes use them: counted, logged, recorded in the history. */
  readonly deps: AppDeps & {
    readonly customerConversations: CustomerConversations;
    readonly history: HistoryStore;
  };
  readonly metrics: RelaisMetrics;
  /** The KB as given (not the counted wrapper): what lists entries for the help center and reports. */
  readonly catalogue: AppDeps['bot']['faq'];
  readonly adapter: CloudAdapter;
  readonly bot: RelaisBot;
  /** What answers customer turns: the bot, or a test's handler (the echo bot of bench:load). */
  readonly turnHandler: ActivityHandler;
  readonly directLineAdapter: DirectLineAdapter;
  /** One relay for every write outside a customer's turn: agent messages, ticket answers, closings. */
  readonly relay: CustomerRelay;
  /** The one closing service (bot/closing/): every way a conversation ends goes through it. */
  readonly closing: ClosingService;
  readonly serviceUrlAllowed: (serviceUrl: string) => boolean;
  readonly reopenTokens: ReopenTokens;
  readonly turns: TurnRunner;
  readonly directLineTokens: DirectLineTokens;
  readonly afterStore: ReturnType<typeof faultHook>;
  /** Names the server's route patterns for the HTTP metrics. */
  routesFrom(source: () => string[]): void;
  /** Stops listening to the sweeper's closings. */
  dispose(): void;
}

/**
 * Everything a server runs on besides its routes: the metrics, the history recorder, the two
 * adapters and their middleware, the bot, the closing service and the relay (which refer to each
 * other, hence this order), the turn runner and the tokens.
 */
export function assemble(config: Config, plainDeps: AppDeps): Assembly {
  // The server's route patterns label the HTTP metrics: createServer names them once it mounts.
  let routeSource: () => string[] = () => [];
  const metrics = createRelaisMetrics({
    ...(plainDeps.agent ? { queue: plainDeps.agent.queue } : {}),
    routes: () => routeSource(),
  });
  const customerIndex = plainDeps.customerConversations ?? new MemoryCustomerConversations();
  const history = plainDeps.history ?? new MemoryHistoryStore(plainDeps.bot.faq.defaultLocale);
  const recorder = new HistoryRecorder(history, plainDeps.log);
  const deps = observed(
    withHistory(
      {
        ...plainDeps,
        customerConversations: customerIndex,
        history,
        // The profile panel reads the same customer index the erasure goes by.
        ...(plainDeps.agent ? { agent: { customers: customerIndex, ...plainDeps.agent } } : {}),
      },
      recorder,
    ),
    metrics,
  );
  const serviceUrlAllowed = serviceUrlCheck({
    authenticated: !config.botChannel.anonymous,
    allowedOrigins: config.botChannel.serviceUrlAllowlist,
  });
  announceBotChannel(config, deps.log);
  const adapter = createCloudAdapter(
    config,
    deps.log,
    deps.bot.faq.defaultLocale,
    serviceUrlAllowed,
    deps.botOutboundCredentials,
    {
      retried: (reason) => metrics.channelSendRetries.inc({ reason }),
      failed: (reason) => metrics.channelSendFailures.inc({ reason }),
    },
  );
  const conversationState = new ConversationState(deps.storage);
  // The bot and the closing service refer to each other through the relay: built in this order.
  let closing: ClosingService = new ClosingService();
  const bot = new RelaisBot(conversationState, {
    ...deps.bot,
    closing: {
      botResolved: (t) => closing.botResolved(t),
      ticketResolved: (t, a) => closing.ticketResolved(t, a),
      cancelled: (t) => closing.cancelled(t),
    },
  });
  const turnHandler = deps.turnHandler ?? bot;
  const directLineAdapter = new DirectLineAdapter(deps.directLineStore, deps.bot.clock);
  for (const counted of [adapter, directLineAdapter])
    counted
      .use(countTurns(metrics))
      .use(indexCustomers(customerIndex, deps.bot.identify))
      .use(recordTurns(recorder, () => deps.bot.clock().getTime()));
  directLineAdapter.onTurnError = turnErrorHandler(deps.log, deps.bot.faq.defaultLocale);
  // One relay for every write outside a customer's turn: agent messages, ticket answers, closings.
  const relay = new CustomerRelay(adapter, directLineAdapter, bot, config.microsoftApp.appId ?? '');
  if (deps.agent)
    closing = new ClosingService({
      queue: deps.agent.queue,
      relay,
      storage: deps.storage,
      bot: deps.bot,
      log: deps.log,
      relayLog: deps.agent.store,
    });
  const unsubscribe = deps.sweptClosings?.subscribe((swept) => closing.swept(swept));
  // Ticket e-mails link back to their conversation; without a configured secret the links die with the process.
  if (!config.reopenLink.secret)
    deps.log.info(
      'REOPEN_LINK_SECRET is not set: reopen links in ticket e-mails work until this process stops',
    );
  const reopenTokens = new ReopenTokens(
    config.reopenLink.secret ?? randomBytes(32).toString('hex'),
    config.reopenLink.ttlDays * 24 * 3600_000,
    deps.bot.clock,
  );
  // Every stored customer message is answered at least once, by this instance or another one.
  const turns = new TurnRunner({
    store: deps.directLineStore,
    adapter: directLineAdapter,
    bot: turnHandler,
    ...(deps.turnHandler ? {} : { processed: new ProcessedTurns(conversationState) }),
    tokenSecret: deps.tokenSecret,
    lease: {
      owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      ms: config.turnLeaseMs,
    },
    log: deps.log,
  });
  const afterStore = faultHook(config.faultHook);
  const directLineTokens = new DirectLineTokens(deps.tokenSecret, config.tokenTtlSeconds, deps.bot.clock);
  return {
    deps: { ...deps, customerConversations: customerIndex, history },
    metrics,
    catalogue: plainDeps.bot.faq,
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
    routesFrom: (source) => {
      routeSource = source;
    },
    dispose: () => unsubscribe?.(),
  };
}

/** The same dependencies with the bot's ports and the agent queue counted and logged. */
function observed(deps: AppDeps, metrics: RelaisMetrics): AppDeps {
  const surveys = deps.bot.surveys;
  return {
    ...deps,
    bot: {
      ...deps.bot,
      faq: observeFaq(deps.bot.faq, metrics),
      handoff: observeHandoff(deps.bot.handoff, metrics, deps.log),
      ...(surveys ? { surveys: observeSurveys(surveys, metrics) } : {}),
    },
    ...(deps.agent
      ? { agent: { ...deps.agent, queue: observeQueue(deps.agent.queue, metrics, deps.log) } }
      : {}),
  };
}

/** Counts customer messages on either channel (not the bot's own proactive turns). */
function countTurns(metrics: RelaisMetrics): Middleware {
  return {
    onTurn: async (context: TurnContext, next: () => Promise<void>) => {
      const activity = context.activity;
      if (activity.type === 'message' && activity.from?.role !== 'bot')
        metrics.turns.inc({ channel: activity.channelId ?? OTHER });
      await next();
    },
  };
}
