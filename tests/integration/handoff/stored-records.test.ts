import { Redis } from 'ioredis';
import { ManualClock, RedisHandoffQueue } from '../../../handoff';
import { handoffKeys } from '../../../keyspace/index';
import { preludeFor } from '../../../handoff/redis/lua-common';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

const NOW = Date.UTC(2025, 0, 6, 9, 0); // Monday 10:00 in Paris: open

describe('Redis handoff records', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await redis.quit();
  });

  it('claims a conversation stored before the escalation card existed, with all its fields', async () => {
    const prefix = uniquePrefix('legacy');
    const keys = handoffKeys(prefix);
    const queue = new RedisHandoffQueue({
      redis,
      clock: new ManualClock(NOW),
      config: { keyPrefix: prefix },
    });
    await queue.agentOnline({ agentId: 'anna', languages: ['fr'] });
    // The layout written by earlier releases: one field per escalation detail, no card.
    await redis.hset(keys.conversation('old'), {
      state: 'queued',
      language: 'fr',
      skill: 'general',
      priority: 'vip',
      reason: 'low-confidence',
      escalatedAt: String(NOW - 60_000),
      queue: 'fr:general',
      score: String(NOW - 60_000),
      contact: JSON.stringify({ name: 'Mme Martin' }),
      transcript: JSON.stringify([{ at: 1, from: 'customer', text: 'Bonjour' }]),
      context: '{}',
      updatedAt: String(NOW - 60_000),
    });
    await redis.zadd(keys.queue('fr:general'), NOW - 60_000, 'old');
    const claimed = await queue.claimNext('anna');
    expect(claimed.ok && claimed.conversation).toMatchObject({
      id: 'old',
      state: 'with-agent',
      agentId: 'anna',
      priority: 'vip',
      reason: 'low-confidence',
      contact: { name: 'Mme Martin' },
      transcript: [{ at: 1, from: 'customer', text: 'Bonjour' }],
    });
    expect(claimed.ok && claimed.conversation).toEqual(await queue.get('old'));
  });

  it('reads a card that still lists empty contact, transcript and context as a new one without them', async () => {
    const prefix = uniquePrefix('card');
    const keys = handoffKeys(prefix);
    const clock = new ManualClock(NOW);
    const queue = new RedisHandoffQueue({ redis, clock, config: { keyPrefix: prefix } });
    await queue.agentOnline({ agentId: 'anna', languages: ['fr'] });
    await queue.enqueue({ conversationId: 'new', language: 'fr' });
    // The card as earlier releases wrote it: every key, empty or not.
    await redis.hset(keys.conversation('old'), {
      state: 'queued',
      card: JSON.stringify({
        priority: 'standard',
        reason: 'asked-for-person',
        contact: {},
        transcript: [],
        context: {},
      }),
      language: 'fr',
      skill: 'general',
      escalatedAt: String(NOW),
      queue: 'fr:general',
      score: String(2e13 + NOW),
      updatedAt: String(NOW),
    });
    await redis.zadd(keys.queue('fr:general'), 2e13 + NOW, 'old');
    const first = await queue.claimNext('anna');
    const second = await queue.claimNext('anna');
    expect(first.ok && first.conversation.id).toBe('new');
    expect(second.ok && second.conversation.id).toBe('old');
    const { id: _new, ...fresh } = first.ok ? first.conversation : { id: '' };
    const { id: _old, ...legacy } = second.ok ? second.conversation : { id: '' };
    expect(legacy).toEqual(fresh);
    expect(legacy).toMatchObject({ contact: {}, transcript: [], context: {} });
  });

  it('refuses a stored record it cannot read, naming the conversation', async () => {
    const prefix = uniquePrefix('broken');
    const queue = new RedisHandoffQueue({
      redis,
      clock: new ManualClock(NOW),
      config: { keyPrefix: prefix },
    });
    await redis.hset(handoffKeys(prefix).conversation('bad'), { state: 'queued', card: 'not json' });
    await expect(queue.get('bad')).rejects.toMatchObject({
      code: 'UNEXPECTED_REPLY',
      message: expect.stringContaining('bad'),
    });
  });

  it('gives each script only the Lua helpers it uses, with what they use', () => {
    const prelude = preludeFor('dropAgent(ARGV[2], ARGV[3], 0, {}, {})');
    for (const needed of ['requeueHead', 'moveToPool', 'addToQueue', 'kQueue', 'kAgentConvs', 'kOnline'])
      expect(prelude).toContain(`${needed}`);
    expect(prelude).not.toContain('packedHash');
    expect(prelude).not.toContain('kHandling');
    // Definitions come before their use.
    expect(prelude.indexOf('function addToQueue')).toBeLessThan(prelude.indexOf('function requeueHead'));
    expect(preludeFor('return 1')).toBe('local base = ARGV[1]');
  });
});
