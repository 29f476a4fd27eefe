import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The CLI as users run it: the built bin (`npm test` builds before jest).
const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'dist', 'cli', 'relais.js');
const DEMO_FR = join(ROOT, 'knowledge-base', 'demo', 'fr.yaml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function relais(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
const KB = `version: 1
locale: en
entries:
  - id: vip
    question: How much is the VIP subscription?
    alternates: [what does vip cost, vip price per month, is vip expensive]
    answer: 15 € a month.
  - id: invoices
    question: Where are my invoices?
    alternates: [download my invoice, i need a bill for my booking, send me the receipt]
    answer: Under My documents.
  - id: password
    question: I forgot my password
    alternates: [reset my password, cannot log in, lost password]
    answer: Use "Forgot password".
`;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'relais-cli-'));
  writeFileSync(join(dir, 'kb.yaml'), KB);
  writeFileSync(
    join(dir, 'queries.jsonl'),
    [
      { id: 'q1', text: 'how much does vip cost', expected: 'vip' },
      { id: 'q2', text: 'i lost my password', expected: 'password', extra: 'ignored' },
      { id: 'q3', text: 'what is the weather in paris', expected: null },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n') + '\n',
  );
});

describe('relais kb check', () => {
  it('prints counts for good files', async () => {
    const r = await relais('kb', 'check', DEMO_FR, join(dir, 'kb.yaml'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /fr\.yaml: ok — fr, \d+ entries, \d+ phrasings, 5 always escalated, \d+ out-of-scope examples, demo content/,
    );
    expect(r.stdout).toContain('kb.yaml: ok — en, 3 entries, 12 phrasings, 0 always escalated');
  });

  it('lists every problem with file, line and path, and exits 1', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'version: 1\nlocale: xx\nentries:\n  - id: a\n    question: q\n    answer: ""\n    followUps: [b]\n',
    );
    const r = await relais('kb', 'check', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:2: locale: unknown locale`);
    expect(r.stdout).toContain(`${bad}:6: entries[0].answer: answer must not be empty`);
    expect(r.stdout).toMatch(/2 problems; nothing loaded/);
  });
});

describe('relais kb ask', () => {
  it('prints the decision, confidence, candidates and explanation', async () => {
    const r = await relais('kb', 'ask', '--kb', DEMO_FR, 'combien coûte l’abonnement VIP ?');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^decision: {4}answer/m);
    expect(r.stdout).toMatch(/^candidates:\n {2}0\.\d{3} {2}vip-subscription/m);
    expect(r.stdout).toMatch(/^explanation: matched .*"abonnement", "vip"/m);
  });

  it('answers in JSON on request', async () => {
    const r = await relais('kb', 'ask', '--kb', DEMO_FR, '--json', 'quelle est la météo demain');
    expect(JSON.parse(r.stdout)).toMatchObject({
      decision: 'escalate',
      reason: 'low-confidence',
      locale: 'fr',
    });
  });

  it('refuses an unknown locale', async () => {
    const r = await relais('kb', 'ask', '--kb', DEMO_FR, '--locale', 'de', 'hallo');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--locale: unknown locale "de"');
  });
});

describe('relais kb eval', () => {
  it('writes one prediction per query in input order and a summary ending with one JSON line', async () => {
    const r = await relais(
      'kb',
      'eval',
      '--kb',
      join(dir, 'kb.yaml'),
      '--queries',
      join(dir, 'queries.jsonl'),
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 'q3']);
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual([
        'answerId',
        'candidates',
        'confidence',
        'decision',
        'id',
        'latencyMs',
      ]);
      expect(['answer', 'clarify', 'escalate']).toContain(l.decision);
    }
    const last = r.stderr.trim().split('\n').at(-1)!;
    const summary = JSON.parse(last) as Record<string, number>;
    expect(summary).toMatchObject({ queries: 3, in_scope: 2, out_of_scope: 1 });
    expect(r.stderr).toContain('in-scope accuracy');
  });

  it('writes --out atomically and prints no summary when nothing is labelled', async () => {
    const queries = join(dir, 'unlabelled.jsonl');
    writeFileSync(queries, '{"id":"a","text":"vip price"}\n{"id":"b","text":"invoice please"}\n');
    const out = join(dir, 'pred.jsonl');
    const r = await relais('kb', 'eval', '--kb', join(dir, 'kb.yaml'), '--queries', queries, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(r.stderr).not.toContain('in-scope accuracy');
  });

  it.each([
    ['not JSON', 'not json at all', ':1: not valid JSON'],
    ['a missing text', '{"id":"x"}', ':1: text:'],
    [
      'an unknown expected id',
      '{"id":"x","text":"hi","expected":"nope"}',
      ':1: expected: the KB has no entry "nope"',
    ],
  ])('stops on %s with file and line, exit 2, nothing written', async (_label, line, message) => {
    const queries = join(dir, `bad-${Math.random().toString(36).slice(2)}.jsonl`);
    writeFileSync(queries, line + '\n');
    const out = join(dir, `never-${Math.random().toString(36).slice(2)}.jsonl`);
    const r = await relais('kb', 'eval', '--kb', join(dir, 'kb.yaml'), '--queries', queries, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${queries}${message}`);
    expect(existsSync(out)).toBe(false);
  });

  it('requires expected in a calibration file', async () => {
    const cal = join(dir, 'cal.jsonl');
    writeFileSync(cal, '{"id":"c1","text":"vip cost","expected":"vip"}\n{"id":"c2","text":"hello there"}\n');
    const r = await relais(
      'kb',
      'eval',
      '--kb',
      join(dir, 'kb.yaml'),
      '--queries',
      join(dir, 'queries.jsonl'),
      '--calibration',
      cal,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${cal}:2: expected: required in a calibration file`);
  });

  it('states the answer policy it calibrates to, and refuses a bad one naming the option', async () => {
    const args = ['kb', 'eval', '--kb', join(dir, 'kb.yaml'), '--queries', join(dir, 'queries.jsonl')];
    const loose = await relais(...args, '--max-wrong', '10', '--min-oos-recall', '60%');
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain('policy: at most 10 % wrong answers, at least 60 % of out-of-scope');
    const bad = await relais(...args, '--max-wrong', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-wrong: must be a percentage such as 4 or 10 (got "lots")');
    expect(bad.stdout).toBe('');
  });

  it('explains its usage', async () => {
    const r = await relais('kb', 'eval', '--kb', join(dir, 'kb.yaml'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: relais kb eval');
  });
});
