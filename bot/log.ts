import pino, { stdSerializers, type DestinationStream, type Logger } from 'pino';
import { maskPersonalData } from '../insights/masking';

/** Extra fields of one log line (JSON-serialisable). */
export type LogFields = Readonly<Record<string, unknown>>;

/** What a child logger carries on every line: the conversation and, when known, the agent. */
export interface LogContext {
  readonly conversationId?: string;
  readonly agentId?: string;
}

/** Where the server writes what operators need to see; tests pass a silent one. */
export interface Log {
  info(message: string, fields?: LogFields): void;
  /** Something an operator should act on, the service still running (e.g. an unauthenticated channel). */
  warn?(message: string, fields?: LogFields): void;
  error(message: string, cause?: unknown, fields?: LogFields): void;
  /** Per-request and per-turn detail, off unless LOG_LEVEL=debug. */
  debug?(message: string, fields?: LogFields): void;
  /** A logger whose every line carries the given context. */
  child?(context: LogContext): Log;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Field paths whose values never reach a log line, wherever they sit in a logged object: tokens,
 * passwords, Authorization headers, the Bot Framework app password, SMTP and signing secrets.
 */
export const REDACTED_PATHS: readonly string[] = [
  'password',
  'token',
  'secret',
  'authorization',
  'appPassword',
  'tokenSecret',
  'identitySecret',
  'MicrosoftAppPassword',
  'pass',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.appPassword',
  '*.tokenSecret',
  '*.identitySecret',
  '*.MicrosoftAppPassword',
  '*.pass',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.*.password',
  '*.*.token',
  '*.*.pass',
  '*.*.appPassword',
];

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)([^\s:/@]*):([^\s/@]+)@/gi;

/**
 * What a free-text part of a log line becomes: e-mail addresses and phone numbers masked
 * (insights/masking.ts), bearer tokens and passwords inside URLs (redis://:pw@host) replaced.
 */
export function scrubText(text: string, maskPersonal = true): string {
  const noSecrets = text.replace(BEARER, '$1 [Redacted]').replace(URL_CREDENTIALS, '$1$2:[Redacted]@');
  return maskPersonal ? maskPersonalData(noSecrets) : noSecrets;
}

/**
 * Any field named like a secret, at any depth and in any case (appPassword, TOKEN_SECRET,
 * METRICS_TOKEN, SMTP_PASS, authorization): the `redact` paths below only reach known places.
 */
const SECRET_KEY = /(^|[_-]|[a-z])(pass|password|secret|token|authorization|cookie|apikey|api_key)$/i;

function scrubDeep(value: unknown, maskPersonal: boolean, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, maskPersonal);
  if (depth > 6 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, maskPersonal, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] = SECRET_KEY.test(key) && v !== undefined ? '[Redacted]' : scrubDeep(v, maskPersonal, depth + 1);
  return out;
}

export interface PinoLogOptions {
  readonly level: LogLevel;
  /** Mask e-mail addresses and phone numbers (default true; LOG_PERSONAL_DATA=show turns it off). */
  readonly maskPersonalData?: boolean;
  /** Where lines go (default: stdout). Tests pass a stream that keeps them. */
  readonly destination?: DestinationStream;
}

/** One JSON object per line (pino), secrets redacted, personal data masked. */
export function createLog(options: PinoLogOptions): Log {
  const mask = options.maskPersonalData ?? true;
  const logger = pino(
    {
      level: options.level,
      base: { service: 'relais' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACTED_PATHS], censor: '[Redacted]' },
      serializers: {
        err: (err: Error) => {
          const serialized = stdSerializers.err(err);
          return scrubDeep(serialized, mask) as typeof serialized;
        },
      },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrubDeep(object, mask) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a, mask) : a));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
  return fromPino(logger);
}

function fromPino(logger: Logger): Log {
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, cause, fields) =>
      logger.error({ ...fields, ...(cause === undefined ? {} : { err: asError(cause) }) }, message),
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    child: (context) => fromPino(logger.child(definedOnly(context))),
  };
}

function asError(cause: unknown): unknown {
  if (cause instanceof Error) return cause;
  return { message: typeof cause === 'string' ? cause : JSON.stringify(cause) };
}

function definedOnly(context: LogContext): Record<string, string> {
  const out: Record<string, string> = {};
  if (context.conversationId !== undefined) out['conversationId'] = context.conversationId;
  if (context.agentId !== undefined) out['agentId'] = context.agentId;
  return out;
}

/** A logger carrying the context when the given one can make children; the same one otherwise. */
export function withContext(log: Log, context: LogContext): Log {
  return log.child?.(context) ?? log;
}

export const silentLog: Log = { info: () => undefined, error: () => undefined };

/**
 * An error listener that logs at most once per interval: a connection that is down reports the
 * same error on every reconnection attempt. Also what keeps an emitter's 'error' from going
 * unhandled (ioredis prints "[ioredis] Unhandled error event" without one).
 */
export function throttledErrors(log: Log, message: string, intervalMs = 10_000): (error: unknown) => void {
  let last = 0;
  let skipped = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < intervalMs) {
      skipped++;
      return;
    }
    log.error(message, error, skipped > 0 ? { repeated: skipped } : undefined);
    last = now;
    skipped = 0;
  };
}
