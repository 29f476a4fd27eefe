import type { RelayLog } from '../../bot/agent/relay-log';

/** The relay log's erasure and internal notes, which both implementations (memory and Redis) pass. */
export function relayStoreErasureContract(
  name: string,
  makeStore: () => Promise<{ store: RelayLog; dispose?: () => Promise<void> }>,
): void {
  describe(`RelayLog erasure: ${name}`, () => {
    let store: RelayLog;
    let dispose: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
    });
    afterEach(async () => {
      await dispose?.();
    });

    test('erase deletes one conversation’s lines, says how many, and leaves the others', async () => {
      await store.append('c1', { from: 'customer', text: 'mon adresse est 3 rue X', at: 1 });
      await store.append('c1', { from: 'agent', text: 'noté', at: 2, agentId: 'alice' });
      await store.append('c2', { from: 'customer', text: 'autre client', at: 3 });
      expect(await store.erase('c1')).toBe(2);
      expect(await store.lines('c1')).toEqual([]);
      expect(await store.erase('c1')).toBe(0);
      expect((await store.lines('c2')).map((l) => l.text)).toEqual(['autre client']);
      // Numbering starts again from 1 for a conversation that was erased.
      expect((await store.append('c1', { from: 'customer', text: 'de retour', at: 4 })).seq).toBe(1);
    });

    test('an internal note keeps its author, text, mentions and time, numbered with the other lines', async () => {
      await store.append('c1', { from: 'customer', text: 'bonjour', at: 1 });
      const note = await store.append('c1', {
        from: 'note',
        text: 'client VIP, @bruno tu peux reprendre ?',
        at: 2,
        agentId: 'alice',
        mentions: ['bruno'],
      });
      expect(note.seq).toBe(2);
      await store.append('c1', { from: 'note', text: 'sans mention', at: 3, agentId: 'bruno' });
      expect(await store.lines('c1')).toEqual([
        { from: 'customer', text: 'bonjour', at: 1, seq: 1 },
        {
          from: 'note',
          text: 'client VIP, @bruno tu peux reprendre ?',
          at: 2,
          agentId: 'alice',
          mentions: ['bruno'],
          seq: 2,
        },
        { from: 'note', text: 'sans mention', at: 3, agentId: 'bruno', seq: 3 },
      ]);
      // A note is erased with the conversation like every other line.
      expect(await store.erase('c1')).toBe(3);
      expect(await store.lines('c1')).toEqual([]);
    });
  });
}
