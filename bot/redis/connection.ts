import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { throttledErrors, type Log } from '../log';
import type { RedisClient } from './client';
import type { ReplicaWait } from './replicas';
import { describeShape, type RedisSettings, type RedisShape } from './shape';

/** A server keeps reconnecting; a one-shot command (the CLI) fails at once. */
export type RedisUse = 'server' | 'command';

/** The deployment's Redis: the connection every store shares, and its durability setting. */
export interface RedisConnection {
  readonly shape: RedisShape;
  /** How acknowledgements of customer and agent messages wait for replicas (REDIS_WAIT_REPLICAS). */
  readonly durability: ReplicaWait;
  /** Commands of every store (scripts, MULTI, pipelines). */
  readonly client: RedisClient;
  /** A new connection of the same shape for pub/sub (a subscribed connection takes no other command). */
  subscriber(): RedisClient;
  close(): Promise<void>;
}

const retryMs = (attempt: number) => Math.min(attempt * 100, 1_000);

/** ioredis options per use: reconnect within a second once Redis is back (its default backs off to 2 s). */
function nodeOptions(use: RedisUse): RedisOptions {
  return use === 'server'
    ? { lazyConnect: true, maxRetriesPerRequest: 3, retryStrategy: retryMs }
    : { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null };
}

/** The client for a shape, not yet connected. */
export function clientFor(shape: RedisShape, use: RedisUse): RedisClient {
  const base = nodeOptions(use);
  switch (shape.kind) {
    case 'standalone':
      return new Redis(shape.url, base);
    case 'sentinel':
      return new Redis({
        ...base,
        // A command outlives a failover (~3 s when a primary is killed): each reconnection asks
        // the sentinels for the primary again; 20 of them, 100–500 ms apart, wait ~9 s.
        ...(use === 'server'
          ? { maxRetriesPerRequest: 20, retryStrategy: (attempt: number) => Math.min(attempt * 100, 500) }
          : {}),
        sentinels: shape.sentinels.map((s) => ({ ...s })),
        name: shape.name,
        ...(shape.password ? { password: shape.password } : {}),
        ...(shape.sentinelPassword ? { sentinelPassword: shape.sentinelPassword } : {}),
        ...(shape.tls ? { tls: {}, enableTLSForSentinelMode: true } : {}),
        sentinelRetryStrategy: use === 'server' ? retryMs : () => null,
        // Sentinel's own +switch-master announcement moves the client at once, without waiting
        // for the old primary's connection to time out.
        failoverDetector: true,
      });
    case 'cluster': {
      const options: ClusterOptions = {
        lazyConnect: true,
        redisOptions: {
          ...(shape.password ? { password: shape.password } : {}),
          ...(shape.tls ? { tls: {} } : {}),
          maxRetriesPerRequest: base.maxRetriesPerRequest ?? null,
        },
        clusterRetryStrategy: use === 'server' ? retryMs : () => null,
        // While a replica takes over a dead primary's slots, every retry (MOVED to the dead node,
        // connection refused, CLUSTERDOWN) spends one redirection: 100 of them ≥ 100 ms apart wait
        // ~10 s, past the ~3 s a promotion takes; the defaults (16, 0–100 ms) fail within ~1 s.
        maxRedirections: use === 'server' ? 100 : 16,
        retryDelayOnMoved: 100,
        retryDelayOnFailover: 100,
        retryDelayOnClusterDown: 100,
        retryDelayOnTryAgain: 100,
        scaleReads: 'master',
      };
      return quietAsking(
        new Cluster(
          shape.nodes.map((n) => ({ ...n })),
          options,
        ),
      );
    }
  }
}

/**
 * ioredis sends ASKING ahead of an ASK-redirected command and drops ASKING's promise: if that
 * node's connection closes first (slots moving while a primary fails over), the rejection is
 * unhandled and ends the process. The redirected command fails on the same connection and reaches
 * its caller, so ASKING's own failure carries nothing more and is caught here.
 */
function quietAsking(cluster: Cluster): Cluster {
  cluster.on('+node', (node: Redis) => {
    const asking = node.asking.bind(node);
    node.asking = ((...args: Parameters<Redis['asking']>) => {
      const reply = asking(...args);
      reply.catch(() => undefined);
      return reply;
    }) as Redis['asking'];
  });
  return cluster;
}

/** A second connection of the same shape and options, for pub/sub. */
export function subscriberOf(client: RedisClient): RedisClient {
  // Relais re-subscribes itself, caught (bot/agent/redis-event-bus.ts): ioredis' own is unawaited.
  return client instanceof Cluster ? client.duplicate() : client.duplicate({ autoResubscribe: false });
}

/** Resolves once the client is ready; rejects with the first connection error. */
export async function ready(client: RedisClient, shape: RedisShape): Promise<void> {
  const { variable, target } = describeShape(shape);
  await new Promise<void>((resolve, reject) => {
    const failed = (cause: Error) => {
      client.disconnect();
      reject(new Error(`${variable}: cannot connect to ${target} (${cause.message})`, { cause }));
    };
    client.once('error', failed);
    client.once('ready', () => {
      client.off('error', failed);
      resolve();
    });
    client.connect().catch(() => undefined);
  });
}

/**
 * Opens the deployment's Redis. Startup fails naming the variable rather than on the first
 * customer message; later drops are retried by ioredis (commands meanwhile fail: routes answer 503).
 */
export async function connectRedis(settings: RedisSettings, log: Log): Promise<RedisConnection> {
  const open = async () => {
    const client = clientFor(settings.shape, 'server');
    await ready(client, settings.shape);
    client.on('error', throttledErrors(log, 'redis connection error (reconnecting)'));
    return client;
  };
  const client = await open();
  // Waited writes get a connection of their own (see ReplicaWait.via).
  const via = settings.durability.waitReplicas > 0 ? await open() : undefined;
  let lastShort = 0;
  const short = (_key: string, confirmed: number) => {
    // Once a minute at most: a replica that is down makes every message short.
    if (Date.now() - lastShort < 60_000) return;
    lastShort = Date.now();
    (log.warn ?? log.info)('a message was acknowledged before enough replicas confirmed it', {
      wanted: settings.durability.waitReplicas,
      confirmed,
    });
  };
  return {
    shape: settings.shape,
    durability: { ...settings.durability, short, ...(via ? { via } : {}) },
    client,
    subscriber: () => subscriberOf(client),
    close: async () => {
      await Promise.all([client, ...(via ? [via] : [])].map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
