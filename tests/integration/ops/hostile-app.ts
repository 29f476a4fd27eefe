import { MemorySurveyStore } from '../../../insights/index';
import { compose } from '../../../bot/root/compose';
import type { OutboundCredentials } from '../../../bot/adapter';
import { loadConfig } from '../../../bot/config';
import { silentLog, type Log } from '../../../bot/log';
import { createServer, type RelaisServer } from '../../../bot/server';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME, PARIS_HOURS, SECRET } from '../../support/test-settings';
import { agentsJson, PASSWORDS } from '../agent/agent-app';

export const SUPERVISOR_TOKEN = 'supervisor-token-for-hostile-tests-01';
export const TOKEN_TTL_SECONDS = 1800;

export interface HostileApp {
  readonly app: RelaisServer;
  readonly url: string;
  /** Server errors the server logged (a 5xx or a failed turn): the suites expect none. */
  readonly errors: string[];
  /** Moves the server's clock (tokens, sessions) forward. */
  advance(seconds: number): void;
  close(): Promise<void>;
}

/**
 * Every route Relais serves (Direct Line, Bot Framework, agent API, reports) on port 0, in memory.
 * `log` replaces the error-collecting one; `env` adds variables to the configuration.
 */
export async function startHostileApp(
  options: {
    readonly log?: Log;
    readonly env?: Readonly<Record<string, string>>;
    readonly botOutboundCredentials?: OutboundCredentials;
  } = {},
): Promise<HostileApp> {
  let now = OPEN_TIME.getTime();
  const clock = () => new Date(now);
  const errors: string[] = [];
  const log: Log = options.log ?? {
    ...silentLog,
    error: (message, cause) => errors.push(`${message} ${cause instanceof Error ? cause.message : ''}`),
  };
  const config = loadConfig({
    AGENTS: await agentsJson(),
    SUPERVISOR_TOKEN,
    TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
    ...options.env,
  });
  const composed = await compose(config, {
    faq: buildTestFaq(),
    clock,
    log,
    tokenSecret: SECRET,
    surveys: new MemorySurveyStore(),
    rateLimited: false,
    agent: 'no-sweep',
    bot: { supportHours: PARIS_HOURS },
    ...(options.botOutboundCredentials ? { botOutboundCredentials: options.botOutboundCredentials } : {}),
  });
  const app = createServer(config, composed);
  const url = await app.listen(0);
  return {
    app,
    url,
    errors,
    advance: (seconds) => void (now += seconds * 1000),
    close: async () => {
      await app.close();
      await composed.dispose();
    },
  };
}

export { PASSWORDS };
