import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, onFreePorts } from './free-port';
import { pollUntil } from './poll';
import { askRedis, infoFields } from './redis-ask';
import { REPLICATION_ARGS, serverArgs, startRedisProcess, type RedisProcess } from './redis-process';

/**
 * A primary and one replica on 127.0.0.1, no persistence: the smallest topology where `WAIT 1` has
 * something to wait for. No sentinels: nothing fails over.
 */
export interface ReplicaPair {
  readonly primaryUrl: string;
  readonly primaryPort: number;
  readonly replicaPort: number;
  stop(): Promise<void>;
}

async function linkUp(replicaPort: number): Promise<true | undefined> {
  const info = infoFields(await askRedis(replicaPort, 'INFO', 'replication'));
  return info.get('master_link_status') === 'up' ? true : undefined;
}

async function startOnce(): Promise<ReplicaPair> {
  const root = mkdtempSync(join(tmpdir(), 'relais-replica-pair-'));
  const [primaryPort = 0, replicaPort = 0] = await freePorts(2);
  const started: RedisProcess[] = [];
  const args = (port: number, label: string): string[] => {
    const dir = join(root, label);
    mkdirSync(dir); // one dir per node: two servers must not share a working directory
    return [...serverArgs(port, dir, false), ...REPLICATION_ARGS];
  };
  const stop = async (): Promise<void> => {
    // Replica first, so the primary is not left waiting on a replica that is going away.
    for (const node of [...started].reverse()) await node.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    started.push(await startRedisProcess(primaryPort, args(primaryPort, 'primary')));
    const replicaArgs = [...args(replicaPort, 'replica'), '--replicaof', '127.0.0.1', String(primaryPort)];
    started.push(await startRedisProcess(replicaPort, replicaArgs));
    await pollUntil(() => linkUp(replicaPort), 'the replica to sync', 10_000);
    return { primaryUrl: `redis://127.0.0.1:${primaryPort}`, primaryPort, replicaPort, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A primary and its replica on loopback ports (new ones if a port was taken meanwhile). */
export function startReplicaPair(): Promise<ReplicaPair> {
  return onFreePorts(startOnce);
}
