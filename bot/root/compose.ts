import { randomBytes } from 'node:crypto';
import type { ActivityHandler } from 'botbuilder';
import type { SurveyStore } from '../../insights/index';
import type { EncoderStats } from '../../knowledge-base/index';
import type { OutboundCredentials } from '../adapter';
import { ClosingService } from '../closing/closing-service';
import type { Config } from '../config';
import type { BotDeps, FaqPort } from '../conversation/deps';
import { redisReachable } from '../http/health-routes';
import { silentLog, type Log } from '../log';
import { DemoBackOffice } from '../ports/demo-back-office';
import { identifyWith } from '../security/identity';
import type { AppDeps } from '../server';
import { buildAgentSide, type BuiltAgentSide } from './agent-side';
import { assemble, type Assembly } from './runtime';
import { openKnowledgeBase } from './knowledge-base';
import { connectRedis, type RedisConnection } from '../redis/connection';
import { memoryStores, redisStores, type Stores } from './stores';

/** What a test (or the benchmarks) may put in place of what the configuration would build. */
export interface ComposeOptions {
  readonly log?: Log;
  readonly clock?: () => Date;
  /** A fixed knowledge base: no reloader and no encoder (the configured KB files are not read). */
  readonly faq?: FaqPort;
  /** Signs Direct Line tokens and customer identities (default: TOKEN_SECRET, else a per-process key). */
  readonly tokenSecret?: string;
  /** Stores to use instead of those of the configured shape (memory, or Redis when REDIS_URL is set). */
  readonly stores?: Partial<Stores>;
  /** The surveys the bot records, or false for none asked (default: the store's). */
  readonly surveys?: SurveyStore | false;
  /** Bot ports to replace: a recording handoff port, a back office, the support hours… */
  readonly bot?: Partial<Pick<BotDeps, 'handoff' | 'backOffice' | 'supportHours' | 'identify'>>;
  /** Whether requests are rate-limited (config.rateLimits; default true). */
  readonly rateLimited?: boolean;
  /** The agent side (queue, agent API, sweeper): on (default), on without its sweep timer, or off. */
  readonly agent?: 'on' | 'no-sweep' | 'off';
  /** Answers customer turns instead of the Relais bot (the load benchmark's echo bot). */
  readonly turnHandler?: ActivityHandler;
  /** Signs Bot Framework replies instead of an Azure AD token (tests, private clouds). */
  readonly botOutboundCredentials?: OutboundCredentials;
}

/** Everything `createServer` mounts, and what the process or a test needs around it. */
export interface Composition extends AppDeps {
  /** The running parts createServer mounts its routes on (bot/root/runtime.ts). */
  readonly assembly: Assembly;
  readonly customerConversations: Stores['customerConversations'];
  readonly history: Stores['history'];
  /** The store surveys go to (the bot asks none when options.surveys is false). */
  readonly surveys: Stores['surveys'];
  /** Whether conversations survive a restart (Redis) or not (memory). */
  readonly durable: boolean;
  /** The agent side, when on (tests run its sweep by hand). */
  readonly agentSide?: BuiltAgentSide;
  /** The deployment's Redis connection, when one is configured (bot/redis/shape.ts). */
  readonly redis?: RedisConnection;
  /** The sentence encoder's counters (live-message cache hits…); undefined when it is off. */
  encoderStats(): EncoderStats | undefined;
  /** Closes connections; call after the server has stopped. */
  dispose(): Promise<void>;
}

/**
 * The one composition root: every dependency of a Relais process is built here from the
 * configuration (the KB and its encoder, the stores of the configured shape, the agent side), with
 * what a test overrides put in place. `npm start`, the tests and the benchmarks all come through it.
 */
export async function compose(config: Config, options: ComposeOptions = {}): Promise<Composition> {
  const log = options.log ?? silentLog;
  const clock = options.clock ?? (() => new Date());
  const kb = options.faq ? undefined : await openKnowledgeBase(config, log);
  const redis = config.redis ? await connectRedis(config.redis, log) : undefined;
  const { rateLimitStore, ...stores }: Stores = {
    ...(redis ? redisStores(config, redis) : memoryStores(config)),
    ...options.stores,
  };
  // Without a configured secret, tokens are signed with a per-process key: they die with the process.
  const tokenSecret = options.tokenSecret ?? config.tokenSecret ?? randomBytes(32).toString('hex');
  const agentSide =
    options.agent === 'off'
      ? undefined
      : await buildAgentSide(config, log, clock, redis, { sweep: options.agent !== 'no-sweep' });
  const handoff = options.bot?.handoff ?? agentSide?.handoff;
  if (!handoff)
    throw new Error('compose: with the agent side off, pass a handoff port (options.bot.handoff)');
  const surveys = options.surveys === false ? undefined : (options.surveys ?? stores.surveys);
  const bot: BotDeps = {
    faq: options.faq ?? kb!.reloader.holder,
    handoff,
    backOffice: options.bot?.backOffice ?? new DemoBackOffice(clock),
    // In-turn closes; assemble (runtime.ts) replaces it with the service that also reaches channels.
    closing: new ClosingService(),
    supportHours: options.bot?.supportHours ?? config.supportHours,
    clock,
    identify: options.bot?.identify ?? identifyWith(tokenSecret),
    ...(surveys ? { surveys } : {}),
    surveyQuestions: { askNps: config.surveyAskNps },
    log,
  };
  const composed: Omit<Composition, 'assembly'> = {
    bot,
    ...stores,
    ...(options.rateLimited === false ? {} : { rateLimitStore }),
    tokenSecret,
    log,
    durable: redis !== undefined,
    ...(redis
      ? {
          redis,
          readiness: [redisReachable(redis.client)],
          storeReady: () => redis.client.status === 'ready',
        }
      : {}),
    ...(agentSide ? { agentSide, agent: agentSide.agent, sweptClosings: agentSide.sweptClosings } : {}),
    ...(kb ? { kbReloader: kb.reloader } : {}),
    ...(options.turnHandler ? { turnHandler: options.turnHandler } : {}),
    ...(options.botOutboundCredentials ? { botOutboundCredentials: options.botOutboundCredentials } : {}),
    encoderStats: () => kb?.encoder.stats(),
    dispose: async () => {
      await agentSide?.dispose();
      await redis?.close();
      await kb?.encoder.close();
    },
  };
  return { ...composed, assembly: assemble(config, composed) };
}
