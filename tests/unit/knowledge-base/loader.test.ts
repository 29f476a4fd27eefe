import { buildKnowledgeBase, formatIssue, KbError, parseKbText } from '../../../knowledge-base';

function refused(sources: Array<{ file: string; text: string }>): KbError {
  try {
    buildKnowledgeBase(sources);
  } catch (err) {
    if (err instanceof KbError) return err;
    throw err;
  }
  throw new Error('expected the KB to be refused');
}

const GOOD_FR = `version: 1
locale: fr-FR
entries:
  - id: booking-minimum
    question: Puis-je réserver une demi-heure ?
    alternates: [on peut prendre 30 min ?]
    answer: Le minimum est d'une heure.
    followUps: [booking-how]
  - id: booking-how
    question: Comment réserver ?
    answer: Créditez votre compte puis choisissez un créneau.
`;

describe('knowledge-base files', () => {
  it('loads YAML with defaults and maps fr-FR to fr', () => {
    const kb = buildKnowledgeBase([{ file: 'fr.yaml', text: GOOD_FR }]);
    expect(kb.files).toEqual([{ file: 'fr.yaml', locale: 'fr', entries: 2, outOfScope: 0, demo: false }]);
    expect(kb.entries[1]).toMatchObject({
      id: 'booking-how',
      locale: 'fr',
      alternates: [],
      tags: [],
      escalate: false,
      followUps: [],
    });
  });

  it('loads JSON, and a per-entry locale overrides the file', () => {
    const json = JSON.stringify({
      version: 1,
      locale: 'en',
      entries: [
        { id: 'vip', question: 'What is VIP?', answer: '15 € a month.' },
        { id: 'vip', locale: 'fr', question: 'VIP ?', answer: '15 € par mois.' },
      ],
    });
    const kb = buildKnowledgeBase([{ file: 'kb.json', text: json }]);
    expect(kb.entries.map((e) => `${e.locale}:${e.id}`)).toEqual(['en:vip', 'fr:vip']);
  });

  it('lists every problem at once, each with its path and YAML line', () => {
    const bad = `version: 1
locale: fr
entries:
  - id: a
    question: Première ?
    answer: ""
    followUps: [nowhere]
  - id: a
    question: Doublon ?
    answer: Oui.
  - id: b
    question: Autre ?
    answer: Oui.
    locale: de
`;
    const err = refused([{ file: 'bad.yaml', text: bad }]);
    const lines = err.issues.map(formatIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        'bad.yaml:6: entries[0].answer: answer must not be empty',
        expect.stringMatching(/^bad\.yaml:14: entries\[2\]\.locale: unknown locale/),
      ]),
    );
    expect(err.code).toBe('KB_INVALID');
    expect(err.message).toContain('entries[0].answer');
  });

  it('finds duplicate ids within a language across files, and unknown followUps', () => {
    const other = `version: 1
locale: fr
entries:
  - id: booking-how
    question: Réserver ?
    answer: Comme ça.
    followUps: [ghost]
`;
    const err = refused([
      { file: 'fr.yaml', text: GOOD_FR },
      { file: 'fr-extra.yaml', text: other },
    ]);
    expect(err.issues.map(formatIssue)).toEqual([
      'fr-extra.yaml:4: entries[0].id: duplicate id "booking-how" in fr (first in fr.yaml)',
      'fr-extra.yaml:7: entries[0].followUps[0]: unknown followUp id "ghost" in fr',
    ]);
  });

  it('refuses malformed YAML with its line', () => {
    const r = parseKbText('broken.yaml', 'version: 1\nlocale: fr\nentries:\n  - id: a\n   question: [oops\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toMatch(/^not valid YAML\/JSON/);
  });

  it('refuses unknown fields and a wrong version', () => {
    const err = refused([
      {
        file: 'x.json',
        text: JSON.stringify({
          version: 2,
          locale: 'en',
          entries: [{ id: 'a', question: 'q', answer: 'a', colour: 'red' }],
        }),
      },
    ]);
    expect(err.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['version', 'entries[0]']));
  });

  it('loads nothing when one of several files is bad', () => {
    expect(() =>
      buildKnowledgeBase([
        { file: 'fr.yaml', text: GOOD_FR },
        { file: 'en.yaml', text: 'version: 1\nlocale: en\nentries: []\n' },
      ]),
    ).toThrow(/en\.yaml:3: entries: a knowledge base needs at least one entry/);
  });

  it('refuses YAML alias bombs and unresolved aliases instead of expanding them', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(i === 1 ? '*a' : `*l${i - 1}`)
          .join(', ')}]`,
      );
    const bomb = parseKbText('bomb.yaml', levels.join('\n') + '\n');
    expect(bomb.ok).toBe(false);
    if (!bomb.ok) expect(bomb.issues[0]!.message).toMatch(/^not valid YAML\/JSON/);
    const alias = parseKbText('alias.yaml', '*nowhere');
    expect(alias.ok).toBe(false);
  });
});
