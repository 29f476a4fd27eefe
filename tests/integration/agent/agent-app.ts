import { MemoryStorage, type Storage } from 'botbuilder';
import { Redis } from 'ioredis';
import type { Faq } from '../../../knowledge-base/index';
import type { SurveyStore } from '../../../insights/index';
import { buildAgentSide, type BuiltAgentSide } from '../../../bot/agent/build';
import { hashPassword } from '../../../bot/agent/credentials';
import { loadConfig } from '../../../bot/config';
import { RedisDirectLineStore } from '../../../bot/directline/redis-store';
import { InMemoryDirectLineStore, type DirectLineStore } from '../../../bot/directline/store';
import { silentLog, type Log } from '../../../bot/log';
import { ClosingService } from '../../../bot/closing/closing-service';
import { DemoBackOffice } from '../../../bot/ports/demo-back-office';
import { identifyWith } from '../../../bot/security/identity';
import { createServer, type RelaisServer } from '../../../bot/server';
import { RedisStorage } from '../../../bot/storage/redis-storage';
import {
  MemoryCustomerConversations,
  type CustomerConversations,
} from '../../../bot/privacy/customer-conversations';
import { RedisCustomerConversations } from '../../../bot/privacy/redis-customer-conversations';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';
import type { HistoryStore } from '../../../bot/history/history-store';
import { historyKeys } from '../../../bot/history/keys';
import { RedisHistoryStore } from '../../../bot/history/redis-history-store';

export const PASSWORDS = { alice: 'alice-password-1', bruno: 'bruno-password-2', emma: 'emma-password-3' };

/** Alice and Bruno speak French, Emma English only. */
export async function agentsJson(): Promise<string> {
  return JSON.stringify([
    {
      id: 'alice',
      name: 'Alice',
      languages: ['fr', 'en'],
      passwordHash: await hashPassword(PASSWORDS.alice),
    },
    { id: 'bruno', name: 'Bruno', languages: ['fr'], passwordHash: await hashPassword(PASSWORDS.bruno) },
    { id: 'emma', name: 'Emma', languages: ['en'], passwordHash: await hashPassword(PASSWORDS.emma) },
  ]);
}

export interface AgentApp {
  readonly app: RelaisServer;
  readonly url: string;
  readonly side: BuiltAgentSide;
  /** The bot's state, the Direct Line log and the customer index, for tests that look inside them. */
  readonly stores: {
    readonly storage: Storage;
    readonly directLineStore: DirectLineStore;
    readonly customerConversations: CustomerConversations;
    /** On Redis, the history the server writes (in memory, the server makes its own). */
    readonly history?: HistoryStore;
  };
  close(): Promise<void>;
}

/**
 * A real Relais server with the real handoff queue and agent API: in memory, or on a Redis
 * connection of its own under the given prefix (two apps with one prefix are two instances).
 */
export async function startAgentApp(
  faq: Faq,
  agents: string,
  options: {
    readonly redisUrl?: string;
    readonly prefix?: string;
    readonly now?: () => Date;
    /** More settings, e.g. a short QUEUE_UPDATE_INTERVAL_MS. */
    readonly env?: Readonly<Record<string, string>>;
    /** With a survey store the closing survey runs and is recorded (reports, erasure, tickets). */
    readonly surveys?: SurveyStore;
    /** Where the server logs (default: nowhere); tests of what the logs hold pass a captured one. */
    readonly log?: Log;
  } = {},
): Promise<AgentApp> {
  const now = options.now ?? (() => OPEN_TIME);
  const config = loadConfig({
    AGENTS: agents,
    ...(options.prefix ? { REDIS_PREFIX: options.prefix } : {}),
    ...options.env,
  });
  const redis = options.redisUrl ? new Redis(options.redisUrl) : undefined;
  const stores: AgentApp['stores'] = redis
    ? {
        storage: new RedisStorage(redis, { prefix: config.redisPrefix }),
        directLineStore: new RedisDirectLineStore(redis, { prefix: config.redisPrefix }),
        customerConversations: new RedisCustomerConversations(redis, {
          prefix: config.redisPrefix,
          ttlSeconds: config.surveyRetentionDays * 24 * 3600,
        }),
        history: new RedisHistoryStore(redis, {
          keys: historyKeys(config.redisPrefix),
          ttlSeconds: 3600,
          defaultLocale: config.defaultLocale,
        }),
      }
    : {
        storage: new MemoryStorage(),
        directLineStore: new InMemoryDirectLineStore(),
        customerConversations: new MemoryCustomerConversations(),
      };
  const log = options.log ?? silentLog;
  const side = await buildAgentSide({ ...config, supportHours: PARIS_HOURS }, log, now, redis, {
    sweep: false,
  });
  const app = createServer(config, {
    bot: {
      faq,
      handoff: side.handoff,
      backOffice: new DemoBackOffice(now),
      closing: new ClosingService(),
      supportHours: PARIS_HOURS,
      clock: now,
      identify: identifyWith(SECRET),
      ...(options.surveys ? { surveys: options.surveys } : {}),
    },
    ...stores,
    agent: side.agent,
    sweptClosings: side.sweptClosings,
    tokenSecret: SECRET,
    log,
  });
  const url = await app.listen(0);
  return {
    app,
    url,
    side,
    stores,
    close: async () => {
      await app.close();
      await side.dispose();
      await redis?.quit();
    },
  };
}
