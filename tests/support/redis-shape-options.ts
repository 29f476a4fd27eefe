import type { ClusterOptions, RedisOptions } from 'ioredis';

/**
 * ioredis options that carry a client through a primary's kill -9 on the Cluster and Sentinel
 * shapes (measured against tests/support's launchers: a failover takes ~2.5–4 s there), for the
 * product's connection module to take as they are.
 *
 * Cluster — the redirection budget is what matters. Every retry of a command, whatever its cause,
 * spends one of `maxRedirections` (default 16), and during a failover the retries come fast:
 * live nodes answer MOVED to the dead primary (retried after `retryDelayOnMoved`, default 0 ms),
 * its connection is refused ("Connection is closed", `retryDelayOnFailover`, 100 ms) and then
 * CLUSTERDOWN once it is marked failed (`retryDelayOnClusterDown`, 100 ms). With the defaults a
 * command fails with "Too many Cluster redirections" after ~1 s, before the replica is promoted;
 * only `retryDelayOnMoved: 200` still fails at ~2 s. 100 retries at ≥ 100 ms each wait ~10 s, then
 * the command fails (a dead shard is an outage, not a hang). `clusterRetryStrategy` and
 * `redisOptions.maxRetriesPerRequest` play no part here (one node down, the others reachable).
 */
export const clusterFailoverOptions: ClusterOptions = {
  maxRedirections: 100,
  // No busy MOVED ping-pong toward the dead primary while the cluster has not noticed yet.
  retryDelayOnMoved: 100,
  retryDelayOnFailover: 100,
  retryDelayOnClusterDown: 100,
};

/**
 * Sentinel — each reconnect asks the sentinels for the primary again, so what matters is that a
 * command outlives the failover: `maxRetriesPerRequest` reconnects spaced by `retryStrategy`. The
 * product's standalone values (3 retries, 100 ms steps) give up after ~0.6 s, during the failover;
 * 20 retries at 100–500 ms wait ~9 s and reconnect within 0.5 s of the promotion. The sentinel
 * defaults for the rest are fine: `sentinelRetryStrategy` only applies when no sentinel answers,
 * and `failoverDetector` (+switch-master) is not needed when the old primary's socket is cut.
 */
export const sentinelFailoverOptions: RedisOptions = {
  maxRetriesPerRequest: 20,
  retryStrategy: (attempt) => Math.min(attempt * 100, 500),
};
