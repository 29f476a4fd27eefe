import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseKbText } from '../../../knowledge-base/index';

// The CLI as users run it: the built bin (`npm test` builds before jest).
const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'relais.js');
const DEMO_EN = join(ROOT, 'knowledge-base', 'demo', 'en.yaml');
const HEADER = 'Question\tAnswer\tSource\tMetadata\tSuggestedQuestions\tIsContextOnly\tPrompts\tQnaId';

function relais(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const entriesOf = (file: string) => {
  const r = parseKbText(file, readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.parsed.data.entries;
};

let dir: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'relais-kb-io-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relais kb import / export', () => {
  test('export to QnA Maker TSV, import it back: the same entries, a valid KB', async () => {
    const tsv = join(dir, 'en.tsv');
    const exported = await relais('kb', 'export', '--kb', DEMO_EN, '--to', 'qna', tsv);
    expect(exported).toMatchObject({ code: 0, stdout: `${tsv}: 58 entries from ${DEMO_EN} (qna)\n` });
    expect(readFileSync(tsv, 'utf8').split('\n')[0]).toBe(HEADER);

    const yaml = join(dir, 'imported.yaml');
    const imported = await relais('kb', 'import', '--from', 'qna', tsv, '--locale', 'en', '--out', yaml);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/imported\.yaml: 58 entries, \d+ phrasings \(en\) from .*en\.tsv\n$/);
    expect(readFileSync(yaml, 'utf8')).toMatch(
      /^# Imported from en\.tsv \(QnA Maker TSV\) by relais kb import\.\n/,
    );
    expect(entriesOf(yaml)).toEqual(entriesOf(DEMO_EN));
    expect((await relais('kb', 'check', yaml)).code).toBe(0);
  });

  test('export to JSON and YAML gives the same entries', async () => {
    for (const to of ['json', 'yaml']) {
      const out = join(dir, `copy.${to}`);
      expect((await relais('kb', 'export', '--kb', DEMO_EN, '--to', to, out)).code).toBe(0);
      expect(entriesOf(out)).toEqual(entriesOf(DEMO_EN));
    }
    expect(() => JSON.parse(readFileSync(join(dir, 'copy.json'), 'utf8')) as unknown).not.toThrow();
  });

  test('a malformed TSV: exit 2 with file:line and the reason, nothing written', async () => {
    const sub = mkdtempSync(join(dir, 'bad-'));
    const tsv = join(sub, 'bad.tsv');
    writeFileSync(
      tsv,
      `${HEADER}\nq1\ta1\t\t\t[]\tfalse\t[]\t1\nq2\t\t\t\t[]\tfalse\t[]\t2\nq3\ta3\t\t\t[]\tfalse\t[]\n`,
    );
    const out = join(sub, 'kb.yaml');
    const run = await relais('kb', 'import', '--from', 'qna', tsv, '--locale', 'fr', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `relais: ${tsv}:3: Answer: must not be empty\n` +
        `${tsv}:4: expected 8 columns, found 7 (a tab inside a text must be written \\t)\n` +
        `2 problems; nothing written to ${out}\n`,
    );
    expect(readdirSync(sub)).toEqual(['bad.tsv']);
  });

  test('an existing output is replaced whole or left alone', async () => {
    const sub = mkdtempSync(join(dir, 'keep-'));
    const out = join(sub, 'kb.yaml');
    writeFileSync(out, 'previous content\n');
    const tsv = join(sub, 'x.tsv');
    writeFileSync(tsv, `${HEADER}\nq\ta\t\tnot-a-pair\t[]\tfalse\t[]\t1\n`);
    expect((await relais('kb', 'import', '--from', 'qna', tsv, '--locale', 'fr', '--out', out)).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous content\n');
    expect(readdirSync(sub).sort()).toEqual(['kb.yaml', 'x.tsv']);
  });

  test('bad usage: exit 2 with the usage line', async () => {
    const noLocale = await relais('kb', 'import', '--from', 'qna', 'x.tsv', '--out', 'y.yaml');
    expect(noLocale.code).toBe(2);
    expect(noLocale.stderr).toContain('--locale must be fr or en');
    const badFormat = await relais('kb', 'export', '--kb', DEMO_EN, '--to', 'csv', 'out.csv');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--to must be one of qna, json, yaml');
    const missing = await relais(
      'kb',
      'import',
      '--from',
      'qna',
      join(dir, 'nope.tsv'),
      '--locale',
      'fr',
      '--out',
      join(dir, 'n.yaml'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.tsv: cannot read file (ENOENT)');
  });
});
