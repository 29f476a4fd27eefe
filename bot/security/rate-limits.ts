import type { Next, Request, RequestHandler, Response } from 'restify';
import type { RateLimitConfig } from '../config';
import { botFrameworkKey, CHANNEL_ID, MAX_CHANNEL_CONVERSATION_ID } from '../channels/conversation-key';
import { sendError } from '../http/errors';
import type { Log } from '../log';
import type { RelaisMetrics } from '../metrics/relais-metrics';
import { ruleFor, type RateLimitStore } from './token-bucket';

type Scope = 'ip' | 'conversation' | 'login' | 'start';

/** The routes a client can flood, and which buckets each request takes a token from. */
const LIMITED: readonly { method: string; path: string; scopes: readonly Scope[] }[] = [
  {
    method: 'POST',
    path: '/v3/directline/conversations/:conversationId/activities',
    scopes: ['ip', 'conversation'],
  },
  { method: 'POST', path: '/api/messages', scopes: ['ip', 'conversation'] },
  { method: 'POST', path: '/api/agent/login', scopes: ['login'] },
  { method: 'POST', path: '/v3/directline/conversations', scopes: ['start'] },
  // Reopen links: an IP trying tokens is limited like one starting conversations.
  { method: 'POST', path: '/api/directline/reprise', scopes: ['ip', 'start'] },
  { method: 'POST', path: '/api/widget/events', scopes: ['ip'] },
  // The help center's votes and unanswered searches (bot/help/): anyone may post them.
  { method: 'POST', path: '/api/help/feedback', scopes: ['ip'] },
  { method: 'POST', path: '/api/help/unanswered', scopes: ['ip'] },
  { method: 'GET', path: '/api/help/search', scopes: ['ip'] },
];

/** Routes behind the supervisor token: refused tokens are counted per IP (guesses). */
const SUPERVISOR_PATHS = ['/api/reports', '/api/privacy', '/api/kb'];
const isSupervisorPath = (path: string) =>
  SUPERVISOR_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

const MESSAGES: Record<Scope, string> = {
  ip: 'too many requests from this address',
  conversation: 'too many messages in this conversation',
  login: 'too many login attempts from this address',
  start: 'too many new conversations from this address',
};
const GUESSES_MESSAGE = 'too many refused supervisor tokens from this address';

/** Logs a store failure at most this often (every request fails the same way during an outage). */
const FAILURE_LOG_INTERVAL_MS = 10_000;

export interface RateLimitDeps {
  readonly store: RateLimitStore;
  readonly config: RateLimitConfig;
  readonly metrics: RelaisMetrics;
  readonly log: Log;
}

/**
 * Token buckets per client IP and per conversation on the message routes, per IP on agent login
 * and on starting Direct Line conversations, and per IP on refused supervisor tokens.
 * Over the limit: 429 with Retry-After (seconds) and a JSON error. When the store cannot answer
 * (Redis down) the request goes through: the route itself reports the outage.
 */
export function rateLimiter(deps: RateLimitDeps): RequestHandler {
  const perMinute: Record<Scope, number> = {
    ip: deps.config.perIpPerMinute,
    conversation: deps.config.perConversationPerMinute,
    login: deps.config.loginPerMinute,
    start: deps.config.conversationsPerMinute,
  };
  let lastFailureLog = 0;
  const storeFailed = (error: unknown) => {
    if (Date.now() - lastFailureLog > FAILURE_LOG_INTERVAL_MS) {
      lastFailureLog = Date.now();
      deps.log.error('rate limit store unavailable: requests are let through', error);
    }
  };
  const refuse = (res: Response, limit: string, retryAfterMs: number, message: string) => {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    deps.metrics.rateLimited.inc({ limit });
    res.header('Retry-After', String(seconds));
    sendError(res, 429, 'TooManyRequests', `${message}: try again in ${seconds} s`);
  };
  /** Resolves to true when the request may go on; false once it was answered with 429. */
  const admit = async (req: Request, res: Response, scopes: readonly Scope[]): Promise<boolean> => {
    for (const scope of scopes) {
      if (perMinute[scope] === 0) continue;
      const id =
        scope === 'conversation' ? conversationOf(req) : clientIp(req, deps.config.trustForwardedFor);
      if (id === undefined) continue;
      let taken;
      try {
        taken = await deps.store.take(`${scope}:${id}`, ruleFor(perMinute[scope]));
      } catch (error) {
        storeFailed(error);
        return true;
      }
      if (!taken.allowed) {
        refuse(res, scope, taken.retryAfterMs, MESSAGES[scope]);
        return false;
      }
    }
    return true;
  };
  /**
   * A supervisor request reserves one guess before its token is checked (so parallel guesses are
   * counted too, and a right token after too many wrong ones is refused like them); the guess is
   * given back unless the token was refused (401).
   */
  const guesses = deps.config.authFailuresPerMinute;
  const admitSupervisor = async (req: Request, res: Response): Promise<boolean> => {
    const ip = clientIp(req, deps.config.trustForwardedFor);
    if (guesses === 0 || ip === undefined) return true;
    const key = `guess:${ip}`;
    // The whole minute's budget at once: a dashboard's parallel requests never reach it.
    const rule = { capacity: guesses, perMinute: guesses };
    let taken;
    try {
      taken = await deps.store.take(key, rule);
    } catch (error) {
      storeFailed(error);
      return true;
    }
    if (!taken.allowed) {
      refuse(res, 'supervisor', taken.retryAfterMs, GUESSES_MESSAGE);
      return false;
    }
    res.once('finish', () => {
      if (res.statusCode !== 401) deps.store.take(key, rule, -1).catch(storeFailed);
    });
    return true;
  };
  // Callback style: restify stops the chain only on next(false), which an async handler cannot say.
  return (req: Request, res: Response, next: Next) => {
    const route = req.getRoute();
    const limited = LIMITED.find((l) => l.method === req.method && l.path === route?.path);
    const supervised = isSupervisorPath(req.path());
    if (!limited && !supervised) return next();
    (limited ? admit(req, res, limited.scopes) : admitSupervisor(req, res)).then(
      (goOn) => next(goOn ? undefined : false),
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  };
}

function conversationOf(req: Request): string | undefined {
  const fromPath = (req.params as Record<string, unknown> | undefined)?.['conversationId'];
  if (typeof fromPath === 'string' && fromPath !== '') return fromPath;
  // /api/messages: the bucket of the conversation's own key, never a web chat conversation's.
  const body = req.body as { channelId?: unknown; conversation?: { id?: unknown } } | undefined;
  const fromBody = body?.conversation?.id;
  const channelId = body?.channelId;
  if (typeof fromBody !== 'string' || fromBody === '' || typeof channelId !== 'string') return undefined;
  if (!CHANNEL_ID.test(channelId)) return undefined;
  return botFrameworkKey({ channelId, id: fromBody.slice(0, MAX_CHANNEL_CONVERSATION_ID) });
}

function clientIp(req: Request, trustForwardedFor: boolean): string | undefined {
  if (trustForwardedFor) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .at(-1);
    if (last) return last;
  }
  return req.socket?.remoteAddress;
}
