import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { Agent } from '../agent/clients';
import { deploymentTag, spreadTag } from '../../../keyspace/index';
import { askRedis } from '../../support/redis-ask';
import { startRedisCluster, type RedisCluster } from '../../support/redis-cluster';
import { SlotMigration } from '../../support/redis-slot-migration';
import {
  halfDoneMigrations,
  resumeSlotMigrations,
  type ResumeOutcome,
} from '../../../bot/redis/resume-migration';
import { pollUntil } from '../../support/poll';
import { RelaisProcess } from '../../support/relais-process';
import { DirectLineCustomer } from './direct-line-client';
import { AgentLoad, Load, msUntilAnswered, sleep } from './failover-load';

const PREFIX = 'migrate';

async function slotOf(cluster: RedisCluster, key: string): Promise<number> {
  return Number(await askRedis(cluster.nodes[0]!.port, 'CLUSTER', 'KEYSLOT', key));
}

/**
 * Every message of the customer's chat, by the customer's message id or the text. Read as Web Chat
 * polls, retrying a failed poll: one run in CI got "Too many Cluster redirections" (a 500) for a
 * read right after the repair, while the cluster's nodes were still agreeing on the slot's owner.
 */
async function chat(customer: DirectLineCustomer): Promise<{ ids: string[]; texts: string[] }> {
  const all = await pollUntil(() => customer.activities(), 'a chat read after the repair', 10_000, 200);
  const activities = all.filter((a) => a.type === 'message');
  return {
    ids: activities.flatMap((a) => a.channelData?.clientActivityID ?? []),
    texts: activities.flatMap((a) => a.text ?? []),
  };
}

interface Outcome {
  /** What the repair did, slot by slot; `cut`: the slots the killed node was moving. */
  readonly repairs: readonly ResumeOutcome[];
  readonly cut: readonly number[];
  /** From the kill until the repair is done / until the probe's new message is answered. */
  readonly repairedMs: number;
  readonly recoveredMs: number;
}

/** Opens every live slot, moves half its keys, kills the deployment slot's primary, repairs. */
async function killSourceMidMigration(
  cluster: RedisCluster,
  customers: readonly DirectLineCustomer[],
  probe: DirectLineCustomer,
): Promise<Outcome> {
  // Every live slot moves: the deployment slot (Direct Line logs, turn ledger, handoff) and each
  // conversation's own; each goes from its owner to the next primary, half its keys moved.
  const primaries = (await cluster.primaryPorts()).sort((a, b) => a - b);
  const deploymentSlot = await slotOf(cluster, `${deploymentTag(PREFIX)}:x`);
  const slots = new Set([deploymentSlot]);
  for (const c of customers) slots.add(await slotOf(cluster, spreadTag(PREFIX, 'c', c.conversationId)));
  const sourceOf = new Map<number, number>();
  for (const slot of slots) {
    const owner = await cluster.primaryPortOf(slot);
    const next = primaries[(primaries.indexOf(owner) + 1) % primaries.length]!;
    const migration = await SlotMigration.between(owner, next);
    await migration.open(slot);
    sourceOf.set(slot, owner);
    const count = Number(await askRedis(owner, 'CLUSTER', 'COUNTKEYSINSLOT', slot));
    await migration.moveKeys(slot, Math.ceil(count / 2));
  }
  await sleep(500);

  // The source, not the target: its replica is promoted without the MIGRATING mark (Redis 7.0
  // does not replicate it) and without the keys already sent, so the slot is split over two
  // nodes and no ASK leads from one to the other until the repair.
  const source = await cluster.primaryPortOf(deploymentSlot);
  const broken = [...slots].filter((slot) => sourceOf.get(slot) === source);
  const killedAt = Date.now();
  await cluster.kill(source);
  const recovered = msUntilAnswered(probe, 15_000);
  // As an operator's resharding tool would: resume the cut slots as soon as a live primary claims
  // them (no-owner until the replica is promoted), and carry on with the others (left half moved,
  // their multi-key scripts get TRYAGAIN for ever); the crashed server stays down.
  const seeds = cluster.nodes.filter((n) => n.port !== source);
  const errors: string[] = [];
  // Each slot's outcome over the calls: a call made while the promotion was still spreading can
  // finish some cut slots and find others with no owner; the next call then sees the finished ones
  // stable. What a slot's repair did is its first outcome other than "no-owner" or "stable".
  const bySlot = new Map<number, ResumeOutcome>();
  for (const deadline = Date.now() + 10_000; ; await sleep(50)) {
    const repairs = await resumeSlotMigrations({
      nodes: seeds,
      slots: [...slots],
      onConflict: 'merge',
    }).catch((error: unknown) => (errors.push((error as Error).message), [] as ResumeOutcome[]));
    for (const r of repairs) {
      const known = bySlot.get(r.slot);
      if (!known || known.state === 'no-owner' || (known.state === 'stable' && r.state !== 'no-owner'))
        bySlot.set(r.slot, r);
    }
    if (repairs.length > 0 && repairs.every((r) => r.state !== 'no-owner')) break;
    if (Date.now() > deadline) throw new Error(`not resumed: ${errors.join('; ')}`);
  }
  if (errors.length > 0) console.info(`repair retried after: ${errors.join('; ')}`);
  const repairedMs = Date.now() - killedAt;
  return { repairs: [...bySlot.values()], cut: broken, repairedMs, recoveredMs: await recovered };
}

describe('Cluster: the source primary killed -9 while slots migrate', () => {
  let cluster: RedisCluster;
  let relais: RelaisProcess;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    relais = await RelaisProcess.start({
      REDIS_PREFIX: PREFIX,
      RATE_LIMIT_IP_PER_MINUTE: '0',
      RATE_LIMIT_CONVERSATION_PER_MINUTE: '0',
      AGENTS: await agentsJson(),
      REDIS_CLUSTER_NODES: cluster.nodes.map((n) => `${n.host}:${n.port}`).join(','),
    });
  }, 60_000);
  afterAll(async () => {
    await relais?.stop();
    await cluster?.stop();
  });

  test('the migration resumed from the promoted replica; the bot answers within 10 s, every acknowledged line is there once', async () => {
    const alice = await Agent.login(relais.url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const started = await Promise.all(Array.from({ length: 6 }, () => DirectLineCustomer.start(relais.url)));
    expect(started.every(Boolean)).toBe(true);
    const customers = started as DirectLineCustomer[];
    // Two talk to Alice, four to the bot.
    const escalated = customers.slice(0, 2);
    for (const [n, customer] of escalated.entries())
      expect((await customer.say('je veux parler à un conseiller', `ask-${n}`)).status).toBe(200);
    for (const customer of escalated)
      await pollUntil(
        async () =>
          (await alice.post(`/conversations/${customer.conversationId}/claim`)).status === 200
            ? true
            : undefined,
        `alice claims ${customer.conversationId}`,
        5_000,
        100,
      );
    const probe = (await DirectLineCustomer.start(relais.url))!;

    const customerLoad = new Load(customers);
    const agentLoad = new AgentLoad(
      alice,
      escalated.map((c) => c.conversationId),
    );
    let outcome: Outcome;
    try {
      await sleep(1_500);
      outcome = await killSourceMidMigration(cluster, customers, probe);
      await sleep(1_500);
    } finally {
      await Promise.all([customerLoad.stop(), agentLoad.stop()]);
    }

    const { repairs, cut, recoveredMs, repairedMs } = outcome;
    console.info(
      `answered ${recoveredMs} ms after the kill; repair done after ${repairedMs} ms: ${JSON.stringify(repairs)}`,
    );
    // The cut slots finished by the last call (a conflict it would not merge shows here, by key);
    // the others finished by it or, already closed while the promotion was awaited, stable.
    const done = (r: ResumeOutcome) => (cut.includes(r.slot) ? ['finished'] : ['finished', 'stable']);
    expect(repairs.filter((r) => !done(r).includes(r.state)).map((r) => JSON.stringify(r))).toEqual([]);
    expect(repairs.filter((r) => cut.includes(r.slot)).length).toBe(cut.length);
    expect(await halfDoneMigrations(cluster.nodes)).toEqual([]);
    expect(recoveredMs).toBeLessThan(10_000);
    expect(customerLoad.statuses.get(200) ?? 0).toBeGreaterThan(20);
    expect(agentLoad.statuses.get(200) ?? 0).toBeGreaterThan(5);

    for (const [customer, ids] of customerLoad.acked) {
      const acknowledged = new Set(ids);
      expect((await chat(customer)).ids.filter((id) => acknowledged.has(id))).toEqual(ids);
    }
    for (const customer of escalated) {
      const texts = agentLoad.acked.get(customer.conversationId)!;
      const said = (await chat(customer)).texts;
      // In the customer's chat once each, in order; and in the agent's transcript once each.
      expect(said.filter((t) => texts.includes(t))).toEqual(texts);
      const view = await alice.get(`/conversations/${customer.conversationId}`);
      expect(view.status).toBe(200);
      const lines = (view.json as { lines: { text: string }[] }).lines.map((l) => l.text);
      expect(lines.filter((t) => texts.includes(t))).toEqual(texts);
    }
    expect(relais.exited).toBeUndefined();
    expect(relais.stderr.join('')).not.toMatch(/Unhandled|unhandledRejection|uncaughtException/);
  }, 90_000);
});
