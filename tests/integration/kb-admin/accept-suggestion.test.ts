import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';
import { parseKbText } from '../../../knowledge-base/index';
import { ask, AUTH, call, KB_FR, startKbAdminApp, type KbAdminApp } from './kb-admin-app';

let kb: KbAdminApp | undefined;
afterEach(async () => {
  await kb?.close();
  kb = undefined;
});

const accept = (app: KbAdminApp, body: unknown, headers: Record<string, string> = AUTH) =>
  call(`${app.url}/api/kb/suggestions/accept`, 'POST', body, headers);

const GIFT_CARDS = {
  locale: 'fr',
  id: 'gift-cards',
  question: 'Vendez-vous des cartes cadeaux ?',
  alternates: ['offrir une carte cadeau', 'bon cadeau pour des heures de ménage', 'carte cadeau à offrir'],
  answer: 'Oui : des cartes cadeaux de 1 à 10 heures, valables un an.',
  tags: ['gift'],
};

describe('POST /api/kb/suggestions/accept', () => {
  test('a new entry is written into the YAML file (comments kept) and answered at once', async () => {
    kb = await startKbAdminApp();
    const before = await ask(kb.url, 'vous vendez des cartes cadeaux ?');
    expect(before[0]).not.toBe(GIFT_CARDS.answer);

    const { status, json } = await accept(kb, GIFT_CARDS);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      accepted: true,
      changed: true,
      file: kb.kbFile,
      entryId: 'gift-cards',
      locale: 'fr',
      added: [GIFT_CARDS.question, ...GIFT_CARDS.alternates],
      reload: { generation: 2, entries: { fr: 5 } },
    });
    const text = readFileSync(kb.kbFile, 'utf8');
    expect(text.startsWith(KB_FR)).toBe(true); // the old content, comment included, untouched
    const parsed = parseKbText(kb.kbFile, text);
    expect(parsed.ok && parsed.parsed.data.entries.at(-1)).toMatchObject({
      id: 'gift-cards',
      tags: ['gift'],
    });
    expect((await ask(kb.url, 'vous vendez des cartes cadeaux ?'))[0]).toBe(GIFT_CARDS.answer);
    // No temporary file left beside the KB.
    expect(readdirSync(kb.dir)).toEqual(['fr.yaml']);
  });

  test('new phrasings of an existing entry; accepting them again changes nothing', async () => {
    kb = await startKbAdminApp();
    const body = {
      locale: 'fr',
      entryId: 'payment-methods',
      phrasings: ['je peux régler en tickets CESU ?'],
    };
    const first = await accept(kb, body);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ changed: true, added: ['je peux régler en tickets CESU ?'] });
    const parsed = parseKbText(kb.kbFile, readFileSync(kb.kbFile, 'utf8'));
    expect(parsed.ok && parsed.parsed.data.entries[1]!.alternates.at(-1)).toBe(
      'je peux régler en tickets CESU ?',
    );
    expect((await ask(kb.url, 'je peux régler en tickets CESU ?'))[0]).toBe(
      'Carte bancaire, virement et CESU.',
    );

    const again = await accept(kb, body);
    expect(again).toEqual({
      status: 200,
      json: {
        accepted: true,
        changed: false,
        file: kb.kbFile,
        entryId: 'payment-methods',
        locale: 'fr',
        added: [],
      },
    });
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 2 });
  });

  test('a JSON KB stays JSON', async () => {
    const parsed = parseKbText('kb.yaml', KB_FR);
    if (!parsed.ok) throw new Error('fixture');
    kb = await startKbAdminApp({ kb: JSON.stringify(parsed.parsed.data, null, 2), fileName: 'fr.json' });
    const { status } = await accept(kb, {
      locale: 'fr',
      entryId: 'invoices',
      phrasings: ['ma facture de mars'],
    });
    expect(status).toBe(200);
    const data = JSON.parse(readFileSync(kb.kbFile, 'utf8')) as {
      entries: { id: string; alternates: string[] }[];
    };
    expect(data.entries.find((e) => e.id === 'invoices')?.alternates.at(-1)).toBe('ma facture de mars');
  });

  test('a change that would make the KB invalid is refused (422) and the file is untouched', async () => {
    kb = await startKbAdminApp();
    const { status, json } = await accept(kb, { ...GIFT_CARDS, id: 'invoices' });
    expect(status).toBe(422);
    expect((json.error as { issues: unknown[] }).issues).toEqual([
      {
        file: kb.kbFile,
        line: 22, // the new entry, after the blank line that separates it
        path: 'entries[4].id',
        message: `duplicate id "invoices" in fr (first in ${kb.kbFile})`,
      },
    ]);
    expect(readFileSync(kb.kbFile, 'utf8')).toBe(KB_FR);
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 1 });
  });

  test('a bad body is a 400 naming the field; an unknown entry a 404', async () => {
    kb = await startKbAdminApp();
    const bad = await accept(kb, { ...GIFT_CARDS, id: 'Gift Cards!', answer: ' ' });
    expect(bad.status).toBe(400);
    expect((bad.json.error as { message: string }).message).toBe(
      'id: id must be lower-case letters, digits, ".", "_" or "-" (max 80); answer: answer must not be empty',
    );
    const noPhrasing = await accept(kb, { locale: 'fr', entryId: 'invoices', phrasings: [] });
    expect((noPhrasing.json.error as { message: string }).message).toBe(
      'phrasings: give at least one phrasing',
    );
    expect((await accept(kb, 'not json')).status).toBe(400);
    const unknown = await accept(kb, { locale: 'fr', entryId: 'no-such-entry', phrasings: ['x'] });
    expect(unknown).toEqual({
      status: 404,
      json: { error: { code: 'NotFound', message: 'no entry "no-such-entry" in fr' } },
    });
    const noEnglish = await accept(kb, { ...GIFT_CARDS, locale: 'en' });
    expect(noEnglish.status).toBe(404);
    expect(readFileSync(kb.kbFile, 'utf8')).toBe(KB_FR);
  });

  test('KB_READ_ONLY: 403, nothing written (reload still works)', async () => {
    kb = await startKbAdminApp({ env: { KB_READ_ONLY: 'true' } });
    const { status, json } = await accept(kb, GIFT_CARDS);
    expect(status).toBe(403);
    expect(json).toEqual({
      error: { code: 'KbReadOnly', message: 'the knowledge base is read-only on this server (KB_READ_ONLY)' },
    });
    expect(readFileSync(kb.kbFile, 'utf8')).toBe(KB_FR);
    expect((await call(`${kb.url}/api/kb/reload`, 'POST', {})).status).toBe(200);
  });

  test('a KB file the server cannot write: 409, nothing written', async () => {
    kb = await startKbAdminApp();
    // root ignores file modes: make the file immutable instead (lifted in `finally`).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', kb.kbFile]);
    else chmodSync(kb.kbFile, 0o444);
    try {
      const { status, json } = await accept(kb, GIFT_CARDS);
      expect(status).toBe(409);
      expect((json.error as { code: string; message: string }).code).toBe('KbNotWritable');
      expect((json.error as { message: string }).message).toMatch(
        /^the knowledge-base file cannot be written \(.*fr\.yaml: (EACCES|EPERM)\)$/,
      );
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', kb.kbFile]);
      else chmodSync(kb.kbFile, 0o644);
    }
    expect(readFileSync(kb.kbFile, 'utf8')).toBe(KB_FR);
  });

  test('without the supervisor token: 401 and nothing written', async () => {
    kb = await startKbAdminApp();
    expect((await accept(kb, GIFT_CARDS, {})).status).toBe(401);
    expect(readFileSync(kb.kbFile, 'utf8')).toBe(KB_FR);
  });

  test('a reload and an accept sent together both complete, one after the other', async () => {
    kb = await startKbAdminApp();
    const [reloaded, accepted] = await Promise.all([
      call(`${kb.url}/api/kb/reload`, 'POST', {}),
      accept(kb, GIFT_CARDS),
    ]);
    expect(reloaded.status).toBe(200);
    expect(accepted.status).toBe(200);
    expect(
      [reloaded.json.generation, (accepted.json.reload as { generation: number }).generation].sort(),
    ).toEqual([2, 3]);
    expect((await call(`${kb.url}/api/kb`, 'GET')).json).toMatchObject({ generation: 3, entries: { fr: 5 } });
  });
});
