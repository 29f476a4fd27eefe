import { Redis } from 'ioredis';
import { RedisHandoffQueue, type HandoffQueue } from '../../../handoff';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

const AGENTS = 50;
const CONVERSATIONS = 1_000;
const CAPACITY = 4;

describe('Redis handoff queue under concurrency', () => {
  const connections: Redis[] = [];
  let a: HandoffQueue;
  let b: HandoffQueue;

  beforeAll(() => {
    const prefix = uniquePrefix('race');
    // Two connections, as two bot / agent-API instances would have.
    connections.push(new Redis(testRedisUrl()), new Redis(testRedisUrl()));
    const make = (redis: Redis): HandoffQueue =>
      new RedisHandoffQueue({ redis, config: { keyPrefix: prefix, businessHours: alwaysOpen } });
    a = make(connections[0] as Redis);
    b = make(connections[1] as Redis);
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.quit()));
  });

  it('50 agents racing claimNext on 1,000 conversations: each claimed exactly once, none lost, capacity held', async () => {
    const agentIds = Array.from({ length: AGENTS }, (_, i) => `agent-${i}`);
    await Promise.all(
      agentIds.map((agentId, i) =>
        (i % 2 ? a : b).agentOnline({ agentId, languages: ['fr'], capacity: CAPACITY }),
      ),
    );
    const ids = Array.from({ length: CONVERSATIONS }, (_, i) => `conv-${String(i).padStart(4, '0')}`);
    await Promise.all(
      ids.map((conversationId, i) =>
        (i % 2 ? a : b).enqueue({
          conversationId,
          language: 'fr',
          priority: i % 10 === 0 ? 'vip' : 'standard',
        }),
      ),
    );

    const claimedBy = new Map<string, string[]>();
    let maxHeld = 0;
    let atCapacity = 0;
    let storeMaxLoad = 0;
    const work = agentIds.map(async (agentId, i) => {
      const held: string[] = [];
      for (let turn = 0; ; turn++) {
        // Alternate connections per call so both race on every conversation.
        const q = (i + turn) % 2 ? a : b;
        const r = await q.claimNext(agentId);
        if (r.ok) {
          held.push(r.conversation.id);
          claimedBy.set(r.conversation.id, [...(claimedBy.get(r.conversation.id) ?? []), agentId]);
          maxHeld = Math.max(maxHeld, held.length);
          continue;
        }
        if (r.reason === 'at-capacity') {
          atCapacity++;
          storeMaxLoad = Math.max(storeMaxLoad, (await q.agent(agentId))?.conversations.length ?? 0);
          const done = held.shift();
          if (done) {
            const resolved = await q.resolve(done, agentId);
            if (!resolved.ok) throw new Error(`resolve refused: ${JSON.stringify(resolved)}`);
          }
          continue;
        }
        if (r.reason === 'queue-empty') {
          for (const id of held.splice(0)) await q.resolve(id, agentId);
          return;
        }
        throw new Error(`unexpected refusal ${JSON.stringify(r)}`);
      }
    });
    await Promise.all(work);

    expect(claimedBy.size).toBe(CONVERSATIONS);
    expect([...claimedBy.values()].filter((agents) => agents.length !== 1)).toEqual([]);
    expect(maxHeld).toBeLessThanOrEqual(CAPACITY);
    expect(atCapacity).toBeGreaterThan(0); // the capacity check was really exercised
    expect(storeMaxLoad).toBe(CAPACITY); // reached in the store, never passed
    expect(await a.peek()).toEqual([]);
    const states = await Promise.all(ids.map(async (id) => (await b.get(id))?.state));
    expect(states.every((s) => s === 'resolved')).toBe(true);
    const loads = await Promise.all(agentIds.map(async (id) => (await a.agent(id))?.conversations.length));
    expect(loads.every((n) => n === 0)).toBe(true);
  });

  it('two connections claiming the same conversation: exactly one wins', async () => {
    await a.agentOnline({ agentId: 'x', languages: ['fr'], capacity: 100 });
    await b.agentOnline({ agentId: 'y', languages: ['fr'], capacity: 100 });
    const ids = Array.from({ length: 100 }, (_, i) => `duel-${i}`);
    await Promise.all(ids.map((conversationId) => a.enqueue({ conversationId, language: 'fr' })));
    const outcomes = await Promise.all(ids.map((id) => Promise.all([a.claim(id, 'x'), b.claim(id, 'y')])));
    for (const [rx, ry] of outcomes) {
      expect([rx.ok, ry.ok].filter(Boolean).length).toBe(1);
      const loser = rx.ok ? ry : rx;
      expect(loser.ok ? null : loser.reason).toBe('already-claimed');
    }
  });
});

const alwaysOpen = {
  timeZone: 'Europe/Paris',
  week: Object.fromEntries(
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, { open: '00:00', close: '24:00' }]),
  ),
};
