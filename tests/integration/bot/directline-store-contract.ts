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

    test('appending to an unknown conversation fails', async () => {
      await expect(store.append('nope', { type: 'message' })).rejects.toThrow('unknown conversation nope');
    });
  });
}
