import type { RedisClient } from './client';
import type { RedisDurability } from './shape';

/** What a store needs to make an acknowledgement wait for replicas. */
export interface ReplicaWait extends RedisDurability {
  /** Told when fewer replicas than asked confirmed in time (the write stands: availability first). */
  readonly short?: (key: string, confirmed: number) => void;
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
