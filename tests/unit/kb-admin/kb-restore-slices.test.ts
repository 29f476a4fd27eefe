import { join } from 'node:path';
import { restoreInSlices, type PackedFaq } from '../../../bot/kb-admin/kb-restore-slices';
import { Faq } from '../../../knowledge-base/index';
import { packedAsSent, unpackedAtOnce } from '../../support/packed-faq';

const DEMO = ['fr.yaml', 'en.yaml'].map((f) =>
  join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', f),
);
const MESSAGES = [
  ['fr', 'comment annuler ma prestation'],
  ['fr', 'facture'],
  ['fr', 'mon intervenante ne vient pas'],
  ['en', 'how do I pay'],
  ['en', 'cancel'],
  ['fr', 'zzz qwerty'],
] as const;

let built: Faq;
beforeAll(async () => {
  // The demo KB: thousands of words and n-grams, so a restore has many slices.
  built = await Faq.load(DEMO);
}, 60_000);

/** How many event-loop turns ran (a setImmediate chain) while `work` was pending. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ turns: number; result: Promise<T> }> {
  let turns = 0;
  let pending = true;
  const tick = (): void => {
    if (!pending) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  const result = work();
  await result.catch(() => undefined);
  pending = false;
  return { turns, result };
}

async function decisions(faq: Faq): Promise<unknown[]> {
  const out = [];
  for (const [locale, text] of MESSAGES) out.push(await faq.match(text, { locale }));
  return out;
}

/** `packed` with the KB's last entries part cut short: JSON.parse throws once the matchers are rebuilt. */
function withBrokenEntries(packed: PackedFaq): PackedFaq {
  expect(packed.entries.length).toBeGreaterThan(1);
  return { ...packed, entries: [...packed.entries.slice(0, -1), '[{"id":'] };
}

describe('restoreInSlices (the build thread’s KB rebuilt on the bot’s thread)', () => {
  test('gives the event loop back between slices: other callbacks and timers run meanwhile', async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 1);
    const { turns, result } = await turnsDuring(() => restoreInSlices(packedAsSent(built), undefined, 0));
    expect(turns).toBeGreaterThan(10);
    expect(timerFired).toBe(true);
    await expect(result).resolves.toMatchObject({ faq: expect.any(Faq) });
  });

  test('yields the same KB as a restore in one go', async () => {
    const packed = packedAsSent(built);
    const snapshot = await unpackedAtOnce(packed);
    expect(snapshot.source.entries).toHaveLength(built.snapshot().source.entries.length);
    const oneShot = Faq.restore(snapshot);
    const { faq: sliced, longestSliceMs } = await restoreInSlices(packedAsSent(built), undefined, 0);
    expect(await decisions(sliced)).toEqual(await decisions(oneShot));
    expect(await decisions(sliced)).toEqual(await decisions(built));
    expect(sliced.snapshot()).toEqual(oneShot.snapshot());
    expect(longestSliceMs).toBeGreaterThan(0);
  });

  test('a failure mid-restore rejects after the turns in between, and gives no KB', async () => {
    const { turns, result } = await turnsDuring(() =>
      restoreInSlices(withBrokenEntries(packedAsSent(built)), undefined, 0),
    );
    await expect(result).rejects.toThrow(SyntaxError);
    // The matchers were rebuilt first, in slices: the failure came in the middle.
    expect(turns).toBeGreaterThan(10);
  });
});
