import type { DirectLineStore } from '../../../bot/directline/store';

/** One suite both Direct Line stores pass (memory and Redis). */
export function directLineStoreContract(
  name: string,
  makeStore: () => Promise<{ store: DirectLineStore; dispose?: () => Promise<void> }>,
): void {
  describe(`DirectLineStore contract: ${name}`, () => {
    let store: DirectLineStore;
    let dispose: (() => Promise<void>) | undefined;
    const conversation = { id: 'c1', userId: 'u_1', locale: 'fr-FR', createdAt: '2026-03-11T09:00:00.000Z' };

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
      await store.createConversation(conversation);
    });
    afterEach(async () => {
      await dispose?.();
    });

    test('a conversation reads back; an unknown one is undefined; ids are unique', async () => {
      expect(await store.getConversation('c1')).toEqual(conversation);
      expect(await store.getConversation('c2')).toBeUndefined();
      await expect(store.createConversation(conversation)).rejects.toThrow('exists');
    });

    test('activities get "conversationId|seq" ids in order and keep their fields', async () => {
      const first = await store.append(
        'c1',
        { type: 'message', text: 'bonjour', attachments: [], channelData: { clientActivityID: 'x' } },
        'x',
      );
      const second = await store.append('c1', { type: 'message', text: 'réponse' });
      expect([first.activity.id, second.activity.id]).toEqual(['c1|0000000', 'c1|0000001']);
      expect(first).toEqual({
        duplicate: false,
        activity: {
          id: 'c1|0000000',
          type: 'message',
          text: 'bonjour',
          attachments: [],
          channelData: { clientActivityID: 'x' },
        },
      });
    });

    test('an agent’s message keeps its sender (id, display name, role) and channelData', async () => {
      const from = { id: 'agent:alice', name: 'Camille', role: 'bot' };
      const channelData = { relaisAgent: { id: 'agent:alice', name: 'Camille' } };
      await store.append('c1', { type: 'message', text: 'Bonjour', from, channelData });
      expect((await store.activitiesSince('c1', 0)).activities).toEqual([
        { id: 'c1|0000000', type: 'message', text: 'Bonjour', from, channelData },
      ]);
      expect((await store.activity('c1|0000000'))?.from).toEqual(from);
    });

    test('the same clientActivityID is appended once; the earlier activity comes back', async () => {
      await store.append('c1', { type: 'message', text: 'one' }, 'client-1');
      const again = await store.append('c1', { type: 'message', text: 'one (retried)' }, 'client-1');
      expect(again).toEqual({
        duplicate: true,
        activity: { id: 'c1|0000000', type: 'message', text: 'one' },
      });
      expect((await store.activitiesSince('c1', 0)).activities).toHaveLength(1);
    });

    test('activitiesSince pages by watermark', async () => {
      for (const text of ['a', 'b', 'c']) await store.append('c1', { type: 'message', text });
      expect(await store.activitiesSince('c1', 0)).toEqual({ activities: expect.any(Array), watermark: 3 });
      const page = await store.activitiesSince('c1', 2);
      expect(page.activities.map((a) => a.text)).toEqual(['c']);
      expect(page.watermark).toBe(3);
      expect(await store.activitiesSince('c1', 3)).toEqual({ activities: [], watermark: 3 });
    });

    test('deleteConversation removes the conversation and its log (erasure), once', async () => {
      for (const text of ['a', 'b']) await store.append('c1', { type: 'message', text }, `client-${text}`);
      await store.createConversation({ ...conversation, id: 'c2' });
      await store.append('c2', { type: 'message', text: 'kept' });
      expect(await store.deleteConversation('c1')).toBe(2);
      expect(await store.getConversation('c1')).toBeUndefined();
      expect(await store.activitiesSince('c1', 0)).toEqual({ activities: [], watermark: 0 });
      expect(await store.deleteConversation('c1')).toBe(0);
      expect((await store.activitiesSince('c2', 0)).activities.map((a) => a.text)).toEqual(['kept']);
      // The same id can start again from nothing (no stale clientActivityID left behind).
      await store.createConversation(conversation);
      expect((await store.append('c1', { type: 'message', text: 'a' }, 'client-a')).duplicate).toBe(false);
    });

    test('pending turns: an append with a lease is pending and held; lapsed, it is claimed once; done forgets it', async () => {
      const a = { owner: 'instance-a', ms: 60_000 };
      const b = { owner: 'instance-b', ms: 60_000 };
      const held = (await store.append('c1', { type: 'message', text: 'un' }, 'x-1', a)).activity;
      expect(await store.pending.claim(held.id, b)).toEqual({ outcome: 'held' });
      expect(await store.pending.claimDue(b, 10)).toEqual([]);
      expect(await store.activity(held.id)).toEqual(held);
      // A lease of 0 ms has lapsed at once: the owner "died".
      const lapsed = (await store.append('c1', { type: 'message', text: 'deux' }, 'x-2', { ...a, ms: 0 }))
        .activity;
      expect(await store.pending.claimDue(b, 10)).toEqual([{ activityId: lapsed.id, attempt: 2 }]);
      expect(await store.pending.claimDue(b, 10)).toEqual([]);
      expect(await store.pending.renew(lapsed.id, a)).toBe(false);
      await store.pending.done(lapsed.id, a.owner); // not a's any more: ignored
      expect(await store.pending.claim(lapsed.id, a)).toEqual({ outcome: 'held' });
      await store.pending.retryLater(lapsed.id, b.owner, 0);
      expect(await store.pending.claim(lapsed.id, a)).toEqual({
        outcome: 'claimed',
        activityId: lapsed.id,
        attempt: 3,
      });
      await store.pending.done(lapsed.id, a.owner);
      expect(await store.pending.claim(lapsed.id, b)).toEqual({ outcome: 'none' });
      // A duplicate append records nothing new; an append without a lease is not pending.
      expect((await store.append('c1', { type: 'message' }, 'x-1', b)).duplicate).toBe(true);
      const plain = (await store.append('c1', { type: 'message', text: 'trois' })).activity;
      expect(await store.pending.claim(plain.id, b)).toEqual({ outcome: 'none' });
      expect(await store.activity('c1|9999999')).toBeUndefined();
      expect(await store.activity('not-an-id')).toBeUndefined();
    });

    test('appending to an unknown conversation fails', async () => {
      await expect(store.append('nope', { type: 'message' })).rejects.toThrow('unknown conversation nope');
    });
  });
}
