/** One line of CLUSTER NODES, as the launcher needs it. */
export interface ClusterNodeLine {
  readonly id: string;
  readonly port: number;
  readonly flags: readonly string[];
  /** The primary's id for a replica, '-' for a primary. */
  readonly primaryId: string;
  /** Slot ranges as printed ("0-5460", "5461"); importing/migrating markers are left out. */
  readonly slots: readonly string[];
}

// <id> <ip:port@cport[,hostname]> <flags> <master> <ping-sent> <pong-recv> <epoch> <link-state> <slot> ...
export function parseClusterNodes(text: string): ClusterNodeLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id = '', address = '', flags = '', primaryId = '', , , , , ...slots] = line.trim().split(' ');
      const port = Number(address.split('@')[0]?.split(':')[1]);
      return { id, port, flags: flags.split(','), primaryId, slots: slots.filter((s) => !s.startsWith('[')) };
    });
}

/** A primary that serves slots and that this node does not think is failing. */
export function isServingPrimary(node: ClusterNodeLine): boolean {
  return (
    node.flags.includes('master') &&
    !node.flags.includes('fail') &&
    !node.flags.includes('fail?') &&
    node.slots.length > 0
  );
}

export function servesSlot(node: ClusterNodeLine, slot: number): boolean {
  return node.slots.some((range) => {
    const [from, to = from] = range.split('-').map(Number);
    return from !== undefined && to !== undefined && slot >= from && slot <= to;
  });
}
