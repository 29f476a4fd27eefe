import { Redis } from 'ioredis';
import { z } from 'zod';

// What a Cluster's nodes say of themselves (CLUSTER NODES), as the migration repair reads it.

export interface ClusterAddress {
  readonly host: string;
  readonly port: number;
}

export interface NodeLine {
  readonly id: string;
  readonly address: ClusterAddress;
  readonly flags: readonly string[];
  /** The primary's id for a replica, '-' for a primary. */
  readonly primaryId: string;
  readonly slots: readonly (readonly [number, number])[];
  /** Only on the `myself` line: slot → the node it imports from / migrates to. */
  readonly importing: ReadonlyMap<number, string>;
  readonly migrating: ReadonlyMap<number, string>;
}

/** A Cluster hash slot. */
export const slotSchema = z.number().int().min(0).max(16383);
// <id> <ip:port@cport[,hostname]> <flags> <master> <ping> <pong> <epoch> <link> <slot>…
const lineSchema = z
  .string()
  .transform((line) => line.trim().split(' '))
  .pipe(z.array(z.string()).min(8));

function parseNodes(text: string): NodeLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((raw) => {
      const [id, address, flags, primaryId, , , , , ...slotFields] = lineSchema.parse(raw) as [
        string,
        string,
        string,
        string,
        ...string[],
      ];
      const hostPort = address.split('@')[0] ?? '';
      const at = hostPort.lastIndexOf(':');
      const slots: [number, number][] = [];
      const importing = new Map<number, string>();
      const migrating = new Map<number, string>();
      for (const field of slotFields) {
        const open = /^\[(\d+)-([<>])-([0-9a-f]+)\]$/.exec(field);
        if (open) (open[2] === '<' ? importing : migrating).set(Number(open[1]), open[3]!);
        else {
          const [from, to = from] = field.split('-').map(Number);
          if (from !== undefined && to !== undefined) slots.push([from, to]);
        }
      }
      return {
        id,
        address: { host: hostPort.slice(0, at), port: Number(hostPort.slice(at + 1)) },
        flags: flags.split(','),
        primaryId,
        slots,
        importing,
        migrating,
      };
    });
}

export const owns = (node: NodeLine, slot: number) =>
  node.slots.some(([from, to]) => slot >= from && slot <= to);
export const isLiveMaster = (node: NodeLine) =>
  node.flags.includes('master') && !node.flags.includes('fail') && !node.flags.includes('fail?');

/** One admin connection per node: no retries, so an unreachable node fails fast. */
function connect(address: ClusterAddress): Redis {
  const redis = new Redis({
    host: address.host,
    port: address.port,
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined); // failures come back through the commands' promises
  return redis;
}

export interface LiveNode {
  readonly self: NodeLine;
  /** Its whole CLUSTER NODES. */
  readonly view: readonly NodeLine[];
  readonly redis: Redis;
}

/** Every reachable node with its own view of itself (where the open-slot markers are). */
export async function liveNodes(seeds: readonly ClusterAddress[]): Promise<LiveNode[]> {
  const seen = new Map<string, ClusterAddress>();
  const found: LiveNode[] = [];
  const queue = [...seeds];
  for (let address = queue.shift(); address; address = queue.shift()) {
    const key = `${address.host}:${address.port}`;
    if (seen.has(key)) continue;
    seen.set(key, address);
    const redis = connect(address);
    try {
      await redis.connect();
      const lines = parseNodes(String(await redis.call('CLUSTER', 'NODES')));
      const self = lines.find((line) => line.flags.includes('myself'));
      if (!self) throw new Error('no myself line');
      found.push({ self, view: lines, redis });
      for (const line of lines) if (!line.flags.includes('fail')) queue.push(line.address);
    } catch {
      redis.disconnect(); // down (the crashed node, typically): the others say what is needed
    }
  }
  if (found.length === 0)
    throw new Error(`no cluster node answers at ${seeds.map((a) => `${a.host}:${a.port}`).join(', ')}`);
  return found;
}
