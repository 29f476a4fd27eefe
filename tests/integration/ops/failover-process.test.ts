import { startRedisCluster, type RedisCluster } from '../../support/redis-cluster';
import { askRedis } from '../../support/redis-ask';
import { startRedisSentinel, type RedisSentinelGroup } from '../../support/redis-sentinel';
import { DirectLineCustomer } from './direct-line-client';
import { RelaisProcess } from '../../support/relais-process';
import { Load, msUntilAnswered, sleep } from './failover-load';

const PREFIX = 'failover';
const PROCESS_ENV = {
  REDIS_PREFIX: PREFIX,
  RATE_LIMIT_IP_PER_MINUTE: '0',
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '0',
};

/** A primary killed -9 mid-conversation: the bot answers again within 10 s, no acknowledged message lost. */
async function survivesPrimaryKill(relais: RelaisProcess, kill: () => Promise<void>): Promise<void> {
  const customers = await Promise.all(Array.from({ length: 4 }, () => DirectLineCustomer.start(relais.url)));
  const probe = (await DirectLineCustomer.start(relais.url))!;
  expect(customers.every(Boolean)).toBe(true);
  const load = new Load(customers as DirectLineCustomer[]);
  await sleep(1_500);
  await kill();
  const recoveredMs = await msUntilAnswered(probe, 15_000);
  await sleep(1_500);
  await load.stop();

  expect(recoveredMs).toBeLessThan(10_000);
  expect(load.statuses.get(200) ?? 0).toBeGreaterThan(20);
  for (const [customer, ids] of load.acked) {
    const logged = (await customer.activities()).flatMap((a) => a.channelData?.clientActivityID ?? []);
    const acknowledged = new Set(ids);
    expect(logged.filter((id) => acknowledged.has(id))).toEqual(ids);
  }
  expect(relais.exited).toBeUndefined();
  expect(relais.stderr.join('')).not.toMatch(/Unhandled|unhandledRejection|uncaughtException/);
}

describe('Sentinel: the primary killed -9 mid-conversation', () => {
  let group: RedisSentinelGroup;
  let relais: RelaisProcess;
  beforeAll(async () => {
    group = await startRedisSentinel();
    relais = await RelaisProcess.start({
      ...PROCESS_ENV,
      REDIS_SENTINELS: group.sentinels.map((s) => `${s.host}:${s.port}`).join(','),
      REDIS_SENTINEL_NAME: group.name,
    });
  }, 60_000);
  afterAll(async () => {
    await relais?.stop();
    await group?.stop();
  });

  test('a replica is promoted; the bot answers again within 10 s and every acknowledged message is there', async () => {
    await survivesPrimaryKill(relais, () => group.killPrimary());
  }, 60_000);
});

describe('Cluster: the primary of the deployment slot killed -9 mid-conversation', () => {
  let cluster: RedisCluster;
  let relais: RelaisProcess;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    relais = await RelaisProcess.start({
      ...PROCESS_ENV,
      REDIS_CLUSTER_NODES: cluster.nodes.map((n) => `${n.host}:${n.port}`).join(','),
    });
  }, 60_000);
  afterAll(async () => {
    await relais?.stop();
    await cluster?.stop();
  });

  test('its replica takes the slot over; the bot answers again within 10 s and every acknowledged message is there', async () => {
    const anyNode = cluster.nodes[0]!.port;
    // The Direct Line logs and the turn ledger live in the deployment slot (keyspace/slots.ts).
    const slot = Number(await askRedis(anyNode, 'CLUSTER', 'KEYSLOT', `{${PREFIX}}:dl:pending`));
    const primary = await cluster.primaryPortOf(slot);
    await survivesPrimaryKill(relais, () => cluster.kill(primary));
  }, 60_000);
});
