import { Redis } from 'ioredis';
import { ManualClock, RedisHandoffQueue } from '../../handoff';
import { testRedisUrl, uniquePrefix } from '../support/prefix';
import { handoffRoleContracts } from './handoff-role-contracts';

// One connection for the suite, a fresh key prefix per test.
let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(async () => {
  await redis.quit();
});

handoffRoleContracts(
  'redis',
  async ({ clock, config }) =>
    new RedisHandoffQueue({ redis, clock, config: { ...config, keyPrefix: uniquePrefix('handoff') } }),
);

describe('answer timeout with two instances on one Redis', () => {
  it('requeues an unanswered conversation once when both sweep at the same time', async () => {
    const clock = new ManualClock(Date.UTC(2025, 0, 6, 9, 0, 0));
    const config = {
      keyPrefix: uniquePrefix('answer-two'),
      answerTimeoutMs: 600_000,
      heartbeatTimeoutMs: 3_600_000,
    };
    const other = new Redis(testRedisUrl());
    const one = new RedisHandoffQueue({ redis, clock, config });
    const two = new RedisHandoffQueue({ redis: other, clock, config });
    try {
      await one.agentOnline({ agentId: 'anna', languages: ['fr'], capacity: 10 });
      const ids = Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`);
      for (const id of ids) {
        clock.advance(1_000);
        await one.enqueue({ conversationId: id, language: 'fr' });
        await two.claim(id, 'anna');
        await one.agentReplied(id, 'anna');
        await two.touch(id);
      }
      // Capacity 10: half of them were never claimed and wait in the queue.
      const held = (await one.agent('anna'))?.conversations ?? [];
      expect(held).toHaveLength(10);
      clock.advance(600_001);
      const [a, b] = await Promise.all([one.requeueExpired(), two.requeueExpired()]);
      const requeued = [...(a?.requeued ?? []), ...(b?.requeued ?? [])].sort();
      expect(requeued).toEqual([...held].sort());
      expect((await one.agent('anna'))?.conversations).toEqual([]);
      // Back in escalation order, every one once.
      const waiting = (await one.peek(50)).map((e) => e.conversationId);
      expect(waiting).toEqual(ids);
    } finally {
      await other.quit();
    }
  });
});
