import { Redis } from 'ioredis';
import { RedisDirectLineStore } from '../../../bot/directline/redis-store';
import { directLineKeys } from '../../../keyspace/index';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';

/**
 * The Redis store writes a customer's message in three steps (intent, activity, settle) because the
 * conversation's keys and the turn ledger are in different slots. An instance that dies between
 * two of them leaves an intent: these tests kill the writer at each point and check what another
 * instance recovers.
 */
describe('Direct Line intents (Redis): a writer that dies between its writes', () => {
  const conversation = { id: 'c1', userId: 'u_1', locale: 'fr-FR', createdAt: '2026-03-11T09:00:00.000Z' };
  const writer = { owner: 'instance-a', ms: 0 }; // a lease of 0 ms lapses at once: the writer "died"
  const rescuer = { owner: 'instance-b', ms: 60_000 };
  let redis: Redis;
  let prefix: string;
  let store: RedisDirectLineStore;

  beforeEach(async () => {
    redis = new Redis(testRedisUrl());
    prefix = uniquePrefix('dl-intent');
    store = new RedisDirectLineStore(redis, { prefix, ttlSeconds: 3600 });
    await store.createConversation(conversation);
  });
  afterEach(async () => {
    await redis.quit();
  });

  const ledger = () => redis.zrange(directLineKeys(prefix).pending, '0', '-1');

  test('died after storing the activity: the intent is recovered as that activity, answered once', async () => {
    jest.spyOn(store.pending, 'settle').mockRejectedValueOnce(new Error('killed before settling'));
    await expect(store.append('c1', { type: 'message', text: 'bonjour' }, 'x-1', writer)).rejects.toThrow(
      'killed before settling',
    );
    const [claimed] = await store.pending.claimDue(rescuer, 10);
    expect(claimed?.activityId).toMatch(/^c1\|~/);
    const activity = await store.pendingActivity(claimed!.activityId);
    expect(activity).toMatchObject({ id: 'c1|0000000', text: 'bonjour' });
    // The entry now stands under the activity's id, still the rescuer's.
    expect(await ledger()).toEqual(['c1|0000000']);
    expect(await store.pending.renew('c1|0000000', rescuer)).toBe(true);
    expect(await store.pending.claim('c1|0000000', writer)).toEqual({ outcome: 'held' });
    await store.pending.done('c1|0000000', rescuer.owner);
    expect(await ledger()).toEqual([]);
    // The customer's retry of the same POST finds the message, and nothing left to run.
    const retry = await store.append('c1', { type: 'message', text: 'bonjour' }, 'x-1', rescuer);
    expect(retry).toMatchObject({ duplicate: true, activity: { id: 'c1|0000000' } });
    expect(await ledger()).toEqual([]);
  });

  test('died before storing it: the intent is voided, and a late write of it is refused', async () => {
    const commands = redis as unknown as { relaisAppendActivity: (...a: string[]) => Promise<unknown> };
    const append = commands.relaisAppendActivity.bind(redis);
    let held: string[] = [];
    jest.spyOn(commands, 'relaisAppendActivity').mockImplementationOnce(async (...args: string[]) => {
      held = args; // the write is "still on the wire" when its writer is presumed dead
      throw new Error('killed before appending');
    });
    await expect(store.append('c1', { type: 'message', text: 'perdu' }, 'x-2', writer)).rejects.toThrow(
      'killed before appending',
    );
    const [claimed] = await store.pending.claimDue(rescuer, 10);
    expect(claimed?.activityId).toMatch(/^c1\|~/);
    expect(await store.pendingActivity(claimed!.activityId)).toBeUndefined();
    await store.pending.done(claimed!.activityId, rescuer.owner);
    expect(await ledger()).toEqual([]);
    // Arriving now, it would be a message nobody answers: refused, so the client posts it again.
    expect(await append(...held)).toEqual([-2]);
    expect((await store.activitiesSince('c1', 0)).activities).toEqual([]);
    const again = await store.append('c1', { type: 'message', text: 'perdu' }, 'x-2', rescuer);
    expect(again).toMatchObject({ duplicate: false, activity: { id: 'c1|0000000', text: 'perdu' } });
    expect(await ledger()).toEqual(['c1|0000000']);
  });

  test('a retried POST leaves no stray intent; a settled message has its entry under its id', async () => {
    const first = await store.append('c1', { type: 'message', text: 'un' }, 'x-3', rescuer);
    await store.append('c1', { type: 'message', text: 'un' }, 'x-3', rescuer);
    expect(await ledger()).toEqual([first.activity.id]);
    const leases = await redis.hgetall(directLineKeys(prefix).pendingLease);
    expect(leases).toEqual({ [first.activity.id]: `1|${rescuer.owner}` });
  });

  test('a conversation erased with an intent open leaves nothing to answer', async () => {
    jest.spyOn(store.pending, 'settle').mockRejectedValueOnce(new Error('killed before settling'));
    await expect(
      store.append('c1', { type: 'message', text: 'effacez-moi' }, 'x-4', writer),
    ).rejects.toThrow();
    expect(await store.deleteConversation('c1')).toBe(1);
    const [claimed] = await store.pending.claimDue(rescuer, 10);
    expect(await store.pendingActivity(claimed!.activityId)).toBeUndefined();
    const keys = directLineKeys(prefix);
    expect(await redis.exists(keys.log('c1'), keys.clientIds('c1'), keys.conversation('c1'))).toBe(0);
  });
});
