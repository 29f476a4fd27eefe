import { z } from 'zod';
import { HandoffError } from '../errors';

export const smtpConfigSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  /** true = TLS from the first byte (port 465); false = plain, upgraded by STARTTLS when offered. */
  secure: z.boolean().default(false),
  /** Never upgrade to TLS (a local relay or a test server). */
  ignoreTLS: z.boolean().default(false),
  auth: z.object({ user: z.string().min(1), pass: z.string().min(1) }).optional(),
  from: z.string().min(3),
  /** Give up on a silent server after this long. */
  timeoutMs: z.number().int().positive().default(10_000),
});
export type SmtpConfigInput = z.input<typeof smtpConfigSchema>;
export type SmtpConfig = z.output<typeof smtpConfigSchema>;

const ENV = {
  host: 'SMTP_HOST',
  port: 'SMTP_PORT',
  secure: 'SMTP_SECURE',
  ignoreTLS: 'SMTP_IGNORE_TLS',
  user: 'SMTP_USER',
  pass: 'SMTP_PASS',
  from: 'SMTP_FROM',
} as const;

const bool = (v: string | undefined): boolean | undefined =>
  v === undefined ? undefined : /^(1|true|yes)$/i.test(v);

/** Reads SMTP_* variables; a bad or missing one stops with a message naming the variable. */
export function smtpConfigFromEnv(env: Readonly<Record<string, string | undefined>>): SmtpConfig {
  const user = env[ENV.user];
  const pass = env[ENV.pass];
  const candidate = {
    host: env[ENV.host],
    port: env[ENV.port] === undefined ? undefined : Number(env[ENV.port]),
    secure: bool(env[ENV.secure]),
    ignoreTLS: bool(env[ENV.ignoreTLS]),
    auth: user || pass ? { user, pass } : undefined,
    from: env[ENV.from],
  };
  return parseSmtpConfig(candidate, (path) => {
    const [head, leaf] = path;
    if (head === 'auth') return leaf === 'pass' ? ENV.pass : ENV.user;
    return ENV[head as keyof typeof ENV] ?? String(head);
  });
}

export function parseSmtpConfig(
  input: unknown,
  name: (path: readonly PropertyKey[]) => string = (path) => path.map(String).join('.'),
): SmtpConfig {
  const result = smtpConfigSchema.safeParse(input);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${name(i.path)}: ${i.message}`).join('; ');
    throw new HandoffError('INVALID_CONFIG', `invalid SMTP settings: ${detail}`, { cause: result.error });
  }
  return result.data;
}
