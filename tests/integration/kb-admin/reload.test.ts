import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { ask, AUTH, call, startKbAdminApp, type KbAdminApp } from './kb-admin-app';

let kb: KbAdminApp;

beforeEach(async () => {
  kb = await startKbAdminApp();
});
afterEach(async () => {
  await kb?.close();
});

const reload = (headers: Record<string, string> = AUTH) =>
  call(`${kb.url}/api/kb/reload`, 'POST', {}, headers);

describe('POST /api/kb/reload', () => {
  test('a changed file is read again and the bot answers from it', async () => {
    expect((await ask(kb.url, 'comment payer'))[0]).toBe('Carte bancaire, virement et CESU.');
    const text = readFileSync(kb.kbFile, 'utf8').replace(
      'Carte bancaire, virement et CESU.',
      'Carte bancaire uniquement depuis le 1er mars.',
    );
    writeFileSync(kb.kbFile, text);

    const { status, json } = await reload();
    expect(status).toBe(200);
    expect(json).toMatchObject({
      reloaded: true,
      generation: 2,
      entries: { fr: 4 },
      files: [{ file: kb.kbFile, locale: 'fr', entries: 4 }],
    });
    expect(json.buildMs).toEqual(expect.any(Number));
    expect(json.calibration).toEqual({
      fr: {
        source: expect.stringMatching(/^(calibration-set|self-calibration)$/),
        answerAt: expect.any(Number),
        clarifyAt: expect.any(Number),
        inScope: expect.any(Number),
        outOfScope: expect.any(Number),
        outOfScopeExamples: 0,
      },
    });
    expect(json.buildMs as number).toBeGreaterThan(0);
    expect((await ask(kb.url, 'comment payer'))[0]).toBe('Carte bancaire uniquement depuis le 1er mars.');
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 2, entries: { fr: 4 } });
  });

  test('issue 8 fault: a KB reload with a broken file keeps the old KB serving and lists every error', async () => {
    const broken = readFileSync(kb.kbFile, 'utf8')
      .replace('locale: fr', 'locale: de')
      .replace('answer: "Oui : 50 % des sommes versées."', 'answer: ""')
      .replace('id: invoices', 'id: booking-how');
    writeFileSync(kb.kbFile, broken);

    const { status, json } = await reload();
    expect(status).toBe(422);
    const error = json.error as { code: string; message: string; issues: unknown[] };
    expect(error.code).toBe('KbInvalid');
    expect(error.message).toMatch(/2 problems; the knowledge base in service is unchanged/);
    // zod reports the whole file at once; a duplicate id is only looked for in a file that parses.
    expect(error.issues).toEqual([
      { file: kb.kbFile, line: 3, path: 'locale', message: 'unknown locale (expected one of fr, en)' },
      { file: kb.kbFile, line: 16, path: 'entries[2].answer', message: 'answer must not be empty' },
    ]);
    expect((await ask(kb.url, 'comment payer'))[0]).toBe('Carte bancaire, virement et CESU.');
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 1 });

    writeFileSync(
      kb.kbFile,
      broken.replace('locale: de', 'locale: fr').replace('answer: ""', 'answer: "Oui."'),
    );
    const duplicate = await reload();
    expect(duplicate.status).toBe(422);
    expect((duplicate.json.error as { issues: unknown[] }).issues).toEqual([
      {
        file: kb.kbFile,
        line: 17,
        path: 'entries[3].id',
        message: `duplicate id "booking-how" in fr (first in ${kb.kbFile})`,
      },
    ]);
    writeFileSync(kb.kbFile, 'version: 1\nlocale: fr\nentries: [\n');
    const unparsable = await reload();
    expect(unparsable.status).toBe(422);
    expect((unparsable.json.error as { issues: { message: string }[] }).issues[0]!.message).toMatch(
      /^not valid YAML\/JSON/,
    );
    expect((await ask(kb.url, 'comment payer'))[0]).toBe('Carte bancaire, virement et CESU.');
  });

  test('a missing file is refused the same way', async () => {
    unlinkSync(kb.kbFile);
    const { status, json } = await reload();
    expect(status).toBe(422);
    expect((json.error as { issues: unknown[] }).issues).toEqual([
      { file: kb.kbFile, path: '', message: 'cannot read file (ENOENT)' },
    ]);
    expect((await ask(kb.url, 'comment payer'))[0]).toBe('Carte bancaire, virement et CESU.');
  });

  test('concurrent reloads run one after the other', async () => {
    const results = await Promise.all([reload(), reload(), reload()]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json.generation).sort()).toEqual([2, 3, 4]);
  });

  test('without the supervisor token: 401, and nothing is reloaded', async () => {
    expect((await reload({})).status).toBe(401);
    const wrong = await reload({ authorization: 'Bearer not-the-supervisor-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({
      error: {
        code: 'Unauthorized',
        message: 'a supervisor token is required (Authorization: Bearer <token>)',
      },
    });
    expect((await call(`${kb.url}/api/kb`, 'GET', undefined, {})).status).toBe(401);
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 1 });
  });
});

test('with no supervisor token configured, KB administration is off (503)', async () => {
  const off = await startKbAdminApp({ env: { SUPERVISOR_TOKEN: '' } });
  try {
    const { status, json } = await call(`${off.url}/api/kb/reload`, 'POST', {});
    expect(status).toBe(503);
    expect((json.error as { code: string }).code).toBe('KbAdminDisabled');
  } finally {
    await off.close();
  }
});
