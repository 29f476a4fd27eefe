import { agentsJson, PASSWORDS } from '../agent/agent-app';
import { Agent, type EventStream } from '../agent/clients';
import type { RedisShape } from '../../../bot/redis/shape';
import { familyMatcher, keyFamilies } from '../../../keyspace/index';
import { envForShape, keysOnShape } from '../../support/keys-on-shape';
import { uniquePrefix } from '../../support/prefix';
import { DirectLineCustomer } from './direct-line-client';
import { RelaisProcess } from '../../support/relais-process';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function messageTexts(customer: DirectLineCustomer): Promise<string[]> {
  return (await customer.activities()).filter((a) => a.type === 'message').flatMap((a) => a.text ?? []);
}

/** Polls until the customer's chat holds `text`, and returns how many times it does. */
async function timesSaid(customer: DirectLineCustomer, text: string): Promise<number> {
  let count = 0;
  for (let i = 0; i < 150 && count === 0; i++) {
    count = (await messageTexts(customer)).filter((t) => t === text).length;
    if (count === 0) await sleep(40);
  }
  await sleep(300); // a second copy, if any, would have come by now
  return (await messageTexts(customer)).filter((t) => t === text).length;
}

/**
 * Three Relais processes on one Redis of the given shape behind an imaginary balancer: customers
 * and agents spread over them, claims race across instances, and one instance is killed -9
 * mid-handoff.
 */
export function threeInstances(shapeName: string, shapeOf: () => RedisShape): void {
  describe(`three instances on ${shapeName}`, () => {
    let instances: RelaisProcess[] = [];
    const streams: EventStream[] = [];
    const prefix = uniquePrefix('three').replace(/:$/, '');

    beforeAll(async () => {
      const env = {
        ...envForShape(shapeOf()),
        REDIS_PREFIX: prefix,
        TOKEN_SECRET: 'instances-share-this-secret-instances-share',
        AGENTS: await agentsJson(),
        RATE_LIMIT_IP_PER_MINUTE: '0',
        RATE_LIMIT_CONVERSATION_PER_MINUTE: '0',
      };
      instances = await Promise.all([0, 1, 2].map(() => RelaisProcess.start(env)));
    }, 60_000);

    afterAll(async () => {
      for (const s of streams) s.close();
      await Promise.all(instances.map((i) => (i.exited ? undefined : i.stop())));
    });

    test('claims race across instances, one instance dies -9 mid-handoff: every conversation goes on, nothing lost or said twice, never two agents', async () => {
      const [a, b, c] = instances as [RelaisProcess, RelaisProcess, RelaisProcess];
      // Alice works on A (and a second console on C), Bruno on B: both speak French, capacity 3 each.
      const alice = await Agent.login(a.url, 'alice', PASSWORDS.alice);
      const aliceOnC = new Agent(c.url, alice.token);
      const bruno = await Agent.login(b.url, 'bruno', PASSWORDS.bruno);
      for (const agent of [alice, bruno])
        expect((await agent.post('/presence', { presence: 'online' })).status).toBe(200);
      const brunoStream = bruno.events();
      streams.push(brunoStream);
      await brunoStream.ready;

      // Six customers, two per instance, all asking for a person.
      const customers = (await Promise.all(
        instances.flatMap((i) => [i, i]).map((i) => DirectLineCustomer.start(i.url)),
      )) as DirectLineCustomer[];
      expect(customers.every(Boolean)).toBe(true);
      await Promise.all(
        customers.map(async (customer, n) => {
          expect((await customer.say('je veux parler à un conseiller', `ask-${n}`)).status).toBe(200);
        }),
      );

      // Every console claims at once, on three instances, until nothing is left.
      const claimed = new Map<string, string[]>();
      const claimer = async (agent: Agent, who: string) => {
        for (let i = 0; i < 6; i++) {
          const res = await agent.post('/claim-next');
          const id = (res.json as { id?: string } | undefined)?.id;
          if (res.status === 200 && id) claimed.set(id, [...(claimed.get(id) ?? []), who]);
        }
      };
      await Promise.all([claimer(alice, 'alice'), claimer(aliceOnC, 'alice'), claimer(bruno, 'bruno')]);
      expect([...claimed.keys()].sort()).toEqual(customers.map((x) => x.conversationId).sort());
      for (const [, agents] of claimed) expect(agents).toHaveLength(1);
      const agentOf = (customer: DirectLineCustomer) => claimed.get(customer.conversationId)![0]!;

      // Each agent greets each of their customers; each customer answers.
      for (const customer of customers) {
        const agent = agentOf(customer) === 'alice' ? alice : bruno;
        expect(
          (
            await agent.post(`/conversations/${customer.conversationId}/messages`, {
              text: `Bonjour ${customer.conversationId}`,
            })
          ).status,
        ).toBe(200);
      }
      for (const [n, customer] of customers.entries())
        expect((await customer.say('Bonjour, merci', `hello-${n}`)).status).toBe(200);

      await a.kill();
      expect(a.exited?.signal).toBe('SIGKILL');

      // A's customers and Alice's console come back through B and C with the tokens they hold.
      const survivors = [b, c];
      const moved = customers.map((customer, n) =>
        customer.url === a.url ? customer.on(survivors[n % 2]!.url) : customer,
      );
      const aliceBack = new Agent(c.url, alice.token);
      const aliceStream = aliceBack.events();
      streams.push(aliceStream);
      await aliceStream.ready;

      for (const [n, customer] of moved.entries())
        expect((await customer.say(`Toujours là ? ${n}`, `after-${n}`)).status).toBe(200);
      for (const [n, customer] of moved.entries()) {
        const agent = agentOf(customer) === 'alice' ? aliceBack : bruno;
        expect(
          (await agent.post(`/conversations/${customer.conversationId}/messages`, { text: `Oui ${n}` }))
            .status,
        ).toBe(200);
      }
      for (const [n, customer] of moved.entries()) {
        // Said once each, whichever instance took or relays it.
        expect([n, await timesSaid(customer, `Oui ${n}`)]).toEqual([n, 1]);
        const texts = await messageTexts(customer);
        for (const mine of ['Bonjour, merci', `Toujours là ? ${n}`])
          expect(texts.filter((t) => t === mine)).toHaveLength(1);
        expect(texts.filter((t) => t === `Bonjour ${customer.conversationId}`)).toHaveLength(1);
      }
      // Both consoles heard every customer message of their conversations after the kill.
      const aliceIds = moved
        .filter((x) => agentOf(x) === 'alice')
        .map((x) => x.conversationId)
        .sort();
      const brunoIds = moved
        .filter((x) => agentOf(x) === 'bruno')
        .map((x) => x.conversationId)
        .sort();
      const heard = async (stream: EventStream, ids: string[]) => {
        const events = await stream.take('customer-message', ids.length);
        return [...new Set(events.map((e) => (e.data as { conversationId: string }).conversationId))].sort();
      };
      expect(await heard(aliceStream, aliceIds)).toEqual(aliceIds);
      expect((await heard(brunoStream, brunoIds)).filter((id) => brunoIds.includes(id))).toEqual(brunoIds);
      for (const survivor of survivors) expect(survivor.exited).toBeUndefined();
      for (const survivor of survivors)
        expect(survivor.stderr.join('')).not.toMatch(/Unhandled|unhandledRejection|uncaughtException/);
    }, 90_000);

    test('every key the run left is of a family of keyspace/; the conversations’ keys in slots of their own', async () => {
      const keys = await keysOnShape(shapeOf(), prefix);
      const families = keyFamilies(prefix).map((f) => ({ ...f, matcher: familyMatcher(f) }));
      const strays: string[] = [];
      const holders = new Map<string, Set<string>>(); // slot kind → primaries holding its keys
      for (const [key, primary] of keys) {
        const matching = families.filter((f) => f.matcher.test(key));
        if (matching.length !== 1) strays.push(`${key} (${matching.length} families)`);
        const kind = matching[0]?.slot ?? 'none';
        holders.set(kind, (holders.get(kind) ?? new Set()).add(primary));
      }
      expect(strays).toEqual([]);
      expect(keys.size).toBeGreaterThan(20);
      // One slot for the coordination keys, so one primary; the conversations' data spread out.
      expect(holders.get('deployment')?.size).toBe(1);
      if (shapeOf().kind === 'cluster') expect(holders.get('conversation')?.size).toBeGreaterThan(1);
    });
  });
}
