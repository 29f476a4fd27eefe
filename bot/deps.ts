import { randomBytes } from 'node:crypto';
import { MemoryStorage } from 'botbuilder';
import { Redis } from 'ioredis';
import { MemorySurveyStore, RedisSurveyStore, type SurveyStore } from '../insights/index';
import { buildAgentSide } from './agent/build';
import type { Config } from './config';
import { RedisDirectLineStore } from './directline/redis-store';
import { InMemoryDirectLineStore } from './directline/store';
import { RedisStorage } from './storage/redis-storage';
import { MemoryCustomerConversations } from './privacy/customer-conversations';
import { RedisCustomerConversations } from './privacy/redis-customer-conversations';
import { redisReachable } from './http/health-routes';
import { throttledErrors, type Log } from './log';
import { DemoBackOffice } from './ports/demo-back-office';
import { ClosingService } from './closing/closing-service';
import { identifyWith } from './security/identity';
import { KbReloader } from './kb-admin/kb-reloader';
import { openEncoderVectors, type EncoderStats } from '../knowledge-base/index';
import { encoderLog } from './encoder-log';
import { RedisRateLimitStore } from './security/redis-rate-limit-store';
import { MemoryRateLimitStore } from './security/token-bucket';
import type { AppDeps } from './server';
import { historyKeys } from './history/keys';
import { MemoryHistoryStore } from './history/memory-history-store';
import { RedisHistoryStore } from './history/redis-history-store';
import { MemoryInvitationCounts } from './widget/invitation-counts';
import { widgetKeys } from './widget/keys';
import { RedisInvitationCounts } from './widget/redis-invitation-counts';

/**
 * Idle conversations are forgotten after 30 days (state) and 7 days (Direct Line logs), or sooner
 * when the retention period (SURVEY_RETENTION_DAYS) is shorter: no transcript outlives it.
 */
const STATE_TTL_SECONDS = 30 * 24 * 3600;
const DIRECT_LINE_TTL_SECONDS = 7 * 24 * 3600;
const withinRetention = (ttlSeconds: number, config: Config): number =>
  Math.min(ttlSeconds, config.surveyRetentionDays * 24 * 3600);

export interface BuiltDeps extends AppDeps {
  /** Whether conversations survive a restart (Redis) or not (memory). */
  readonly durable: boolean;
  /** The sentence encoder's counters (live-message cache hits…); undefined when it is off. */
  encoderStats(): EncoderStats | undefined;
  /** Closes connections; call after the server has stopped. */
  dispose(): Promise<void>;
}

/** The production set of dependencies: the KB from the configured files, Redis stores when REDIS_URL is set, memory otherwise. */
export async function buildDeps(config: Config, log: Log): Promise<BuiltDeps> {
  // The bot reads its FAQ through the reloader's holder, so POST /api/kb/reload and SIGHUP can swap it.
  // The encoder scorer loads first (lexical-only with the reason when it cannot); its KB vectors are cached on disk.
  const encoder = await openEncoderVectors({
    mode: config.encoder.mode,
    pass: config.encoder.pass,
    ...(config.encoder.cacheDir ? { cacheDir: config.encoder.cacheDir } : {}),
    log: encoderLog(log),
  });
  const kbReloader = await KbReloader.start(
    config.kbFiles,
    {
      defaultLocale: config.defaultLocale,
      policy: config.answerPolicy,
      ...(encoder.vectors ? { vectors: encoder.vectors, onProgress: embeddingProgress(log) } : {}),
    },
    () => encoder.status,
  );
  // Without a configured secret, tokens are signed with a per-process key: they die with the process.
  const tokenSecret = config.tokenSecret ?? randomBytes(32).toString('hex');
  const { redis, ...stores } = await buildStores(config, log);
  const clock = () => new Date();
  // The real handoff queue (Redis when REDIS_URL is set), the agent API's stores and event bus.
  const agentSide = await buildAgentSide(config, log, clock, redis);
  return {
    bot: {
      faq: kbReloader.holder,
      handoff: agentSide.handoff,
      backOffice: new DemoBackOffice(),
      // In-turn closes; createServer replaces it with the service that also reaches channels.
      closing: new ClosingService(),
      supportHours: config.supportHours,
      clock,
      identify: identifyWith(tokenSecret),
      surveys: stores.surveys,
      surveyQuestions: { askNps: config.surveyAskNps },
      log,
    },
    ...stores,
    agent: agentSide.agent,
    kbReloader,
    sweptClosings: agentSide.sweptClosings,
    encoderStats: () => encoder.stats(),
    dispose: async () => {
      await agentSide.dispose();
      await stores.dispose();
      await encoder.close();
    },
    tokenSecret,
    log,
  };
}

async function buildStores(
  config: Config,
  log: Log,
): Promise<
  Pick<
    BuiltDeps,
    | 'storage'
    | 'directLineStore'
    | 'customerConversations'
    | 'durable'
    | 'dispose'
    | 'readiness'
    | 'rateLimitStore'
    | 'storeReady'
    | 'history'
    | 'invitationCounts'
  > & {
    surveys: SurveyStore;
    redis?: Redis;
  }
> {
  if (!config.redisUrl) {
    return {
      storage: new MemoryStorage(),
      directLineStore: new InMemoryDirectLineStore(),
      customerConversations: new MemoryCustomerConversations(),
      surveys: new MemorySurveyStore(),
      rateLimitStore: new MemoryRateLimitStore(),
      history: new MemoryHistoryStore(config.defaultLocale),
      invitationCounts: new MemoryInvitationCounts(),
      durable: false,
      dispose: async () => undefined,
    };
  }
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 3,
    // Reconnect within a second once Redis is back (ioredis' default backs off to 2 s).
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // Fail at startup, naming the variable, rather than on the first customer message. Later
  // drops are retried by ioredis; only this first connection must succeed.
  await new Promise<void>((resolve, reject) => {
    const failed = (cause: Error) => {
      redis.disconnect();
      reject(new Error(`REDIS_URL: cannot connect to ${config.redisUrl} (${cause.message})`, { cause }));
    };
    redis.once('error', failed);
    redis.once('ready', () => {
      redis.off('error', failed);
      // Later drops are retried by ioredis; commands meanwhile fail and the routes answer 503.
      redis.on('error', throttledErrors(log, 'redis connection error (reconnecting)'));
      resolve();
    });
    redis.connect().catch(() => undefined);
  });
  return {
    storage: new RedisStorage(redis, {
      prefix: config.redisPrefix,
      ttlSeconds: withinRetention(STATE_TTL_SECONDS, config),
    }),
    directLineStore: new RedisDirectLineStore(redis, {
      prefix: config.redisPrefix,
      ttlSeconds: withinRetention(DIRECT_LINE_TTL_SECONDS, config),
    }),
    // As long as the longest-lived data it points to: surveys and handoff records (the retention).
    customerConversations: new RedisCustomerConversations(redis, {
      prefix: config.redisPrefix,
      ttlSeconds: config.surveyRetentionDays * 24 * 3600,
    }),
    surveys: new RedisSurveyStore({ redis, keyPrefix: `${config.redisPrefix}:insights` }),
    rateLimitStore: new RedisRateLimitStore(redis, config.redisPrefix),
    // A conversation's history lives as long as its survey may (the retention period).
    history: new RedisHistoryStore(redis, {
      keys: historyKeys(config.redisPrefix),
      ttlSeconds: config.surveyRetentionDays * 24 * 3600,
      defaultLocale: config.defaultLocale,
    }),
    invitationCounts: new RedisInvitationCounts(redis, widgetKeys(config.redisPrefix)),
    durable: true,
    readiness: [redisReachable(redis)],
    storeReady: () => redis.status === 'ready',
    redis,
    dispose: async () => void (await redis.quit()),
  };
}

/** A line every 10 s while the KB's vectors are made (a cold cache takes about a minute), and one when done. */
function embeddingProgress(log: Log): (locale: string, done: number, total: number) => void {
  let last = 0;
  return (locale, done, total) => {
    if (done !== total && performance.now() - last < 10_000) return;
    last = performance.now();
    log.info(`sentence vectors of the ${locale} knowledge base: ${done}/${total}`, { locale, done, total });
  };
}
