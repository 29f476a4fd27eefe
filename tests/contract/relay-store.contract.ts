import type { RelayStore } from '../../bot/agent/relay-store';

/** The relay store's erasure, which both implementations (memory and Redis) pass. */
export function relayStoreErasureContract(
  name: string,
  makeStore: () => Promise<{ store: RelayStore; dispose?: () => Promise<void> }>,
): void {
  describe(`RelayStore erasure: ${name}`, () => {
    let store: RelayStore;
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
  });
}
