import { startRedisCluster, type RedisCluster } from '../../support/redis-cluster';
import { askRedis } from '../../support/redis-ask';
import { startRedisSentinel, type RedisSentinelGroup } from '../../support/redis-sentinel';
import { DirectLineCustomer } from './direct-line-client';
import { RelaisProcess } from '../../support/relais-process';

const PREFIX = 'failover';
const QUESTION = 'Comment annuler une réservation ?';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const PROCESS_ENV = {
  REDIS_PREFIX: PREFIX,
  RATE_LIMIT_IP_PER_MINUTE: '0',
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '0',
};

/** Customers who keep writing; every 200 is a message the customer was told is saved. */
class Load {
  readonly acked = new Map<DirectLineCustomer, string[]>();
  readonly statuses = new Map<number, number>();
  private running = true;
  private readonly loops: Promise<void>[] = [];

  constructor(customers: readonly DirectLineCustomer[]) {
    for (const [n, customer] of customers.entries()) {
      this.acked.set(customer, []);
      this.loops.push(this.write(customer, n));
    }
  }

  private async write(customer: DirectLineCustomer, n: number): Promise<void> {
    for (let i = 0; this.running; i++) {
      const id = `load-${n}-${i}`;
      const answer = await customer.say(QUESTION, id).catch(() => ({ status: 0 }));
      this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 200) this.acked.get(customer)!.push(id);
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }
}

/** Time from now until a new message of `probe` is acknowledged and answered by the bot. */
async function msUntilAnswered(probe: DirectLineCustomer, limitMs: number): Promise<number> {
  const started = Date.now();
  for (let i = 0; Date.now() - started < limitMs; i++) {
    const before = (await probe.replies().catch(() => undefined))?.length;
    if (before !== undefined) {
      const answer = await probe.say(QUESTION, `probe-${i}`).catch(() => ({ status: 0 }));
      if (answer.status === 200)
        for (let poll = 0; poll < 50; poll++) {
          const now = (await probe.replies().catch(() => [])).length;
          if (now > before) return Date.now() - started;
          await sleep(50);
        }
    }
    await sleep(100);
  }
  return Number.POSITIVE_INFINITY;
}

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
