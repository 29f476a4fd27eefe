import { join, resolve } from 'node:path';
import {
  buildKnowledgeBase,
  Faq,
  loadKnowledgeBase,
  readLabelledLines,
  summarize,
  toPrediction,
  type LabelledText,
  type LoadedKnowledgeBase,
  type Prediction,
} from '../../knowledge-base';
import { sharedDataFile } from '../support/shared-data';
import { table } from '../support/table';
import { loadClinc } from './clinc';

// KBs nobody calibrated by hand: no calibration set, so the matcher calibrates itself, under the
// default policy (at most 4 % wrong answers, 70 % of out-of-scope questions to a person). "dev"
// sets are where choices are made (CLINC150 val, the demo dev sets); "test" sets check them.

const CLINC = 'bench/data/clinc150/data_full.json';
const ROOT = resolve(__dirname, '..', '..', '..');

function log(message: string): void {
  process.stderr.write(`[bench:self-calibration] ${message}\n`);
}

/** The KB with each entry's question only, as many FAQs are written. */
function questionsOnly(kb: LoadedKnowledgeBase): LoadedKnowledgeBase {
  return { ...kb, entries: kb.entries.map((e) => ({ ...e, alternates: [] })) };
}

async function labelled(file: string): Promise<LabelledText[]> {
  return (await readLabelledLines(file, true)).map((l) => ({ text: l.text, expected: l.expected ?? null }));
}

interface Run {
  readonly name: string;
  readonly kb: LoadedKnowledgeBase;
  readonly locale: 'fr' | 'en';
  readonly sets: ReadonlyArray<readonly [string, readonly LabelledText[]]>;
}

async function score(run: Run): Promise<string[][]> {
  const started = performance.now();
  const faq = Faq.build(run.kb);
  const buildMs = performance.now() - started;
  const { thresholds, samples } = faq.info[0]!.calibration;
  log(`${run.name}: built in ${buildMs.toFixed(0)} ms, ${samples.inScope} / ${samples.outOfScope} samples`);
  const rows: string[][] = [];
  for (const [set, queries] of run.sets) {
    const predictions: Prediction[] = [];
    for (const [i, q] of queries.entries())
      predictions.push(toPrediction(String(i), await faq.match(q.text, { locale: run.locale })));
    const s = summarize(
      predictions,
      queries.map((q) => q.expected),
      buildMs,
    );
    rows.push([
      `${run.name} — ${set}`,
      String(s.in_scope_accuracy_pct),
      String(s.accuracy_plus_clarify_pct),
      String(s.wrong_answers_pct),
      String(s.out_of_scope_recall_pct),
      `${thresholds.answerAt} / ${thresholds.clarifyAt}`,
      `${samples.inScope}/${samples.outOfScope}`,
    ]);
  }
  return rows;
}

async function main(): Promise<void> {
  const clinc = loadClinc(sharedDataFile(CLINC));
  const clincKb = (k: number): LoadedKnowledgeBase =>
    buildKnowledgeBase([{ file: `clinc-k${k}.json`, text: clinc.kbText(k) }]);
  const clincSets = [
    ['dev (val)', clinc.calibration],
    ['test', clinc.queries],
  ] as const;
  const runs: Run[] = [
    { name: 'CLINC150 k1', kb: clincKb(1), locale: 'en', sets: clincSets },
    { name: 'CLINC150 k10', kb: clincKb(10), locale: 'en', sets: clincSets },
  ];
  for (const locale of ['fr', 'en'] as const) {
    const kb = await loadKnowledgeBase([join(ROOT, 'knowledge-base', 'demo', `${locale}.yaml`)]);
    const fixtures = join(ROOT, 'tests', 'fixtures');
    const sets = [
      [
        'dev + dev2',
        [
          ...(await labelled(join(fixtures, `demo-${locale}-dev.jsonl`))),
          ...(await labelled(join(fixtures, `demo-${locale}-dev2.jsonl`))),
        ],
      ],
      ['test', await labelled(join(fixtures, `demo-${locale}-queries.jsonl`))],
    ] as const;
    runs.push({ name: `demo ${locale.toUpperCase()}`, kb, locale, sets });
    runs.push({ name: `demo ${locale.toUpperCase()} questions only`, kb: questionsOnly(kb), locale, sets });
  }
  const rows: string[][] = [];
  for (const run of runs) rows.push(...(await score(run)));
  process.stdout.write(
    table([
      [
        'self-calibrated KB — queries',
        'in-scope acc %',
        'acc+clarify %',
        'wrong %',
        'oos recall %',
        'answerAt / clarifyAt',
        'samples in/out',
      ],
      ...rows,
    ]) + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
