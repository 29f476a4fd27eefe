import { z } from 'zod';
import {
  answerPolicyFromText,
  toLocale,
  type AnswerPolicy,
  type EncoderMode,
  type EncoderPass,
  type Locale,
} from '../knowledge-base/index';
import { smtpConfigFromEnv, type SmtpConfig } from '../handoff/index';
import type { ChannelSendBudget } from './channels/channel-send-budget';
import { FAULT_HOOKS, type FaultHook } from './faults';
import { LOG_LEVELS, type LogLevel } from './log';
import { parseSupervisorEnv, type SupervisorAuth } from './reports/supervisor-config';
import { redisEnvSchema, redisSettingsFrom, type RedisSettings } from './redis/shape';

/** The settings Relais reads from the environment, parsed once at startup. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly kbFiles: readonly string[];
  /** KB_READ_ONLY: the KB admin API may reload but never writes the KB files. */
  readonly kbReadOnly: boolean;
  readonly defaultLocale: Locale;
  /** MATCHER_MAX_WRONG_PCT / MATCHER_MIN_OOS_RECALL_PCT: what the matcher's thresholds must meet. */
  readonly answerPolicy: AnswerPolicy;
  /** MATCHER_ENCODER (off|on|auto), MATCHER_ENCODER_PASS (fast|full|cascade), ENCODER_CACHE_DIR: the sentence encoder scorer. */
  readonly encoder: { readonly mode: EncoderMode; readonly pass: EncoderPass; readonly cacheDir?: string };
  readonly microsoftApp: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly tenantId?: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  };
  /** REDIS_URL, REDIS_SENTINELS… or REDIS_CLUSTER_NODES (bot/redis/shape.ts); unset = memory stores. */
  readonly redis?: RedisSettings;
  /** Prefix of every Redis key of this deployment. */
  readonly redisPrefix: string;
  /** AGENTS: agent accounts as JSON; AGENTS_FILE: a file holding the same. */
  readonly agentsJson?: string;
  readonly agentsFile?: string;
  readonly agentSessionTtlSeconds: number;
  /** Least time between two position/wait updates to one waiting customer (QUEUE_UPDATE_INTERVAL_MS). */
  readonly queueUpdateIntervalMs: number;
  /** An answered ticket with no customer reply for this long is resolved and surveyed (TICKET_QUIET_HOURS). */
  readonly ticketQuietHours: number;
  /** An online agent who leaves the customer unanswered this long loses the conversation to the queue; 0 = off (AGENT_ANSWER_TIMEOUT_MIN). */
  readonly agentAnswerTimeoutMinutes: number;
  /** Where ticket answers are e-mailed from (SMTP_HOST, SMTP_PORT, SMTP_FROM…); unset = no e-mail. */
  readonly smtp?: SmtpConfig;
  /** Largest file a customer may send to an agent (UPLOAD_MAX_BYTES, default 5 MiB). */
  readonly uploadMaxBytes: number;
  /** What one conversation may upload in all (UPLOAD_MAX_FILES_PER_CONVERSATION, default 20; UPLOAD_MAX_BYTES_PER_CONVERSATION, default 25 MiB). */
  readonly uploadQuota: { readonly files: number; readonly bytes: number };
  /** Signs Direct Line tokens; a random one is made at start when unset (tokens die with the process). */
  readonly tokenSecret?: string;
  readonly tokenTtlSeconds: number;
  /** Verifies the customer identity the site's backend passes when it asks for a token. */
  readonly identitySecret?: string;
  readonly supportHours: SupportHours;
  /** Surveys closed longer ago than this are deleted (SURVEY_RETENTION_DAYS). */
  readonly surveyRetentionDays: number;
  /** An answer left this long with no new question counts as resolved by the assistant (DEFLECTION_QUIET_MIN). */
  readonly deflectionQuietMinutes: number;
  /** The closing survey also asks the recommendation question, NPS 0 … 10 (SURVEY_ASK_NPS). */
  readonly surveyAskNps: boolean;
  /** Who may read the reports (SUPERVISOR_TOKEN or its hash); unset = reports API off. */
  readonly supervisor?: SupervisorAuth;
  readonly log: { readonly level: LogLevel; readonly maskPersonalData: boolean };
  /** NODE_ENV=production: stricter rules (METRICS_TOKEN required, no fault hooks, no demo accounts). */
  readonly production: boolean;
  /** Bearer token /metrics asks for (METRICS_TOKEN); required in production, unset elsewhere = open. */
  readonly metricsToken?: string;
  /** Origins whose pages may frame the chat page (WIDGET_ORIGINS); empty = only Relais itself. */
  readonly widgetOrigins: readonly string[];
  /** The proactive chat rules of the widget (PROACTIVE_RULES_FILE; docs/widget.md). */
  readonly proactiveRulesFile: string;
  /**
   * How long a stored customer message stays leased to the instance running its turn
   * (TURN_LEASE_MS): after a crash, another instance (or the restarted one) answers it this late.
   */
  readonly turnLeaseMs: number;
  /** Each call to a Bot Framework connector: its timeout and retries (CHANNEL_SEND_TIMEOUT_MS, CHANNEL_SEND_RETRIES). */
  readonly channelSend: ChannelSendBudget;
  /** A crash point a test arms (RELAIS_FAULT_HOOK); never in production. */
  readonly faultHook?: FaultHook;
  /** Requests per minute allowed per client IP, per conversation and per IP on agent login; 0 = no limit. */
  readonly rateLimits: RateLimitConfig;
  /**
   * Where incoming Bot Framework tokens' signing keys are looked up (BOT_OPENID_METADATA_URL):
   * a private cloud or tests; unset = the public Bot Framework and Emulator metadata.
   */
  readonly openIdMetadataUrl?: string;
  /** Who may call /api/messages and where its replies may go (docs/operations.md, Security). */
  readonly botChannel: BotChannelConfig;
  /** PUBLIC_URL: the origin (and path) customers reach Relais at, used in the links e-mails carry. */
  readonly publicUrl: string;
  /** The ticket answer's link back to the conversation (REOPEN_LINK_SECRET, REOPEN_LINK_TTL_DAYS). */
  readonly reopenLink: { readonly secret?: string; readonly ttlDays: number };
}

export interface BotChannelConfig {
  /** No MicrosoftAppId: /api/messages takes activities from anyone. */
  readonly anonymous: boolean;
  /** BOT_ALLOW_ANONYMOUS_CHANNEL: anonymous mode was asked for (required for it in production). */
  readonly anonymousOptIn: boolean;
  /** BOT_SERVICE_URL_ALLOWLIST: origins anonymous activities may name as serviceUrl besides loopback. */
  readonly serviceUrlAllowlist: readonly string[];
}

export interface RateLimitConfig {
  readonly perIpPerMinute: number;
  readonly perConversationPerMinute: number;
  readonly loginPerMinute: number;
  /** Direct Line conversations (and tokens) one IP may start per minute. */
  readonly conversationsPerMinute: number;
  /** Refused supervisor tokens (reports, dashboard data, KB admin) one IP may try per minute. */
  readonly authFailuresPerMinute: number;
  /** Take the client IP from the last X-Forwarded-For entry (behind a load balancer that sets it). */
  readonly trustForwardedFor: boolean;
}

/** When people answer (the demo: Monday–Saturday, 8:00–21:00, Paris time). */
export interface SupportHours {
  readonly timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly days: readonly number[];
  readonly openHour: number;
  readonly closeHour: number;
}

export const DEFAULT_KB_FILES = ['knowledge-base/demo/fr.yaml', 'knowledge-base/demo/en.yaml'] as const;
export const DEFAULT_PROACTIVE_RULES_FILE = 'knowledge-base/demo/proactive-rules.yaml';

export class ConfigError extends Error {
  readonly code = 'RELAIS_CONFIG';
  constructor(readonly issues: readonly { variable: string; message: string }[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const validTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** One origin of BOT_SERVICE_URL_ALLOWLIST: `https://host[:port]`, nothing after it. */
const serviceOrigin = z.string().transform((text, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const bare =
    url &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '';
  if (!url || !bare) {
    ctx.addIssue({
      code: 'custom',
      message: `"${text.slice(0, 100)}" is not an origin such as https://connector.example:8443`,
    });
    return z.NEVER;
  }
  return url.origin;
});

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  BOT_ALLOW_ANONYMOUS_CHANNEL: z
    .enum(['true', 'false', ''], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  BOT_SERVICE_URL_ALLOWLIST: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .pipe(z.array(serviceOrigin))
    .default([]),
  PORT: integer(0, 65535).default(3978),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  KB_FILES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((f) => f.trim())
        .filter((f) => f !== ''),
    )
    .refine((files) => files.length > 0, 'must list at least one file (comma-separated)')
    .optional(),
  MATCHER_MAX_WRONG_PCT: z.string().optional(),
  MATCHER_MIN_OOS_RECALL_PCT: z.string().optional(),
  MATCHER_ENCODER: z.enum(['off', 'on', 'auto'], { message: 'must be off, on or auto' }).default('auto'),
  MATCHER_ENCODER_PASS: z
    .enum(['fast', 'full', 'cascade'], { message: 'must be fast, full or cascade' })
    .default('cascade'),
  ENCODER_CACHE_DIR: z.string().trim().min(1).optional(),
  KB_READ_ONLY: z
    .enum(['true', 'false', '1', '0', ''], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  DEFAULT_LOCALE: z
    .string()
    .refine((v) => toLocale(v) !== undefined, 'must be fr or en')
    .transform((v) => toLocale(v)!)
    .default('fr'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ...redisEnvSchema.shape,
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,40}$/, 'must be 1–40 letters, digits, ":", "_" or "-"')
    .default('relais'),
  TOKEN_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'must be at least 32 characters',
  ),
  TOKEN_TTL_SECONDS: integer(60, 86400).default(1800),
  IDENTITY_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'must be at least 32 characters',
  ),
  SUPPORT_TIMEZONE: z
    .string()
    .trim()
    .refine(validTimeZone, 'must be an IANA time zone such as Europe/Paris')
    .default('Europe/Paris'),
  SUPPORT_DAYS: z
    .string()
    .regex(/^[1-7](,[1-7])*$/, 'must be ISO weekdays separated by commas, e.g. 1,2,3,4,5,6')
    .transform((v) => [...new Set(v.split(',').map(Number))].sort())
    .default([1, 2, 3, 4, 5, 6]),
  SUPPORT_OPEN_HOUR: integer(0, 23).default(8),
  SUPPORT_CLOSE_HOUR: integer(1, 24).default(21),
  SURVEY_RETENTION_DAYS: integer(1, 3650).default(365),
  DEFLECTION_QUIET_MIN: integer(1, 7 * 24 * 60).default(30),
  SURVEY_ASK_NPS: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .default(false),
  /** Agent accounts (JSON array) or a file holding them; see docs/agent.md. */
  AGENTS: optionalText,
  AGENTS_FILE: optionalText,
  AGENT_SESSION_TTL_SECONDS: integer(300, 7 * 86400).default(8 * 3600),
  QUEUE_UPDATE_INTERVAL_MS: integer(100, 3_600_000).default(30_000),
  TICKET_QUIET_HOURS: integer(1, 24 * 90).default(48),
  AGENT_ANSWER_TIMEOUT_MIN: integer(0, 24 * 60).default(10),
  UPLOAD_MAX_BYTES: integer(1024, 50 * 1024 * 1024).default(5 * 1024 * 1024),
  UPLOAD_MAX_FILES_PER_CONVERSATION: integer(1, 1000).default(20),
  UPLOAD_MAX_BYTES_PER_CONVERSATION: integer(1024, 1024 * 1024 * 1024).default(25 * 1024 * 1024),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_PERSONAL_DATA: z.enum(['mask', 'show'], { error: 'must be mask or show' }).default('mask'),
  METRICS_TOKEN: optionalText.refine(
    (v) => v === undefined || v.length >= 16,
    'must be at least 16 characters',
  ),
  RATE_LIMIT_IP_PER_MINUTE: integer(0, 1_000_000).default(600),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: integer(0, 100_000).default(60),
  RATE_LIMIT_LOGIN_PER_MINUTE: integer(0, 10_000).default(10),
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: integer(0, 100_000).default(60),
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: integer(0, 10_000).default(10),
  RATE_LIMIT_TRUST_FORWARDED_FOR: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  WIDGET_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== ''),
    )
    .refine(
      (origins) => origins.every(isOrigin),
      'must be comma-separated origins such as https://www.example.fr (scheme, host, optional port; no path)',
    ),
  PROACTIVE_RULES_FILE: optionalText,
  TURN_LEASE_MS: integer(200, 600_000).default(15_000),
  // A healthy connector answers in well under a second; a call never outlasts every attempt timing out.
  CHANNEL_SEND_TIMEOUT_MS: integer(100, 120_000).default(5_000),
  CHANNEL_SEND_RETRIES: integer(0, 10).default(2),
  RELAIS_FAULT_HOOK: z
    .enum(FAULT_HOOKS, { error: `must be one of ${FAULT_HOOKS.join(', ')} (tests only)` })
    .optional(),
  PUBLIC_URL: optionalText.pipe(
    z
      .string()
      .transform((v) => v.replace(/\/+$/, ''))
      .refine(isPublicUrl, 'must be an http(s) URL such as https://aide.example.fr (no query, no #)')
      .optional(),
  ),
  REOPEN_LINK_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'must be at least 32 characters',
  ),
  REOPEN_LINK_TTL_DAYS: integer(1, 365).default(7),
  BOT_OPENID_METADATA_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v),
    'must be an http(s) URL',
  ),
});

/** Where customers reach Relais: http(s), a host, maybe a path; no credentials, query or fragment. */
function isPublicUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === '' &&
      !text.includes('#') &&
      !text.includes('?')
    );
  } catch {
    return false;
  }
}

/** An origin as browsers send it: http(s)://host[:port], nothing after. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** Parses the environment; every bad variable is named in the error. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({
        variable: String(i.path[0] ?? '(environment)'),
        message: i.message,
      })),
    );
  }
  const e = parsed.data;
  const issues: { variable: string; message: string }[] = [];
  const supervisor = parseSupervisorEnv(env);
  if (!supervisor.ok) issues.push(...supervisor.issues);
  if (e.SUPPORT_CLOSE_HOUR <= e.SUPPORT_OPEN_HOUR)
    issues.push({ variable: 'SUPPORT_CLOSE_HOUR', message: 'must be after SUPPORT_OPEN_HOUR' });
  if (e.MicrosoftAppPassword && !e.MicrosoftAppId)
    issues.push({ variable: 'MicrosoftAppId', message: 'is required when MicrosoftAppPassword is set' });
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    issues.push({
      variable: 'MicrosoftAppTenantId',
      message: 'is required when MicrosoftAppType is SingleTenant',
    });
  }
  const production = e.NODE_ENV === 'production';
  if (production && !e.MicrosoftAppId && !e.BOT_ALLOW_ANONYMOUS_CHANNEL)
    issues.push({
      variable: 'MicrosoftAppId',
      message:
        'is required with NODE_ENV=production: without it anyone can post to /api/messages. Set MicrosoftAppId and MicrosoftAppPassword, or BOT_ALLOW_ANONYMOUS_CHANNEL=true to run it unauthenticated on purpose',
    });
  if (production && !e.METRICS_TOKEN)
    issues.push({
      variable: 'METRICS_TOKEN',
      message:
        'is required with NODE_ENV=production (/metrics is never open in production; at least 16 characters)',
    });
  if (production && e.RELAIS_FAULT_HOOK)
    issues.push({
      variable: 'RELAIS_FAULT_HOOK',
      message: 'is for tests and refused with NODE_ENV=production',
    });
  if (production && !e.REOPEN_LINK_SECRET)
    issues.push({
      variable: 'REOPEN_LINK_SECRET',
      message:
        'is required with NODE_ENV=production (it signs the links that reopen a conversation from a ticket e-mail; at least 32 characters, the same on every instance)',
    });
  const redis = redisSettingsFrom(e);
  issues.push(...redis.issues);
  let smtp: SmtpConfig | undefined;
  if (env.SMTP_HOST?.trim()) {
    try {
      smtp = smtpConfigFromEnv(env);
    } catch (error) {
      issues.push({ variable: 'SMTP_*', message: error instanceof Error ? error.message : String(error) });
    }
  }
  const policy = answerPolicyFromText({
    maxWrongAnswersPct: { name: 'MATCHER_MAX_WRONG_PCT', text: e.MATCHER_MAX_WRONG_PCT },
    minOutOfScopeRecallPct: { name: 'MATCHER_MIN_OOS_RECALL_PCT', text: e.MATCHER_MIN_OOS_RECALL_PCT },
  });
  if (!policy.ok) issues.push(...policy.problems.map((p) => ({ variable: p.source, message: p.message })));
  if (issues.length > 0 || !supervisor.ok || !policy.ok) throw new ConfigError(issues);
  return {
    ...(supervisor.supervisor ? { supervisor: supervisor.supervisor } : {}),
    surveyRetentionDays: e.SURVEY_RETENTION_DAYS,
    deflectionQuietMinutes: e.DEFLECTION_QUIET_MIN,
    surveyAskNps: e.SURVEY_ASK_NPS,
    port: e.PORT,
    host: e.HOST,
    kbFiles: e.KB_FILES ?? [...DEFAULT_KB_FILES],
    kbReadOnly: e.KB_READ_ONLY,
    defaultLocale: e.DEFAULT_LOCALE,
    answerPolicy: policy.policy,
    encoder: {
      mode: e.MATCHER_ENCODER,
      pass: e.MATCHER_ENCODER_PASS,
      ...(e.ENCODER_CACHE_DIR ? { cacheDir: e.ENCODER_CACHE_DIR } : {}),
    },
    microsoftApp: {
      ...(e.MicrosoftAppId ? { appId: e.MicrosoftAppId } : {}),
      ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
      ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
      appType: e.MicrosoftAppType,
    },
    ...(redis.settings ? { redis: redis.settings } : {}),
    redisPrefix: e.REDIS_PREFIX,
    ...(e.TOKEN_SECRET ? { tokenSecret: e.TOKEN_SECRET } : {}),
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    ...(e.IDENTITY_SECRET ? { identitySecret: e.IDENTITY_SECRET } : {}),
    ...(e.AGENTS ? { agentsJson: e.AGENTS } : {}),
    ...(e.AGENTS_FILE ? { agentsFile: e.AGENTS_FILE } : {}),
    agentSessionTtlSeconds: e.AGENT_SESSION_TTL_SECONDS,
    queueUpdateIntervalMs: e.QUEUE_UPDATE_INTERVAL_MS,
    ticketQuietHours: e.TICKET_QUIET_HOURS,
    agentAnswerTimeoutMinutes: e.AGENT_ANSWER_TIMEOUT_MIN,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadQuota: { files: e.UPLOAD_MAX_FILES_PER_CONVERSATION, bytes: e.UPLOAD_MAX_BYTES_PER_CONVERSATION },
    ...(smtp ? { smtp } : {}),
    log: { level: e.LOG_LEVEL, maskPersonalData: e.LOG_PERSONAL_DATA === 'mask' },
    production,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    widgetOrigins: e.WIDGET_ORIGINS.map((o) => o.replace(/\/$/, '')),
    proactiveRulesFile: e.PROACTIVE_RULES_FILE ?? DEFAULT_PROACTIVE_RULES_FILE,
    turnLeaseMs: e.TURN_LEASE_MS,
    channelSend: { timeoutMs: e.CHANNEL_SEND_TIMEOUT_MS, retries: e.CHANNEL_SEND_RETRIES },
    ...(e.RELAIS_FAULT_HOOK ? { faultHook: e.RELAIS_FAULT_HOOK } : {}),
    rateLimits: {
      perIpPerMinute: e.RATE_LIMIT_IP_PER_MINUTE,
      perConversationPerMinute: e.RATE_LIMIT_CONVERSATION_PER_MINUTE,
      loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
      conversationsPerMinute: e.RATE_LIMIT_CONVERSATIONS_PER_MINUTE,
      authFailuresPerMinute: e.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
      trustForwardedFor: e.RATE_LIMIT_TRUST_FORWARDED_FOR,
    },
    ...(e.BOT_OPENID_METADATA_URL ? { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL } : {}),
    botChannel: {
      anonymous: !e.MicrosoftAppId,
      anonymousOptIn: e.BOT_ALLOW_ANONYMOUS_CHANNEL,
      serviceUrlAllowlist: [...new Set(e.BOT_SERVICE_URL_ALLOWLIST)],
    },
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    reopenLink: {
      ...(e.REOPEN_LINK_SECRET ? { secret: e.REOPEN_LINK_SECRET } : {}),
      ttlDays: e.REOPEN_LINK_TTL_DAYS,
    },
    supportHours: {
      timeZone: e.SUPPORT_TIMEZONE,
      days: e.SUPPORT_DAYS,
      openHour: e.SUPPORT_OPEN_HOUR,
      closeHour: e.SUPPORT_CLOSE_HOUR,
    },
  };
}
