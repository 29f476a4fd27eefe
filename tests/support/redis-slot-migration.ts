import { askRedis } from './redis-ask';

/**
 * Moves Cluster slots from one primary to another with the protocol `redis-cli --cluster reshard`
 * speaks, one step at a time, so a test can crash a node between two steps (reshard only takes a
 * slot count, never chosen slots, and runs to the end):
 * 1. `open`: IMPORTING on the target, then MIGRATING on the source (that order, so the source never
 *    ASKs clients to a target that would refuse them);
 * 2. `moveKeys`: MIGRATE batches of the slot's keys; the slot is then split over both nodes and
 *    clients follow ASK (missing here, asked there) or get TRYAGAIN (a multi-key command half moved);
 * 3. `close`: SETSLOT NODE on the target, the source, then every other primary.
 */
export class SlotMigration {
  private constructor(
    readonly sourcePort: number,
    readonly targetPort: number,
    private readonly sourceId: string,
    private readonly targetId: string,
  ) {}

  static async between(sourcePort: number, targetPort: number): Promise<SlotMigration> {
    const [sourceId, targetId] = await Promise.all(
      [sourcePort, targetPort].map(async (port) => String(await askRedis(port, 'CLUSTER', 'MYID'))),
    );
    return new SlotMigration(sourcePort, targetPort, sourceId!, targetId!);
  }

  async open(slot: number): Promise<void> {
    await askRedis(this.targetPort, 'CLUSTER', 'SETSLOT', slot, 'IMPORTING', this.sourceId);
    await askRedis(this.sourcePort, 'CLUSTER', 'SETSLOT', slot, 'MIGRATING', this.targetId);
  }

  /** Moves up to `limit` of the slot's keys (reshard's default pipeline is 10 a batch); returns how many. */
  async moveKeys(slot: number, limit: number, batch = 10): Promise<number> {
    const keys = (await askRedis(this.sourcePort, 'CLUSTER', 'GETKEYSINSLOT', slot, limit)) as string[];
    for (let at = 0; at < keys.length; at += batch) {
      const some = keys.slice(at, at + batch);
      await askRedis(this.sourcePort, 'MIGRATE', '127.0.0.1', this.targetPort, '', 0, 5_000, 'KEYS', ...some);
    }
    return keys.length;
  }

  /** Hands the slot to the target once the source holds none of its keys. */
  async close(slot: number, otherPrimaries: readonly number[]): Promise<void> {
    while ((await this.moveKeys(slot, 100)) > 0);
    for (const port of [this.targetPort, this.sourcePort, ...otherPrimaries])
      await askRedis(port, 'CLUSTER', 'SETSLOT', slot, 'NODE', this.targetId);
  }
}
