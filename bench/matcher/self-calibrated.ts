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
  openEncoderVectors,
} from '../../knowledge-base';
import { sharedDataFile } from '../support/shared-data';
import { table } from '../support/table';
import { loadClinc } from './clinc';
import { countedVectors, type CountedVectors } from './counted-vectors';
import { bestThresholdUnderPolicy, predictionsAsBaseline } from './own-curve';
import { baselineAtRecall } from './same-recall';
import { tfidfLogisticBaseline } from './tfidf-lr';

// KBs nobody calibrated by hand: no calibration set, so the matcher calibrates itself, under the
// default policy (at most 4 % wrong answers, 70 % of out-of-scope questions to a person). "dev"
// sets are where choices are made (CLINC150 val, the demo dev sets); "test" sets check them.
// Two columns split what the matcher gets wrong: "one threshold − LR" sweeps the matcher's own
// confidence as LR's is swept (its ranking, thresholds aside), and "best threshold" is the lowest
// one that meets the policy on the queries themselves (what a perfect self-calibration could reach).

const CLINC = 'bench/data/clinc150/data_full.json';
const ROOT = resolve(__dirname, '..', '..', '..');
/** --encoder off: lexical only; by default the encoder runs as `npm start` runs it (both languages). */
const ENCODER = !process.argv.includes('off');
/** --only NAME: the runs whose name starts with NAME (e.g. "demo FR"). */
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

function log(message: string): void {
  process.stderr.write(`[bench:self-calibration] ${message}\n`);
}

/** The KB with each entry's question only, as many FAQs are written. */
function questionsOnly(kb: LoadedKnowledgeBase): LoadedKnowledgeBase {
  return { ...kb, entries: kb.entries.map((e) => ({ ...e, alternates: [] })) };
}

/** A mixed FAQ: every third entry keeps its alternates, the others have their question only. */
function aThirdWithAlternates(kb: LoadedKnowledgeBase): LoadedKnowledgeBase {
  return { ...kb, entries: kb.entries.map((e, i) => (i % 3 === 0 ? e : { ...e, alternates: [] })) };
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

/** Figures of one set, for the JSON line: in-scope accuracy and the gap to TF-IDF + LR at the same recall. */
interface SetFigures {
  readonly key: string;
  readonly accuracyPct: number;
  readonly wrongPct: number;
  readonly recallPct: number;
  readonly minusLrPct: number;
  readonly oneThresholdMinusLrPct: number;
  readonly oracleAccuracyPct: number | undefined;
}

async function score(
  run: Run,
  vectors: CountedVectors | undefined,
  figures: SetFigures[],
): Promise<string[][]> {
  const started = performance.now();
  // Nothing learned by an earlier build is loaded: each run calibrates itself afresh.
  const faq = await Faq.create(run.kb, vectors ? { vectors: { ...vectors.source, learned: undefined } } : {});
  const buildMs = performance.now() - started;
  const lr = tfidfLogisticBaseline(run.kb.entries);
  const { thresholds, samples } = faq.info[0]!.calibration;
  log(`${run.name}: built in ${buildMs.toFixed(0)} ms, ${samples.inScope} / ${samples.outOfScope} samples`);
  const rows: string[][] = [];
  for (const [set, queries] of run.sets) {
    const predictions: Prediction[] = [];
    vectors?.take();
    for (const [i, q] of queries.entries())
      predictions.push(toPrediction(String(i), await faq.match(q.text, { locale: run.locale })));
    const s = summarize(
      predictions,
      queries.map((q) => q.expected),
      buildMs,
    );
    const fullPassPct = vectors ? String(Math.round((1000 * vectors.take()) / queries.length) / 10) : '';
    // LR with no calibration set either: its threshold swept on these queries, at the matcher's recall.
    const lrAcc = baselineAtRecall(lr, queries, queries, s.out_of_scope_recall_pct).interpolatedAccuracyPct;
    const minusLr = Math.round((s.in_scope_accuracy_pct - lrAcc) * 10) / 10;
    // The matcher's confidence swept the same way: its ranking against LR's, thresholds aside.
    const ownAcc = baselineAtRecall(
      predictionsAsBaseline(queries, predictions),
      queries,
      queries,
      s.out_of_scope_recall_pct,
    ).interpolatedAccuracyPct;
    const oneThresholdMinusLr = Math.round((ownAcc - lrAcc) * 10) / 10;
    // What a perfect self-calibration could reach with one threshold under the default policy.
    const oracle = bestThresholdUnderPolicy(queries, predictions, 4, 70);
    figures.push({
      key: `${run.name} ${set}`,
      accuracyPct: s.in_scope_accuracy_pct,
      wrongPct: s.wrong_answers_pct,
      recallPct: s.out_of_scope_recall_pct,
      minusLrPct: minusLr,
      oneThresholdMinusLrPct: oneThresholdMinusLr,
      oracleAccuracyPct: oracle?.accuracyPct,
    });
    rows.push([
      `${run.name} — ${set}`,
      String(s.in_scope_accuracy_pct),
      String(s.accuracy_plus_clarify_pct),
      String(s.wrong_answers_pct),
      String(s.out_of_scope_recall_pct),
      `${thresholds.answerAt} / ${thresholds.clarifyAt}`,
      `${samples.inScope}/${samples.outOfScope}`,
      String(lrAcc),
      String(minusLr),
      String(oneThresholdMinusLr),
      oracle ? `${oracle.accuracyPct} / ${oracle.wrongPct} / ${oracle.recallPct}` : 'none',
      fullPassPct,
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
    runs.push({
      name: `demo ${locale.toUpperCase()} a third with alternates`,
      kb: aThirdWithAlternates(kb),
      locale,
      sets,
    });
  }
  const encoder = ENCODER
    ? await openEncoderVectors({
        mode: 'on',
        pass: 'cascade',
        ...(process.env.ENCODER_CACHE_DIR ? { cacheDir: process.env.ENCODER_CACHE_DIR } : {}),
      })
    : undefined;
  if (encoder && !encoder.vectors) log(`encoder unavailable: lexical only`);
  const rows: string[][] = [];
  const figures: SetFigures[] = [];
  for (const run of runs.filter((r) => ONLY === undefined || r.name.startsWith(ONLY)))
    rows.push(...(await score(run, encoder?.vectors && countedVectors(encoder.vectors), figures)));
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
        'LR acc % same recall',
        'Relais − LR',
        'one threshold − LR',
        'best threshold acc/wrong/recall',
        'full pass %',
      ],
      ...rows,
    ]) + '\n',
  );
  const json: Record<string, number | boolean> = { encoder: Boolean(encoder?.vectors) };
  for (const f of figures) {
    const key = f.key
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    json[`${key}_in_scope_accuracy_pct`] = f.accuracyPct;
    json[`${key}_wrong_answers_pct`] = f.wrongPct;
    json[`${key}_out_of_scope_recall_pct`] = f.recallPct;
    json[`${key}_relais_minus_lr_pct`] = f.minusLrPct;
    json[`${key}_one_threshold_minus_lr_pct`] = f.oneThresholdMinusLrPct;
    if (f.oracleAccuracyPct !== undefined) json[`${key}_best_threshold_accuracy_pct`] = f.oracleAccuracyPct;
  }
  process.stdout.write(`${JSON.stringify(json)}\n`);
  await encoder?.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
