import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKnowledgeBase, KbError, parseKbText, type KbIssue } from '../../../knowledge-base/index';
import { kbFileText } from '../../../knowledge-base/kb-file-text';
import { kbToQnaTsv } from '../../../knowledge-base/qna-tsv-export';
import { qnaTsvToKb, slug } from '../../../knowledge-base/qna-tsv-import';

const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
const HEADER = 'Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId';
const row = (...cells: string[]) => cells.join('\t');

function parsedFile(file: string, text: string) {
  const r = parseKbText(file, text);
  if (!r.ok) throw new KbError(r.issues);
  return r.parsed.data;
}

function issuesOf(run: () => unknown): KbIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof KbError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a KbError');
}

const comparable = (entries: readonly { id: string }[]) =>
  entries.map((e) => {
    const { id, question, alternates, answer, tags, escalate, followUps } = e as Record<string, unknown>;
    return { id, question, alternates, answer, tags, escalate, followUps };
  });

describe('QnA Maker TSV', () => {
  test.each(['fr', 'en'] as const)(
    'round trip: the %s demo KB exported then imported gives the same entries',
    (locale) => {
      const file = join(DEMO, `${locale}.yaml`);
      const original = parsedFile(file, readFileSync(file, 'utf8'));
      const tsv = kbToQnaTsv(file, original);
      expect(tsv.split('\n')[0]).toBe(HEADER);
      const rows = original.entries.reduce((n, e) => n + 1 + e.alternates.length, 0);
      expect(tsv.trimEnd().split('\n')).toHaveLength(rows + 1);
      const imported = qnaTsvToKb('demo.tsv', tsv, locale);
      // Through the file text and the loader, as `relais kb import` writes it.
      const again = parsedFile('demo.yaml', kbFileText(imported, 'yaml'));
      expect(comparable(again.entries)).toEqual(comparable(original.entries));
    },
  );

  test('rows of one QnA pair become one entry; metadata, prompts and escaped line breaks are read', () => {
    const tsv = [
      HEADER,
      row(
        'Puis-je réserver une demi-heure ?',
        'Non : une heure minimum.\\nVoir les tarifs.',
        'Editorial',
        'category:booking|tag:durée',
        '[]',
        'false',
        '[{"displayOrder":1,"qnaId":7,"displayText":"Tarifs"}]',
        '3',
      ),
      row(
        'formule 30 min ?',
        'Non : une heure minimum.\\nVoir les tarifs.',
        'Editorial',
        'category:booking',
        '[]',
        'false',
        '[{"displayOrder":1,"qnaId":7,"displayText":"Tarifs"}]',
        '3',
      ),
      row(
        'Quels sont vos tarifs ?',
        "À partir de 25 € de l'heure.",
        'https://example.com/faq',
        '',
        '[]',
        'true',
        '[]',
        '7',
      ),
      row(
        'Une prestation a mal tourné',
        'Un conseiller reprend votre demande.',
        'Editorial',
        'escalate:true',
        '',
        '',
        '',
        '',
      ),
      row('Plainte', 'Un conseiller reprend votre demande.', 'Editorial', '', '', '', '', ''),
      '',
    ].join('\r\n');
    const kb = qnaTsvToKb('faq.tsv', tsv, 'fr');
    expect(kb.locale).toBe('fr');
    expect(kb.entries).toEqual([
      {
        id: 'puis-je-reserver-une-demi-heure',
        question: 'Puis-je réserver une demi-heure ?',
        alternates: ['formule 30 min ?'],
        answer: 'Non : une heure minimum.\nVoir les tarifs.',
        tags: ['category:booking', 'durée'],
        followUps: ['quels-sont-vos-tarifs'],
      },
      {
        id: 'quels-sont-vos-tarifs',
        question: 'Quels sont vos tarifs ?',
        alternates: [],
        answer: "À partir de 25 € de l'heure.",
      },
      {
        id: 'une-prestation-a-mal-tourne',
        question: 'Une prestation a mal tourné',
        alternates: ['Plainte'],
        answer: 'Un conseiller reprend votre demande.',
        escalate: true,
      },
    ]);
    expect(() => buildKnowledgeBase([{ file: 'faq.yaml', text: kbFileText(kb, 'yaml') }])).not.toThrow();
  });

  test('ids: metadata id first, then a slug of the first question, made unique, then qna-<QnaId>', () => {
    const tsv = [
      HEADER,
      row('Horaires ?', 'A', '', '', '', '', '', '1'),
      row('Horaires ?!', 'B', '', '', '', '', '', '2'),
      row('¿?', 'C', '', '', '', '', '', '3'),
      row('Autre', 'D', '', 'id:horaires', '', '', '', '4'),
    ].join('\n');
    expect(qnaTsvToKb('f.tsv', tsv, 'fr').entries.map((e) => e.id)).toEqual([
      'horaires-2',
      'horaires-3',
      'qna-3',
      'horaires',
    ]);
    expect(slug("Puis-je réserver moins d'une heure ?")).toBe('puis-je-reserver-moins-d-une-heure');
  });

  test('every malformed row is reported with its line, and nothing is returned', () => {
    const tsv = [
      HEADER,
      row('ok', 'fine', '', '', '[]', 'false', '[]', '1'),
      row('too', 'many', 'cells', '', '', '', '', '', 'x'),
      row('', 'no question', '', '', '', '', '', '2'),
      row('q', 'a', '', 'nocolon', '', 'maybe', '{oops', 'three'),
      row('other answer', 'not fine', '', '', '', '', '', '1'),
      row('prompt', 'to nowhere', '', '', '', '', '[{"qnaId":99}]', '5'),
    ].join('\n');
    expect(issuesOf(() => qnaTsvToKb('bad.tsv', tsv, 'en'))).toEqual([
      {
        file: 'bad.tsv',
        line: 3,
        path: '',
        message: 'expected 8 columns, found 9 (a tab inside a text must be written \\t)',
      },
      { file: 'bad.tsv', line: 4, path: 'Question', message: 'must not be empty' },
      { file: 'bad.tsv', line: 5, path: 'QnaId', message: '"three" is not a whole number' },
      { file: 'bad.tsv', line: 5, path: 'IsContextOnly', message: '"maybe" is not true or false' },
      { file: 'bad.tsv', line: 5, path: 'Metadata', message: '"nocolon" is not a key:value pair' },
      { file: 'bad.tsv', line: 5, path: 'Prompts', message: 'not valid JSON' },
      { file: 'bad.tsv', line: 6, path: 'Answer', message: 'QnaId 1 has another answer on line 2' },
    ]);
    // Once the rows are sound, a prompt to a pair that does not exist is reported too.
    const dangling = [HEADER, row('prompt', 'to nowhere', '', '', '', '', '[{"qnaId":99}]', '5')].join('\n');
    expect(issuesOf(() => qnaTsvToKb('bad.tsv', dangling, 'en'))).toEqual([
      { file: 'bad.tsv', line: 2, path: 'Prompts', message: 'prompt to QnaId 99, which no row has' },
    ]);
  });

  test('a file without the Question/Answer header, or without rows, is refused at line 1', () => {
    expect(issuesOf(() => qnaTsvToKb('x.tsv', 'Frage\tAntwort\nq\ta\n', 'fr'))).toEqual([
      {
        file: 'x.tsv',
        line: 1,
        path: '',
        message: `the header row has no "Question" column (expected ${HEADER.split('\t').join(', ')})`,
      },
      {
        file: 'x.tsv',
        line: 1,
        path: '',
        message: `the header row has no "Answer" column (expected ${HEADER.split('\t').join(', ')})`,
      },
    ]);
    expect(issuesOf(() => qnaTsvToKb('x.tsv', `${HEADER}\n`, 'fr'))).toEqual([
      { file: 'x.tsv', line: 1, path: '', message: 'no QnA rows after the header' },
    ]);
  });

  test('export: a tag that metadata cannot hold is refused with its path', () => {
    const data = parsedFile(
      'kb.yaml',
      'version: 1\nlocale: en\nentries:\n  - id: a\n    question: q\n    answer: a\n    tags: ["x|y"]\n',
    );
    expect(issuesOf(() => kbToQnaTsv('kb.yaml', data))).toEqual([
      { file: 'kb.yaml', path: 'entries[0].tags[0]', message: 'a tag with "|" cannot be QnA Maker metadata' },
    ]);
  });
});
