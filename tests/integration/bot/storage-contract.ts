import type { Storage } from 'botbuilder';

/** One suite every botbuilder Storage Relais uses passes (memory and Redis). */
export function storageContract(
  name: string,
  makeStorage: () => Promise<{ storage: Storage; other?: Storage; dispose?: () => Promise<void> }>,
): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let other: Storage;
    let dispose: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await makeStorage();
      storage = made.storage;
      // A second handle on the same data plays a second bot instance (the same object for memory).
      other = made.other ?? made.storage;
      dispose = made.dispose;
    });
    afterEach(async () => {
      await dispose?.();
    });

    test('reading missing keys gives nothing', async () => {
      expect(await storage.read(['nope', 'neither'])).toEqual({});
    });

    test('a written item reads back with an eTag', async () => {
      await storage.write({
        'conv/1': { phase: 'bot', misses: 1, transcript: [{ from: 'customer', text: 'é ü 😀' }] },
      });
      const read = await other.read(['conv/1', 'missing']);
      expect(Object.keys(read)).toEqual(['conv/1']);
      expect(read['conv/1']).toEqual({
        phase: 'bot',
        misses: 1,
        transcript: [{ from: 'customer', text: 'é ü 😀' }],
        eTag: expect.any(String),
      });
    });

    test('a write with the current eTag succeeds and changes the eTag', async () => {
      await storage.write({ k: { n: 1 } });
      const first = (await storage.read(['k']))['k'] as { n: number; eTag: string };
      await storage.write({ k: { ...first, n: 2 } });
      const second = (await storage.read(['k']))['k'] as { n: number; eTag: string };
      expect(second.n).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
    });

    test('two instances read the same item: the second write fails with an eTag conflict and changes nothing', async () => {
      await storage.write({ k: { n: 1 } });
      const mine = (await storage.read(['k']))['k'] as { n: number; eTag: string };
      const theirs = (await other.read(['k']))['k'] as { n: number; eTag: string };
      await other.write({ k: { ...theirs, n: 10 } });
      await expect(storage.write({ k: { ...mine, n: 20 } })).rejects.toThrow(
        'Storage: error writing "k" due to eTag conflict.',
      );
      expect(((await storage.read(['k']))['k'] as { n: number }).n).toBe(10);
    });

    test('eTag "*" or no eTag overwrites whatever is there', async () => {
      await storage.write({ k: { n: 1 } });
      await storage.write({ k: { n: 2, eTag: '*' } });
      expect(((await storage.read(['k']))['k'] as { n: number }).n).toBe(2);
      await storage.write({ k: { n: 3 } });
      expect(((await storage.read(['k']))['k'] as { n: number }).n).toBe(3);
    });

    test('deleted items are gone', async () => {
      await storage.write({ a: { n: 1 }, b: { n: 2 } });
      await storage.delete(['a']);
      expect(Object.keys(await other.read(['a', 'b']))).toEqual(['b']);
    });
  });
}
