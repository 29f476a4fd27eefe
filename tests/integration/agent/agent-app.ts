import type { Storage } from 'botbuilder';
import type { Faq } from '../../../knowledge-base/index';
import type { SurveyStore } from '../../../insights/index';
import type { BuiltAgentSide } from '../../../bot/root/agent-side';
import { compose } from '../../../bot/root/compose';
import { hashPassword } from '../../../bot/agent/credentials';
import { loadConfig } from '../../../bot/config';
import type { DirectLineStore } from '../../../bot/directline/store';
import { silentLog, type Log } from '../../../bot/log';
import { createServer, type RelaisServer } from '../../../bot/server';
import type { CustomerConversations } from '../../../bot/privacy/customer-conversations';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';
import type { HistoryStore } from '../../../bot/history/history-store';

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
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...(options.prefix ? { REDIS_PREFIX: options.prefix } : {}),
    ...options.env,
  });
  const composed = await compose(config, {
    faq,
    clock: now,
    log: options.log ?? silentLog,
    tokenSecret: SECRET,
    surveys: options.surveys ?? false,
    rateLimited: false,
    agent: 'no-sweep',
    bot: { supportHours: PARIS_HOURS },
  });
  const side = composed.agentSide!;
  const stores: AgentApp['stores'] = composed;
  const app = createServer(config, composed);
  const url = await app.listen(0);
  return {
    app,
    url,
    side,
    stores,
    close: async () => {
      await app.close();
      await composed.dispose();
    },
  };
}
