import type { NodeAddress } from './redis-cluster';

/**
 * How globalSetup hands the shared Cluster and Sentinel group to the suites (workers are other
 * processes: only env vars cross), and how a suite reads them back.
 */
export const CLUSTER_NODES_VAR = 'RELAIS_TEST_REDIS_CLUSTER_NODES';
export const SENTINELS_VAR = 'RELAIS_TEST_REDIS_SENTINELS';
export const SENTINEL_NAME_VAR = 'RELAIS_TEST_REDIS_SENTINEL_NAME';

export function formatAddresses(nodes: readonly NodeAddress[]): string {
  return nodes.map(({ host, port }) => `${host}:${port}`).join(',');
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: the "redis" jest project starts the shared Redis Cluster and Sentinel group in its ` +
        'globalSetup; a suite under tests/unit has none (move it to tests/contract or tests/integration)',
    );
  return value;
}

function parseAddresses(name: string): NodeAddress[] {
  return required(name)
    .split(',')
    .map((address) => {
      const [host, port] = address.split(':');
      if (host !== '127.0.0.1' || !Number.isInteger(Number(port)))
        throw new Error(`${name}: bad address "${address}"`);
      return { host, port: Number(port) };
    });
}

/** The shared cluster's nodes, as ioredis' `new Cluster(nodes)` takes them. */
export function testClusterNodes(): NodeAddress[] {
  return parseAddresses(CLUSTER_NODES_VAR);
}

/** The shared sentinel group, as ioredis' `new Redis({ sentinels, name })` takes it. */
export function testSentinels(): { sentinels: NodeAddress[]; name: string } {
  return { sentinels: parseAddresses(SENTINELS_VAR), name: required(SENTINEL_NAME_VAR) };
}
