import pino, { stdSerializers, type DestinationStream, type Logger } from 'pino';
import { maskPersonalData } from '../insights/index';

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
  return maskPersonal ? maskEncodedToo(noSecrets) : noSecrets;
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
/** Enough for a value encoded twice or three times (a URL carried in a URL). */
const DECODE_ROUNDS = 3;

/** Decodes every well-formed run of %XX sequences; a broken one stays as it is. */
function percentDecoded(text: string): string {
  return text.replace(PERCENT_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/**
 * Masks personal data also when it is URL-encoded (`jean%40example.fr`, `%2B336…`, twice encoded):
 * when a decoded form holds something to mask, the line shows that decoded form masked; otherwise
 * the text is left as written ("100%", "/a%20b").
 */
function maskEncodedToo(text: string): string {
  let shown = maskPersonalData(text);
  let decoded = shown;
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const next = percentDecoded(decoded);
    if (next === decoded) break;
    decoded = next;
    const masked = maskPersonalData(decoded);
    if (masked !== decoded) shown = masked;
  }
  return shown;
}

/**
 * Any field named like a secret, at any depth and in any case (appPassword, TOKEN_SECRET,
 * METRICS_TOKEN, SMTP_PASS, authorization): the `redact` paths below only reach known places.
 */
const SECRET_KEY = /(^|[_-]|[a-z])(pass|password|secret|token|authorization|cookie|apikey|api_key)$/i;

/** Deeper than this, a logged value is replaced rather than written unscrubbed. */
const MAX_DEPTH = 16;

function scrubDeep(value: unknown, maskPersonal: boolean, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, maskPersonal);
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (depth >= MAX_DEPTH) return '[Too deep]';
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, maskPersonal, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[scrubText(key, maskPersonal)] =
      SECRET_KEY.test(key) && v !== undefined ? '[Redacted]' : scrubDeep(v, maskPersonal, depth + 1);
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
  return fromPino(logger, mask);
}

function fromPino(logger: Logger, mask: boolean): Log {
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, cause, fields) =>
      logger.error({ ...fields, ...(cause === undefined ? {} : { err: asError(cause) }) }, message),
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    // pino writes a child's bindings once, past the formatters: they are scrubbed here.
    child: (context) =>
      fromPino(logger.child(scrubDeep(definedOnly(context), mask) as Record<string, unknown>), mask),
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
