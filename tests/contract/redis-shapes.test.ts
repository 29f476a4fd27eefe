import { Cluster, Redis } from 'ioredis';
import { pollUntil } from '../support/poll';
import { uniquePrefix } from '../support/prefix';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster';
import { startRedisSentinel, type RedisSentinelGroup } from '../support/redis-sentinel';
import { clusterFailoverOptions, sentinelFailoverOptions } from '../support/redis-shape-options';
import { testClusterNodes, testSentinels } from '../support/redis-shapes';

// The Cluster and Sentinel launchers as the product will use them, through ioredis.

const quiet = <T extends { on(event: 'error', f: () => void): unknown }>(client: T): T => {
  // Failovers make clients log connection errors; each test asserts on its commands instead.
  client.on('error', () => undefined);
  return client;
};

describe('the shared Redis Cluster', () => {
  let cluster: Cluster;
  beforeAll(() => {
    cluster = quiet(new Cluster(testClusterNodes(), clusterFailoverOptions));
  });
  afterAll(async () => {
    await cluster.quit();
  });

  it('spreads keys over slots served by different primaries', async () => {
    const prefix = uniquePrefix('shapes');
    // Hash tags {b}, {c}, {a} sit in the three thirds of the slot range redis-cli assigns.
    const keys = ['{a}', '{b}', '{c}'].map((tag) => `${prefix}${tag}`);
    await Promise.all(keys.map((key, i) => cluster.set(key, `v${i}`)));
    expect(await Promise.all(keys.map((key) => cluster.get(key)))).toEqual(['v0', 'v1', 'v2']);
    const slots = await Promise.all(keys.map(async (key) => Number(await cluster.cluster('KEYSLOT', key))));
    expect(new Set(slots).size).toBe(3);
    expect(new Set(slots.map((slot) => cluster.slots[slot]?.[0])).size).toBe(3);
    await Promise.all(keys.map((key) => cluster.del(key)));
  });

  it('runs a Lua script over keys of one hash-tagged slot', async () => {
    const prefix = uniquePrefix('shapes');
    const [from, to] = [`${prefix}{account}:from`, `${prefix}{account}:to`];
    await cluster.set(from, '10');
    const script =
      "local n = redis.call('DECRBY', KEYS[1], ARGV[1]); redis.call('INCRBY', KEYS[2], ARGV[1]); return n";
    expect(await cluster.eval(script, 2, from, to, 3)).toBe(7);
    expect([await cluster.get(from), await cluster.get(to)]).toEqual(['7', '3']);
    await cluster.del(from, to);
  });

  it("has a replica acknowledge a write (WAIT 1 on the key's primary)", async () => {
    const key = `${uniquePrefix('shapes')}{wait}`;
    // A pipeline goes to the node of its key, so WAIT counts the replicas of that write's primary.
    const replies = await cluster.pipeline().set(key, 'x').call('WAIT', '1', '2000').exec();
    expect(replies?.[0]).toEqual([null, 'OK']);
    expect(replies?.[1]?.[1]).toBeGreaterThanOrEqual(1);
    await cluster.del(key);
  });
});

describe('the shared Sentinel group', () => {
  it('reads and writes on the primary the sentinels name, with its replica acknowledging', async () => {
    const redis = quiet(new Redis({ ...testSentinels(), ...sentinelFailoverOptions }));
    try {
      const key = `${uniquePrefix('shapes')}sentinel`;
      await redis.set(key, 'hello');
      expect(await redis.wait(1, 2000)).toBe(1);
      expect(await redis.get(key)).toBe('hello');
      expect((await redis.call('ROLE')) as unknown[]).toEqual(expect.arrayContaining(['master']));
      await redis.del(key);
    } finally {
      await redis.quit();
    }
  });
});

describe('failover', () => {
  let privateCluster: RedisCluster | undefined;
  let privateSentinel: RedisSentinelGroup | undefined;
  afterEach(async () => {
    await privateCluster?.stop();
    await privateSentinel?.stop();
    privateCluster = privateSentinel = undefined;
  });

  it('on a cluster: a write issued after kill -9 of its primary succeeds once a replica takes over', async () => {
    privateCluster = await startRedisCluster();
    const client = quiet(new Cluster([...privateCluster.nodes], clusterFailoverOptions));
    try {
      const [before, after] = ['{fo}:before', '{fo}:after'];
      const replies = await client.pipeline().set(before, 'kept').call('WAIT', '1', '2000').exec();
      expect(replies?.[1]?.[1]).toBe(1);
      const slot = Number(await client.cluster('KEYSLOT', before));
      const oldPrimary = await privateCluster.primaryPortOf(slot);
      const replicas = privateCluster.nodes.map((n) => n.port).filter((p) => p !== oldPrimary);

      const killedAt = Date.now();
      await privateCluster.kill(oldPrimary);
      // One call: ioredis retries through MOVED / closed / CLUSTERDOWN until the replica serves.
      await client.set(after, 'written');
      expect(await client.get(before)).toBe('kept');
      expect(await client.get(after)).toBe('written');
      expect(Date.now() - killedAt).toBeLessThan(10_000);

      // The node asked may not have heard of the promotion yet (gossip): one CI run found no owner.
      const cluster = privateCluster;
      const newPrimary = await pollUntil(
        () => cluster.primaryPortOf(slot),
        `a live primary for slot ${slot}`,
        5_000,
        100,
      );
      expect(newPrimary).not.toBe(oldPrimary);
      expect(replicas).toContain(newPrimary);
    } finally {
      client.disconnect();
    }
  });

  it('through sentinels: after kill -9 of the primary, the promoted replica has the data and takes writes', async () => {
    privateSentinel = await startRedisSentinel();
    const group = privateSentinel;
    const client = quiet(
      new Redis({ sentinels: [...group.sentinels], name: group.name, ...sentinelFailoverOptions }),
    );
    try {
      await client.set('before', 'kept');
      expect(await client.wait(1, 2000)).toBe(1);
      const oldPrimary = await group.primaryPort();

      const killedAt = Date.now();
      await group.killPrimary();
      expect(await client.get('before')).toBe('kept');
      await client.set('after', 'written');
      expect(await client.get('after')).toBe('written');
      expect(Date.now() - killedAt).toBeLessThan(10_000);

      expect(await group.waitFailover(oldPrimary, 10_000)).not.toBe(oldPrimary);
    } finally {
      client.disconnect();
    }
  });
});
