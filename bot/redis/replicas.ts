import { Cluster } from 'ioredis';
import type { RedisClient } from './client';
import type { RedisDurability } from './shape';

/** What a store needs to make an acknowledgement wait for replicas. */
export interface ReplicaWait extends RedisDurability {
  /** Told when fewer replicas than asked confirmed in time (the write stands: availability first). */
  readonly short?: (key: string, confirmed: number) => void;
  /**
   * The connection the waited writes and their WAIT go through. Its own: Redis holds every later
   * command of a connection in WAIT until replicas answer, so on the stores' shared connection one
   * customer's acknowledgement would stall every other conversation's reads and writes.
   */
  readonly via?: RedisClient;
}

/** The client a store sends a write it will wait for through (`via` when waits are on). */
export function waitedWriter(client: RedisClient, wait: ReplicaWait | undefined): RedisClient {
  return wait && wait.waitReplicas > 0 && wait.via ? wait.via : client;
}

/**
 * Waits until `waitReplicas` replicas hold every write this connection made to the node serving
 * `key` (WAIT), so a promoted replica still has the message the customer or agent was told is
 * saved. On a Cluster the keyed EXISTS routes the pipeline, and its WAIT, to that key's primary.
 */
export async function replicated(
  client: RedisClient,
  wait: ReplicaWait | undefined,
  key: string,
): Promise<void> {
  if (!wait || wait.waitReplicas === 0) return;
  const replies = await client.pipeline().exists(key).wait(wait.waitReplicas, wait.waitTimeoutMs).exec();
  const [error, confirmed] = replies?.[1] ?? [new Error('no reply to WAIT'), 0];
  if (error) throw error;
  if (Number(confirmed) < wait.waitReplicas) wait.short?.(key, Number(confirmed));
}

/**
 * The same for writes to several keys: one WAIT covers every earlier write of the connection to
 * its node, so one suffices off a Cluster; on a Cluster each key's primary is asked (in parallel:
 * one connection per node).
 */
export async function replicatedAll(
  client: RedisClient,
  wait: ReplicaWait | undefined,
  keys: readonly [string, ...string[]],
): Promise<void> {
  if (!(client instanceof Cluster)) return replicated(client, wait, keys[0]);
  await Promise.all(keys.map((key) => replicated(client, wait, key)));
}
