import { z } from 'zod';

/** A Redis node or sentinel address. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** How a deployment reaches its Redis: the three shapes ioredis supports. */
export type RedisShape =
  | { readonly kind: 'standalone'; readonly url: string }
  | {
      readonly kind: 'sentinel';
      readonly sentinels: readonly HostPort[];
      /** The monitored primary's name (`sentinel monitor <name> …`). */
      readonly name: string;
      readonly password?: string;
      readonly sentinelPassword?: string;
      readonly tls: boolean;
    }
  | {
      readonly kind: 'cluster';
      readonly nodes: readonly HostPort[];
      readonly password?: string;
      readonly tls: boolean;
    };

/** What every shape shares: how many replicas acknowledge a message before the customer or agent is told it is saved. */
export interface RedisDurability {
  /** WAIT n after each acknowledged message; 0 = do not wait (standalone default). */
  readonly waitReplicas: number;
  readonly waitTimeoutMs: number;
}

export interface RedisSettings {
  readonly shape: RedisShape;
  readonly durability: RedisDurability;
}

const text = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const hostPort = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port')
  .transform((v): HostPort => {
    const at = v.lastIndexOf(':');
    return { host: v.slice(0, at), port: Number(v.slice(at + 1)) };
  })
  .refine((a) => a.port > 0 && a.port < 65536, 'port must be 1–65535');

const hostPorts = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(hostPort).min(1, 'must list at least one host:port (comma-separated)'));

const flag = z
  .enum(['true', 'false', '1', '0', ''], { message: 'must be true or false' })
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const count = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n <= max, `must be at most ${max}`)
    .optional();

/** The Redis variables, each checked on its own before the shape is chosen. */
export const redisEnvSchema = z.object({
  REDIS_URL: text.refine(
    (v) => v === undefined || /^rediss?:\/\//.test(v),
    'must start with redis:// or rediss://',
  ),
  REDIS_SENTINELS: text.pipe(hostPorts.optional()),
  REDIS_SENTINEL_NAME: text.refine(
    (v) => v === undefined || /^[A-Za-z0-9._-]{1,64}$/.test(v),
    'must be 1–64 letters, digits, ".", "_" or "-"',
  ),
  REDIS_SENTINEL_PASSWORD: text,
  REDIS_CLUSTER_NODES: text.pipe(hostPorts.optional()),
  REDIS_PASSWORD: text,
  REDIS_TLS: flag,
  REDIS_WAIT_REPLICAS: count(5),
  REDIS_WAIT_TIMEOUT_MS: count(10_000),
});

export type RedisEnv = z.output<typeof redisEnvSchema>;

export interface EnvIssue {
  readonly variable: string;
  readonly message: string;
}

/**
 * The one shape the variables describe, or the issues that stop startup: exactly one of
 * REDIS_URL, REDIS_SENTINELS, REDIS_CLUSTER_NODES (or none: memory stores).
 */
export function redisSettingsFrom(e: RedisEnv): { settings?: RedisSettings; issues: EnvIssue[] } {
  const issues: EnvIssue[] = [];
  const given = (
    [
      ['REDIS_URL', e.REDIS_URL],
      ['REDIS_SENTINELS', e.REDIS_SENTINELS],
      ['REDIS_CLUSTER_NODES', e.REDIS_CLUSTER_NODES],
    ] as const
  ).filter(([, v]) => v !== undefined);
  if (given.length > 1) {
    issues.push({
      variable: given.map(([name]) => name).join(' + '),
      message:
        'set only one of REDIS_URL (one server), REDIS_SENTINELS (Sentinel) or REDIS_CLUSTER_NODES (Cluster)',
    });
    return { issues };
  }
  if (e.REDIS_SENTINELS && !e.REDIS_SENTINEL_NAME)
    issues.push({
      variable: 'REDIS_SENTINEL_NAME',
      message: 'is required with REDIS_SENTINELS (the name the sentinels monitor the primary under)',
    });
  if (!e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME)
    issues.push({ variable: 'REDIS_SENTINEL_NAME', message: 'is only read with REDIS_SENTINELS' });
  if (e.REDIS_URL && e.REDIS_PASSWORD)
    issues.push({ variable: 'REDIS_PASSWORD', message: 'with REDIS_URL, put the password in the URL' });
  if (issues.length > 0) return { issues };
  const shape = shapeOf(e);
  if (!shape) {
    if (e.REDIS_WAIT_REPLICAS !== undefined)
      issues.push({
        variable: 'REDIS_WAIT_REPLICAS',
        message: 'needs a Redis (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES)',
      });
    return { issues };
  }
  // Sentinel and Cluster exist to survive losing a primary: by default a message is only
  // acknowledged once a replica has it (a promotion would otherwise drop it).
  const waitReplicas = e.REDIS_WAIT_REPLICAS ?? (shape.kind === 'standalone' ? 0 : 1);
  return {
    settings: { shape, durability: { waitReplicas, waitTimeoutMs: e.REDIS_WAIT_TIMEOUT_MS ?? 500 } },
    issues,
  };
}

function shapeOf(e: RedisEnv): RedisShape | undefined {
  const secrets = { ...(e.REDIS_PASSWORD ? { password: e.REDIS_PASSWORD } : {}) };
  if (e.REDIS_URL) return { kind: 'standalone', url: e.REDIS_URL };
  if (e.REDIS_SENTINELS)
    return {
      kind: 'sentinel',
      sentinels: e.REDIS_SENTINELS,
      name: e.REDIS_SENTINEL_NAME!,
      ...secrets,
      ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
      tls: e.REDIS_TLS,
    };
  if (e.REDIS_CLUSTER_NODES)
    return { kind: 'cluster', nodes: e.REDIS_CLUSTER_NODES, ...secrets, tls: e.REDIS_TLS };
  return undefined;
}

/** Which variable set the shape and where it points, for logs and errors: never a password. */
export function describeShape(shape: RedisShape): { readonly variable: string; readonly target: string } {
  const list = (nodes: readonly HostPort[]) => nodes.map((n) => `${n.host}:${n.port}`).join(',');
  switch (shape.kind) {
    case 'standalone':
      return { variable: 'REDIS_URL', target: shape.url.replace(/\/\/[^@/]*@/, '//***@') };
    case 'sentinel':
      return { variable: 'REDIS_SENTINELS', target: `${list(shape.sentinels)} (primary "${shape.name}")` };
    case 'cluster':
      return { variable: 'REDIS_CLUSTER_NODES', target: list(shape.nodes) };
  }
}
