import { parseKbText } from '../../../knowledge-base/index';
import { applyKbEdit } from '../../../knowledge-base/kb-edit';

const YAML = `# Top comment: who owns this file
version: 1
locale: fr
entries:
  # Paiement
  - id: payment-methods
    question: "Quels moyens de paiement acceptez-vous ?"
    alternates: ['payer par carte', "vous prenez les chèques ?"] # keep me
    answer: "Carte bancaire, virement et CESU."
    tags: [payment]

  - id: invoices
    question: "Où trouver mes factures ?"
    answer: "Dans « Mon compte »."
`;

const ok = (r: ReturnType<typeof applyKbEdit>) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

const entriesOf = (file: string, text: string) => {
  const parsed = parseKbText(file, text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.parsed.data.entries;
};

describe('applyKbEdit on YAML', () => {
  test('new phrasings join the entry; comments, quoting and the rest of the file stay as they were', () => {
    const r = ok(
      applyKbEdit('kb.yaml', YAML, {
        kind: 'new-phrasings',
        locale: 'fr',
        entryId: 'payment-methods',
        phrasings: ['je peux payer en espèces ?', 'PAYER PAR CARTE', '  je peux payer en especes ?  '],
      }),
    );
    // Already there (case aside) or twice in the request (accents and spaces aside): added once.
    expect(r.added).toEqual(['je peux payer en espèces ?']);
    expect(r.text).toBe(
      YAML.replace(
        `alternates: ['payer par carte', "vous prenez les chèques ?"] # keep me`,
        `alternates: ['payer par carte', "vous prenez les chèques ?", je peux payer en espèces ?] # keep me`,
      ),
    );
    expect(entriesOf('kb.yaml', r.text)[0]!.alternates).toEqual([
      'payer par carte',
      'vous prenez les chèques ?',
      'je peux payer en espèces ?',
    ]);
  });

  test('an entry without alternates gets a list', () => {
    const r = ok(
      applyKbEdit('kb.yaml', YAML, {
        kind: 'new-phrasings',
        locale: 'fr',
        entryId: 'invoices',
        phrasings: ['ma facture de mars'],
      }),
    );
    expect(entriesOf('kb.yaml', r.text)[1]!.alternates).toEqual(['ma facture de mars']);
    expect(r.text.startsWith('# Top comment: who owns this file\n')).toBe(true);
  });

  test('a new entry is appended after the others, the comments kept', () => {
    const r = ok(
      applyKbEdit('kb.yaml', YAML, {
        kind: 'new-entry',
        locale: 'fr',
        entry: {
          id: 'gift-cards',
          question: 'Vendez-vous des cartes cadeaux ?',
          alternates: ['carte cadeau', 'offrir des heures de ménage', 'Carte cadeau'],
          answer: 'Oui, de 1 à 10 heures.',
          tags: ['gift'],
        },
      }),
    );
    expect(r.added).toEqual([
      'Vendez-vous des cartes cadeaux ?',
      'carte cadeau',
      'offrir des heures de ménage',
    ]);
    expect(r.text.startsWith(YAML)).toBe(true);
    expect(entriesOf('kb.yaml', r.text).map((e) => e.id)).toEqual([
      'payment-methods',
      'invoices',
      'gift-cards',
    ]);
    expect(entriesOf('kb.yaml', r.text)[2]).toMatchObject({
      question: 'Vendez-vous des cartes cadeaux ?',
      alternates: ['carte cadeau', 'offrir des heures de ménage'],
      answer: 'Oui, de 1 à 10 heures.',
      tags: ['gift'],
    });
  });

  test('nothing new: the text is returned unchanged with nothing added', () => {
    const r = ok(
      applyKbEdit('kb.yaml', YAML, {
        kind: 'new-phrasings',
        locale: 'fr',
        entryId: 'payment-methods',
        phrasings: ['Quels moyens de paiement acceptez-vous ?'],
      }),
    );
    expect(r).toEqual({ ok: true, text: YAML, added: [] });
  });

  test('an entry the file does not hold (or in another language) is reported', () => {
    for (const [entryId, locale] of [
      ['nope', 'fr'],
      ['invoices', 'en'],
    ] as const) {
      expect(
        applyKbEdit('kb.yaml', YAML, { kind: 'new-phrasings', locale, entryId, phrasings: ['x'] }),
      ).toEqual({
        ok: false,
        reason: 'unknown-entry',
        message: `no entry "${entryId}" in ${locale} in this file`,
      });
    }
  });
});

describe('applyKbEdit on JSON', () => {
  const JSON_KB = `{
    "version": 1,
    "locale": "en",
    "entries": [
        { "id": "vip", "question": "How much is VIP?", "answer": "15 € a month." }
    ]
}
`;

  test('stays JSON, with the file indentation', () => {
    const r = ok(
      applyKbEdit('kb.json', JSON_KB, {
        kind: 'new-phrasings',
        locale: 'en',
        entryId: 'vip',
        phrasings: ['vip price'],
      }),
    );
    expect(JSON.parse(r.text)).toEqual({
      version: 1,
      locale: 'en',
      entries: [
        { id: 'vip', question: 'How much is VIP?', answer: '15 € a month.', alternates: ['vip price'] },
      ],
    });
    expect(r.text).toContain('\n    "version": 1,');
    const added = ok(
      applyKbEdit('kb.json', r.text, {
        kind: 'new-entry',
        locale: 'en',
        entry: { id: 'hours', question: 'When are you open?', alternates: [], answer: '8 to 21.' },
      }),
    );
    expect(entriesOf('kb.json', added.text).map((e) => e.id)).toEqual(['vip', 'hours']);
  });

  test('a file that is not JSON is reported', () => {
    expect(
      applyKbEdit('kb.json', '{ "entries": [', {
        kind: 'new-phrasings',
        locale: 'en',
        entryId: 'vip',
        phrasings: ['x'],
      }),
    ).toMatchObject({ ok: false, reason: 'not-a-kb' });
  });
});
