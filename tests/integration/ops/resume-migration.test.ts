import { Redis } from 'ioredis';
import { resumeSlotMigrations } from '../../../bot/redis/resume-migration';
import { askRedis, infoFields } from '../../support/redis-ask';
import { parseClusterNodes } from '../../support/cluster-nodes';
import { pollUntil } from '../../support/poll';
import { startRedisCluster, type RedisCluster } from '../../support/redis-cluster';
import { SlotMigration } from '../../support/redis-slot-migration';

// Keys of one slot (same hash tag), written straight to the nodes: no Relais in between.
const LIST = '{resume}:list';
const HASH = '{resume}:hash';
const SAME = '{resume}:same';

/** A key of a slot the node imports: ASKING and the command on one connection. */
async function askImporting(port: number, ...args: string[]): Promise<unknown> {
  const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    await redis.call('ASKING');
    return await redis.call(args[0]!, ...args.slice(1));
  } finally {
    redis.disconnect();
  }
}

describe('resumeSlotMigrations: a key on both the promoted owner and the target', () => {
  let cluster: RedisCluster;
  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  test('is never overwritten: lists merged in order, a hash field changed on both sides reported', async () => {
    const slot = Number(await askRedis(cluster.nodes[0]!.port, 'CLUSTER', 'KEYSLOT', LIST));
    const source = await cluster.primaryPortOf(slot);
    const primaries = (await cluster.primaryPorts()).sort((a, b) => a - b);
    const target = primaries[(primaries.indexOf(source) + 1) % primaries.length]!;
    // Just after the cluster starts, the source may not have heard of its replica yet (gossip).
    const replica = await pollUntil(
      async () => {
        const nodes = parseClusterNodes(String(await askRedis(source, 'CLUSTER', 'NODES')));
        const sourceId = nodes.find((n) => n.port === source)?.id;
        return nodes.find((n) => n.primaryId === sourceId)?.port;
      },
      `a replica of ${source} in its CLUSTER NODES`,
      10_000,
    );

    await askRedis(source, 'RPUSH', LIST, 'a', 'b');
    await askRedis(source, 'HSET', HASH, 'status', 'open', 'agent', 'alice');
    await askRedis(source, 'SET', SAME, 'x');
    const migration = await SlotMigration.between(source, target);
    await migration.open(slot);
    while ((await migration.moveKeys(slot, 100)) > 0);
    await askRedis(source, 'WAIT', 1, 1_000);
    await cluster.kill(source);
    await pollUntil(
      async () =>
        infoFields(await askRedis(replica, 'INFO', 'replication')).get('role') === 'master'
          ? true
          : undefined,
      'the replica promoted',
      10_000,
      100,
    );
    // Written on the promoted owner before any repair: it knows nothing of the migration, so these
    // make second copies of keys already on the target.
    await askRedis(replica, 'RPUSH', LIST, 'c');
    await askRedis(replica, 'HSET', HASH, 'status', 'closed');
    await askRedis(replica, 'SET', SAME, 'x');
    const seeds = cluster.nodes.filter((n) => n.port !== source);

    // no-owner until every node has heard of the promotion.
    const refused = await pollUntil(
      async () => {
        const outcomes = await resumeSlotMigrations({ nodes: seeds, slots: [slot] });
        return outcomes[0]?.state === 'no-owner' ? undefined : outcomes;
      },
      'the promotion known to the target',
      10_000,
      50,
    );
    expect(refused).toMatchObject([{ state: 'left-open', moved: 0 }]);
    const refusedKeys = refused[0]!.state === 'left-open' ? refused[0]!.conflicts.map((c) => c.key) : [];
    expect(refusedKeys.sort()).toEqual([HASH, LIST, SAME].sort());
    // Nothing was overwritten: the target's copies are as acknowledged.
    expect(await askImporting(target, 'LRANGE', LIST, '0', '-1')).toEqual(['a', 'b']);

    const merged = await resumeSlotMigrations({ nodes: seeds, slots: [slot], onConflict: 'merge' });
    expect(merged).toMatchObject([
      {
        state: 'left-open',
        merged: expect.arrayContaining([LIST, SAME]),
        conflicts: [{ key: HASH, reason: 'hash field "status" differs' }],
      },
    ]);
    expect(await askImporting(target, 'LRANGE', LIST, '0', '-1')).toEqual(['a', 'b', 'c']);

    // Settled by a person (here: the promoted owner's copy dropped), the slot closes.
    await askRedis(replica, 'DEL', HASH);
    expect(await resumeSlotMigrations({ nodes: seeds, slots: [slot] })).toMatchObject([
      { state: 'finished' },
    ]);
    expect(await askRedis(target, 'HGET', HASH, 'status')).toBe('open');
    expect(await askRedis(target, 'LRANGE', LIST, 0, -1)).toEqual(['a', 'b', 'c']);
  }, 60_000);
});
