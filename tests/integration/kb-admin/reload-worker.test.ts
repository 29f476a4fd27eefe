import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeBigKb } from '../../../bench/load/big-kb';
import * as slices from '../../../bot/kb-admin/kb-restore-slices';
import { ask, call, startKbAdminApp, type KbAdminApp } from './kb-admin-app';

// The build thread is dist/bot/kb-admin/kb-build-worker.js: `npm test` builds first.
let kb: KbAdminApp;

beforeEach(async () => {
  // Many chats from 127.0.0.1 while the build runs: the per-IP limits are off.
  kb = await startKbAdminApp({
    env: { RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '0' },
  });
});
afterEach(async () => {
  jest.restoreAllMocks();
  await kb?.close();
});

const OLD_ANSWER = 'Carte bancaire, virement et CESU.';
const NEW_ANSWER = 'Carte bancaire uniquement depuis le 1er mars.';
const reload = () => call(`${kb.url}/api/kb/reload`, 'POST', {});

/** A 1,000-entry French KB (generated from the demo) with the test KB's payment entry, new answer. */
function writeBigFrenchKb(): void {
  const [fr] = writeBigKb(join(kb.dir, 'big'), 2000);
  const big = JSON.parse(readFileSync(fr!, 'utf8')) as { entries: unknown[] };
  big.entries.push({
    id: 'payment-methods',
    question: 'Quels moyens de paiement acceptez-vous ?',
    alternates: ['comment payer ma commande', 'payer par carte bancaire'],
    answer: NEW_ANSWER,
  });
  writeFileSync(kb.kbFile, JSON.stringify(big));
}

describe('KB reload in a worker thread', () => {
  test('turns during the build answer from the old KB, turns after from the new one', async () => {
    writeBigFrenchKb();
    let done = false;
    const reloaded = reload().finally(() => {
      done = true;
    });
    const during: string[] = [];
    while (!done) {
      const replies = await ask(kb.url, 'comment payer ma commande');
      if (!done) during.push(replies[0] ?? '');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { status, json } = await reloaded;
    expect(status).toBe(200);
    expect(json).toMatchObject({ reloaded: true, generation: 2, entries: { fr: 1001 } });
    // The build takes seconds: the bot answered meanwhile, from the KB in service.
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during)).toEqual(new Set([OLD_ANSWER]));
    expect((await ask(kb.url, 'comment payer ma commande'))[0]).toBe(NEW_ANSWER);
  }, 120_000);

  test('a crashed build thread keeps the old KB and says so (503)', async () => {
    writeFileSync(kb.kbFile, readFileSync(kb.kbFile, 'utf8').replace(OLD_ANSWER, NEW_ANSWER));
    kb.deps.kbReloader!.crashNextBuild = true;
    const { status, json } = await reload();
    expect(status).toBe(503);
    expect(json.error).toMatchObject({
      code: 'KbBuildFailed',
      message: expect.stringMatching(/KB build worker exited \(code 3\).*unchanged/),
    });
    expect((await ask(kb.url, 'comment payer'))[0]).toBe(OLD_ANSWER);
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 1 });
    // The next reload builds again and succeeds.
    expect((await reload()).status).toBe(200);
    expect((await ask(kb.url, 'comment payer'))[0]).toBe(NEW_ANSWER);
  });

  test('a restore failing halfway through keeps the old KB in service, and the next reload works', async () => {
    writeFileSync(kb.kbFile, readFileSync(kb.kbFile, 'utf8').replace(OLD_ANSWER, NEW_ANSWER));
    const restore = slices.restoreInSlices;
    // The real restore, on a KB whose entries stop short: it fails after the matchers are rebuilt.
    jest.spyOn(slices, 'restoreInSlices').mockImplementationOnce(async (packed, dense, sliceMs) => {
      const entries = [...packed.entries.slice(0, -1), '[{"id":'];
      return restore({ ...packed, entries }, dense, sliceMs);
    });
    const { status, json } = await reload();
    expect(status).toBe(503);
    expect(json.error).toMatchObject({
      code: 'KbBuildFailed',
      message: expect.stringMatching(/could not be restored: SyntaxError/),
    });
    expect((await ask(kb.url, 'comment payer'))[0]).toBe(OLD_ANSWER);
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 1 });
    expect((await reload()).status).toBe(200);
    expect((await ask(kb.url, 'comment payer'))[0]).toBe(NEW_ANSWER);
  });

  test('an invalid file found by the build thread keeps the old KB, with the failing path', async () => {
    writeFileSync(kb.kbFile, readFileSync(kb.kbFile, 'utf8').replace('id: invoices', 'id: Invoices!'));
    const { status, json } = await reload();
    expect(status).toBe(422);
    expect((json.error as { issues: unknown[] }).issues).toEqual([
      expect.objectContaining({ file: kb.kbFile, path: 'entries[3].id' }),
    ]);
    expect((await ask(kb.url, 'comment payer'))[0]).toBe(OLD_ANSWER);
  });
});
