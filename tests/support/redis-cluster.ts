import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isServingPrimary, parseClusterNodes, servesSlot } from './cluster-nodes';
import { freePorts, onFreePorts } from './free-port';
import { pollUntil } from './poll';
import { allSettledOrThrow } from './settle';
import { askRedis, infoFields } from './redis-ask';
import { REPLICATION_ARGS, serverArgs, startRedisProcess, type RedisProcess } from './redis-process';

/**
 * A real Redis Cluster for tests: `primaries` × (1 + `replicasPerPrimary`) redis-server nodes on
 * 127.0.0.1, each with its own dir and free ports, joined by `redis-cli --cluster create`.
 */
export interface RedisClusterOptions {
  readonly primaries?: number;
  readonly replicasPerPrimary?: number;
  /** Low so a killed primary is declared failed, and replaced, within a couple of seconds. */
  readonly nodeTimeoutMs?: number;
  /** Appendonly with fsync at every write (as the standalone launcher); off by default. */
  readonly durable?: boolean;
}

export interface NodeAddress {
  readonly host: '127.0.0.1';
  readonly port: number;
}

export interface RedisCluster {
  readonly nodes: readonly NodeAddress[];
  /** Every node gets SIGTERM, then the dirs are removed. */
  stop(): Promise<void>;
  /** SIGKILL one node; it stays down until `restart`. */
  kill(port: number): Promise<void>;
  /** Starts a killed node again with its dir and nodes.conf: it rejoins (as a replica if replaced). */
  restart(port: number): Promise<void>;
  /** The primaries serving slots right now, as a live node sees them (CLUSTER NODES). */
  primaryPorts(): Promise<number[]>;
  /** The primary serving `slot` right now, as a live node sees it. */
  primaryPortOf(slot: number): Promise<number>;
  /** Until every live node says cluster_state:ok, all slots served, the same slot owners, replicas in sync. */
  waitHealthy(timeoutMs?: number): Promise<void>;
}

const SLOTS = 16384;
const run = promisify(execFile);

function nodeArgs(
  port: number,
  busPort: number,
  dir: string,
  nodeTimeoutMs: number,
  durable: boolean,
): string[] {
  return [
    ...serverArgs(port, dir, durable),
    ...REPLICATION_ARGS,
    '--cluster-enabled',
    'yes',
    '--cluster-config-file',
    join(dir, `nodes-${port}.conf`),
    '--cluster-node-timeout',
    String(nodeTimeoutMs),
    // Free ports are ephemeral ones: port + 10000 (the default bus port) may be taken or > 65535.
    '--cluster-port',
    String(busPort),
    // A replica takes over however long it has been cut from its primary: a test kills at will.
    '--cluster-replica-validity-factor',
    '0',
  ];
}

/** A node's view, reduced to what every healthy node must agree on: who serves which slots. */
async function slotOwners(port: number): Promise<string | undefined> {
  const info = infoFields(await askRedis(port, 'CLUSTER', 'INFO'));
  if (info.get('cluster_state') !== 'ok' || info.get('cluster_slots_ok') !== String(SLOTS)) return undefined;
  const replication = infoFields(await askRedis(port, 'INFO', 'replication'));
  if (replication.get('role') === 'slave' && replication.get('master_link_status') !== 'up') return undefined;
  const nodes = parseClusterNodes(String(await askRedis(port, 'CLUSTER', 'NODES')));
  return nodes
    .filter(isServingPrimary)
    .map((node) => `${node.port}:${node.slots.join(',')}`)
    .sort()
    .join(' ');
}

export function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
  return onFreePorts(() => startClusterOnce(options));
}

async function startClusterOnce(options: RedisClusterOptions): Promise<RedisCluster> {
  const primaries = options.primaries ?? 3;
  const replicas = options.replicasPerPrimary ?? 1;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 1_000;
  // redis-cli refuses fewer: a failover needs a majority of primaries to agree.
  if (primaries < 3) throw new Error('a Redis Cluster needs at least 3 primaries');
  const count = primaries * (1 + replicas);
  const root = mkdtempSync(join(tmpdir(), 'relais-cluster-'));
  const ports = await freePorts(count * 2);
  const processes = new Map<number, RedisProcess>();
  const stop = async (): Promise<void> => {
    await Promise.all([...processes.values()].map((node) => node.stop()));
    rmSync(root, { recursive: true, force: true });
  };
  const node = (port: number): RedisProcess => {
    const found = processes.get(port);
    if (!found) throw new Error(`no cluster node on port ${port}`);
    return found;
  };
  const liveNodeView = async () => {
    for (const { port, alive } of processes.values()) {
      if (!alive()) continue;
      try {
        return parseClusterNodes(String(await askRedis(port, 'CLUSTER', 'NODES')));
      } catch {
        // Just killed or not up yet: ask the next one.
      }
    }
    throw new Error('no live cluster node answers CLUSTER NODES');
  };
  const cluster: RedisCluster = {
    nodes: ports.slice(0, count).map((port) => ({ host: '127.0.0.1', port })),
    stop,
    kill: (port) => node(port).kill(),
    restart: (port) => node(port).restart(),
    async primaryPorts() {
      return (await liveNodeView()).filter(isServingPrimary).map((n) => n.port);
    },
    async primaryPortOf(slot) {
      const owner = (await liveNodeView()).find((n) => isServingPrimary(n) && servesSlot(n, slot));
      if (!owner) throw new Error(`no live primary serves slot ${slot}`);
      return owner.port;
    },
    async waitHealthy(timeoutMs = 15_000) {
      await pollUntil(
        async () => {
          const live = [...processes.values()].filter((p) => p.alive());
          const views = await Promise.all(live.map((p) => slotOwners(p.port)));
          const agreed = views[0] !== undefined && views.every((view) => view === views[0]);
          return agreed ? true : undefined;
        },
        'a healthy Redis Cluster',
        timeoutMs,
        100,
      );
    },
  };
  try {
    await allSettledOrThrow(
      cluster.nodes.map(async ({ port }, i) => {
        const dir = join(root, `node-${port}`);
        mkdirSync(dir);
        const busPort = ports[count + i] as number;
        const args = nodeArgs(port, busPort, dir, nodeTimeoutMs, options.durable ?? false);
        processes.set(port, await startRedisProcess(port, args));
      }),
    );
    const addresses = cluster.nodes.map(({ host, port }) => `${host}:${port}`);
    await run(
      'redis-cli',
      ['--cluster', 'create', ...addresses, '--cluster-replicas', String(replicas), '--cluster-yes'],
      {
        timeout: 30_000,
      },
    );
    await cluster.waitHealthy();
    return cluster;
  } catch (err) {
    await stop();
    throw err;
  }
}
