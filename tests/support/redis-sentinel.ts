import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, onFreePorts } from './free-port';
import { pollUntil } from './poll';
import type { NodeAddress } from './redis-cluster';
import { askRedis, infoFields } from './redis-ask';
import {
  REPLICATION_ARGS,
  SENTINEL_READY,
  serverArgs,
  startRedisProcess,
  type RedisProcess,
} from './redis-process';
import { allSettledOrThrow } from './settle';

/**
 * A real Sentinel group for tests: a primary, one replica, and `sentinels` redis-server --sentinel
 * processes watching them, all on 127.0.0.1 with their own dirs and free ports.
 */
export interface RedisSentinelOptions {
  readonly sentinels?: number;
  /** Low so a killed primary is seen down, and replaced, within a few seconds. */
  readonly downAfterMs?: number;
  /** Also how soon a failed election is retried (twice this): keep it low for tests. */
  readonly failoverTimeoutMs?: number;
  readonly durable?: boolean;
}

export interface RedisSentinelGroup {
  /** The master name the sentinels monitor (ioredis' `name`). */
  readonly name: string;
  readonly sentinels: readonly NodeAddress[];
  /** The primary a sentinel names right now (SENTINEL get-master-addr-by-name). */
  primaryPort(): Promise<number>;
  /** SIGKILL the current primary; it stays down. */
  killPrimary(): Promise<void>;
  /** The new primary once every live sentinel names the same one other than `oldPort`, and it says role:master. */
  waitFailover(oldPort: number, timeoutMs?: number): Promise<number>;
  /** Sentinels first (no failover during teardown), then the data nodes; the dirs are removed. */
  stop(): Promise<void>;
}

const NAME = 'relais';

function sentinelConf(
  port: number,
  dir: string,
  primaryPort: number,
  quorum: number,
  downAfterMs: number,
  failoverTimeoutMs: number,
): string {
  return [
    `port ${port}`,
    'bind 127.0.0.1',
    `dir ${dir}`,
    'protected-mode no',
    // Addresses stay IPs: nothing to resolve, nothing that differs between sentinels.
    'sentinel resolve-hostnames no',
    'sentinel announce-hostnames no',
    `sentinel monitor ${NAME} 127.0.0.1 ${primaryPort} ${quorum}`,
    `sentinel down-after-milliseconds ${NAME} ${downAfterMs}`,
    `sentinel failover-timeout ${NAME} ${failoverTimeoutMs}`,
    `sentinel parallel-syncs ${NAME} 1`,
    '',
  ].join('\n');
}

/** Pairs of a RESP map returned as a flat array (SENTINEL replicas / sentinels entries). */
function fields(entry: unknown): Map<string, string> {
  const flat = entry as string[];
  const out = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) out.set(String(flat[i]), String(flat[i + 1]));
  return out;
}

/** True once this sentinel sees a healthy replica and every other sentinel, and can reach quorum. */
async function sentinelReady(port: number, otherSentinels: number): Promise<boolean> {
  const replicas = (await askRedis(port, 'SENTINEL', 'replicas', NAME)) as unknown[];
  const peers = (await askRedis(port, 'SENTINEL', 'sentinels', NAME)) as unknown[];
  const healthy = (entry: unknown) => fields(entry).get('flags')?.split(',').length === 1;
  if (!replicas.some(healthy) || peers.filter(healthy).length < otherSentinels) return false;
  await askRedis(port, 'SENTINEL', 'ckquorum', NAME); // throws while quorum is out of reach
  return true;
}

async function role(port: number): Promise<string | undefined> {
  return infoFields(await askRedis(port, 'INFO', 'replication')).get('role');
}

/** A primary, a replica and `sentinels` sentinels on loopback ports (new ones if a port was taken). */
export function startRedisSentinel(options: RedisSentinelOptions = {}): Promise<RedisSentinelGroup> {
  return onFreePorts(() => startSentinelOnce(options));
}

async function startSentinelOnce(options: RedisSentinelOptions): Promise<RedisSentinelGroup> {
  const count = options.sentinels ?? 3;
  const downAfterMs = options.downAfterMs ?? 1_000;
  const failoverTimeoutMs = options.failoverTimeoutMs ?? 3_000;
  const durable = options.durable ?? false;
  const root = mkdtempSync(join(tmpdir(), 'relais-sentinel-'));
  const [primaryPort = 0, replicaPort = 0, ...sentinelPorts] = await freePorts(2 + count);
  const data = new Map<number, RedisProcess>();
  const watchers: RedisProcess[] = [];
  const dirFor = (label: string): string => {
    const dir = join(root, label);
    mkdirSync(dir);
    return dir;
  };
  const dataArgs = (port: number): string[] => [
    ...serverArgs(port, dirFor(`data-${port}`), durable),
    ...REPLICATION_ARGS,
  ];
  const stop = async (): Promise<void> => {
    await Promise.all(watchers.map((w) => w.stop()));
    await Promise.all([...data.values()].map((d) => d.stop()));
    rmSync(root, { recursive: true, force: true });
  };
  const primaryPortNow = async (): Promise<number> => {
    for (const watcher of watchers) {
      if (!watcher.alive()) continue;
      try {
        const [, port] = (await askRedis(
          watcher.port,
          'SENTINEL',
          'get-master-addr-by-name',
          NAME,
        )) as string[];
        return Number(port);
      } catch {
        // This sentinel is down or busy: ask the next one.
      }
    }
    throw new Error('no sentinel names a primary');
  };
  const group: RedisSentinelGroup = {
    name: NAME,
    sentinels: sentinelPorts.map((port) => ({ host: '127.0.0.1', port })),
    primaryPort: primaryPortNow,
    async killPrimary() {
      const port = await primaryPortNow();
      const primary = data.get(port);
      if (!primary) throw new Error(`the sentinels name ${port}, which is not one of this group's servers`);
      await primary.kill();
    },
    waitFailover(oldPort, timeoutMs = 20_000) {
      return pollUntil(
        async () => {
          const live = watchers.filter((w) => w.alive());
          const named = await Promise.all(
            live.map((w) => askRedis(w.port, 'SENTINEL', 'get-master-addr-by-name', NAME)),
          );
          const ports = new Set(named.map((reply) => Number((reply as string[])[1])));
          const [port] = ports;
          if (ports.size !== 1 || port === undefined || port === oldPort) return undefined;
          return (await role(port)) === 'master' ? port : undefined;
        },
        `sentinels to promote a replica of ${oldPort}`,
        timeoutMs,
      );
    },
    stop,
  };
  try {
    data.set(primaryPort, await startRedisProcess(primaryPort, dataArgs(primaryPort)));
    const replicaArgs = [...dataArgs(replicaPort), '--replicaof', '127.0.0.1', String(primaryPort)];
    data.set(replicaPort, await startRedisProcess(replicaPort, replicaArgs));
    // Sentinels learn replicas from the primary's INFO: let the replica attach first.
    await pollUntil(
      async () =>
        infoFields(await askRedis(replicaPort, 'INFO', 'replication')).get('master_link_status') === 'up'
          ? true
          : undefined,
      'the replica to sync',
      10_000,
    );
    const quorum = Math.min(2, count);
    await allSettledOrThrow(
      sentinelPorts.map(async (port) => {
        const dir = dirFor(`sentinel-${port}`);
        const conf = join(dir, 'sentinel.conf');
        writeFileSync(conf, sentinelConf(port, dir, primaryPort, quorum, downAfterMs, failoverTimeoutMs));
        watchers.push(await startRedisProcess(port, [conf, '--sentinel'], { readyLine: SENTINEL_READY }));
      }),
    );
    await pollUntil(
      async () =>
        (await Promise.all(watchers.map((w) => sentinelReady(w.port, count - 1)))).every(Boolean)
          ? true
          : undefined,
      'every sentinel to see the replica and the other sentinels',
      15_000,
      100,
    );
    return group;
  } catch (err) {
    await stop();
    throw err;
  }
}
