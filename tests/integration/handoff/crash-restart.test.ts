import { Redis } from 'ioredis';
import { RedisHandoffQueue, type HandoffState } from '../../../handoff';
import { uniquePrefix } from '../../support/prefix';
import { startRedisServer, type RedisServer } from '../../support/redis-server';

const CONVERSATIONS = 300;
const AGENTS = 10;

/** How far each acknowledged step got: a later state also proves the earlier ones. */
const PROGRESS: Record<string, number> = { queued: 1, 'with-agent': 2, resolved: 3 };

describe('Redis handoff queue across kill -9 of redis-server', () => {
  let server: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    server = await startRedisServer(); // own instance: appendonly yes, appendfsync always
    redis = new Redis(server.url, {
      maxRetriesPerRequest: 3,
      retryStrategy: (times) => Math.min(times * 50, 500),
    });
  });

  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('keeps every acknowledged transition', async () => {
    const queue = new RedisHandoffQueue({
      redis,
      config: { keyPrefix: uniquePrefix('crash'), businessHours: alwaysOpen, claimTimeoutMs: 3_600_000 },
    });
    const agentIds = Array.from({ length: AGENTS }, (_, i) => `agent-${i}`);
    for (const agentId of agentIds) await queue.agentOnline({ agentId, languages: ['fr'], capacity: 100 });
    const acked = new Map<string, HandoffState>();
    const ack = (id: string, state: HandoffState): void => {
      if ((PROGRESS[state] ?? 0) > (PROGRESS[acked.get(id) ?? ''] ?? 0)) acked.set(id, state);
    };
    let failures = 0;
    const attempt = async (op: () => Promise<void>): Promise<void> => {
      try {
        await op();
      } catch (error) {
        failures++; // not acknowledged: the connection was down; nothing to check for it
        expect((error as { code?: string }).code).toBe('STORE_FAILED');
      }
    };

    let crashed = false;
    let opsBeforeCrash = 0;
    const crash = (async () => {
      while (acked.size < CONVERSATIONS / 3) await new Promise((r) => setTimeout(r, 5));
      opsBeforeCrash = acked.size;
      await server.crashAndRestart();
      crashed = true;
    })();

    const ids = Array.from({ length: CONVERSATIONS }, (_, i) => `c${i}`);
    const producer = (async () => {
      for (const id of ids) {
        await attempt(async () => {
          const r = await queue.enqueue({ conversationId: id, language: 'fr' });
          if (r.ok && r.outcome === 'queued') ack(id, 'queued');
        });
        await new Promise((r) => setImmediate(r));
      }
    })();
    const agents = agentIds.map(async (agentId) => {
      let idle = 0;
      while (idle < 50 || !crashed) {
        await attempt(async () => {
          const r = await queue.claimNext(agentId);
          if (!r.ok) {
            idle++;
            await new Promise((res) => setTimeout(res, 2));
            return;
          }
          idle = 0;
          ack(r.conversation.id, 'with-agent');
          if (Number(r.conversation.id.slice(1)) % 2 === 0) {
            const done = await queue.resolve(r.conversation.id, agentId);
            if (done.ok) ack(r.conversation.id, 'resolved');
          }
        });
      }
    });
    await Promise.all([producer, crash, ...agents]);

    expect(crashed).toBe(true);
    expect(opsBeforeCrash).toBeGreaterThan(0);
    // Every acknowledged transition survived: the stored state is at least as far as the last ack.
    const lost: string[] = [];
    for (const [id, state] of acked) {
      const stored = (await queue.get(id))?.state;
      if ((PROGRESS[stored ?? ''] ?? 0) < (PROGRESS[state] ?? 0))
        lost.push(`${id}: acked ${state}, stored ${stored}`);
    }
    expect(lost).toEqual([]);
    expect(acked.size).toBeGreaterThan(CONVERSATIONS / 3);
    // And the store is still consistent: every conversation with an agent is in that agent's set.
    const held = new Set<string>();
    for (const agentId of agentIds)
      for (const id of (await queue.agent(agentId))?.conversations ?? []) held.add(id);
    for (const id of ids) {
      const c = await queue.get(id);
      expect(c?.state === 'with-agent').toBe(held.has(id));
    }
    expect(failures).toBeLessThan(CONVERSATIONS);
  });
});

const alwaysOpen = {
  timeZone: 'Europe/Paris',
  week: Object.fromEntries(
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, { open: '00:00', close: '24:00' }]),
  ),
};
