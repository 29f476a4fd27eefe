import type { RedisClient } from '../redis/client';
import type { Request, Response, Server } from 'restify';
import { listsEntries } from '../conversation/deps';

/** One thing /readyz checks: resolves to a problem sentence, or undefined when it is fine. */
export type ReadinessCheck = () => Promise<string | undefined>;

const CHECK_TIMEOUT_MS = 1_000;

/**
 * The knowledge base is loaded: one that lists its entries (a `Faq`, or the reloadable holder,
 * which lists the one it serves now) must hold entries in some language. Tests may pass a narrower matcher (the bot's FaqPort); having one at
 * all means it was loaded.
 */
export function kbLoaded(faq: object): ReadinessCheck {
  return async () => {
    if (!listsEntries(faq)) return undefined;
    return faq.locales.some((locale) => faq.entries(locale).length > 0)
      ? undefined
      : 'the knowledge base has no entries';
  };
}

/** Redis answers PING (within the check timeout). */
export function redisReachable(redis: RedisClient): ReadinessCheck {
  return async () => {
    try {
      const reply = await redis.ping();
      return reply === 'PONG' ? undefined : `redis answered PING with ${reply}`;
    } catch (error) {
      return `redis is unreachable (${error instanceof Error ? error.message : String(error)})`;
    }
  };
}

async function run(check: ReadinessCheck): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check().catch((e: unknown) => `check failed: ${String(e)}`), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process is up and serving HTTP (a liveness probe; it checks nothing else, so a
 * Redis outage does not get every instance restarted). `/readyz`: every readiness check passes;
 * 503 with the problems otherwise, so a load balancer stops sending customers here.
 */
export function registerHealth(server: Server, checks: readonly ReadinessCheck[]): void {
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const problems = (await Promise.all(checks.map(run))).filter((p): p is string => p !== undefined);
    if (problems.length === 0) return void res.send(200, { status: 'ready' });
    res.send(503, { status: 'not-ready', error: { code: 'NotReady', message: problems.join('; ') } });
  });
}
