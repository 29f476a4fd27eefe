import { open, rename, unlink } from 'node:fs/promises';
import {
  answerPolicyFromText,
  checkExpectedIds,
  detectLanguage,
  discoverCalibration,
  Faq,
  loadKnowledgeBase,
  openEncoderVectors,
  readLabelledLines,
  summarize,
  toPrediction,
  type EvalSummary,
  type LabelledLine,
  type LabelledText,
  type Locale,
  type Prediction,
} from '../knowledge-base';
import { CliError } from './cli-error';

export interface EvalArgs {
  readonly kb: readonly string[];
  readonly queries: string | undefined;
  readonly calibration: string | undefined;
  readonly out: string | undefined;
  /** --max-wrong / --min-oos-recall, in percent (text as typed); absent: the default policy. */
  readonly maxWrong?: string | undefined;
  readonly minOosRecall?: string | undefined;
  /** --encoder off|on|auto (default off: the lexical matcher), --encoder-pass fast|full|cascade (default cascade). */
  readonly encoder?: string | undefined;
  readonly encoderPass?: string | undefined;
}

export const KB_EVAL_USAGE =
  'relais kb eval --kb KB [--kb KB2…] --queries Q.jsonl [--calibration V.jsonl] [--out PRED.jsonl] [--max-wrong PCT] [--min-oos-recall PCT] [--encoder off|on|auto] [--encoder-pass fast|full|cascade]';

const PROGRESS_EVERY = 1000;

export async function kbEval(
  args: EvalArgs,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  if (args.kb.length === 0 || !args.queries) {
    throw new CliError(`usage: ${KB_EVAL_USAGE}`);
  }
  const policy = answerPolicyFromText({
    maxWrongAnswersPct: { name: '--max-wrong', text: args.maxWrong },
    minOutOfScopeRecallPct: { name: '--min-oos-recall', text: args.minOosRecall },
  });
  if (!policy.ok) throw new CliError(policy.problems.map((p) => `${p.source}: ${p.message}`).join('\n'));
  const answerPolicy = policy.policy;
  const mode = oneOf('--encoder', args.encoder ?? 'off', ENCODER_MODES);
  const pass = oneOf('--encoder-pass', args.encoderPass ?? 'cascade', ENCODER_PASSES);
  const kb = await loadKnowledgeBase(args.kb);
  const ids = new Set(kb.entries.map((e) => e.id));
  const queries = await readLabelledLines(args.queries, false);
  const calibrationLines = args.calibration ? await readLabelledLines(args.calibration, true) : [];
  checkExpectedIds(args.queries, queries, ids);
  if (args.calibration) checkExpectedIds(args.calibration, calibrationLines, ids);

  stderr.write(
    `building index for ${kb.entries.length} entries${args.calibration ? ` with ${calibrationLines.length} calibration queries` : ''}…\n`,
  );
  const started = performance.now();
  const locales = [...new Set(kb.entries.map((e) => e.locale))];
  const calibration = args.calibration
    ? groupByLanguage(calibrationLines, locales)
    : await discoverCalibration(kb);
  const encoder = await openEncoderVectors({ mode, pass, log: stderrLog(stderr) });
  try {
    stderr.write(
      `encoder: ${encoder.vectors ? `${encoder.vectors.label}, ${encoder.pass}` : `${encoder.status.state} (${encoder.status.reason ?? 'lexical only'})`}\n`,
    );
    let lastReport = 0;
    const faq = await Faq.create(kb, {
      calibration,
      policy: answerPolicy,
      ...(encoder.vectors ? { vectors: encoder.vectors } : {}),
      onProgress: (locale, done, total) => {
        if (done !== total && performance.now() - lastReport < 2000) return;
        lastReport = performance.now();
        stderr.write(`${locale}: vectors ${done}/${total}\n`);
      },
    });
    for (const [locale, why] of Object.entries(faq.vectorProblems))
      stderr.write(`${locale}: lexical only, the encoder failed: ${why}\n`);
    stderr.write(
      `policy: at most ${answerPolicy.maxWrongAnswersPct} % wrong answers, at least ${answerPolicy.minOutOfScopeRecallPct} % of out-of-scope questions to a person\n`,
    );
    for (const info of faq.info) {
      stderr.write(
        `${info.locale}: ${info.entries} entries, ${info.phrasings} phrasings; thresholds from ${info.calibration.source} (${info.calibration.samples.inScope} in scope / ${info.calibration.samples.outOfScope} out of scope)\n`,
      );
    }
    const buildMs = performance.now() - started;

    const predictions: Prediction[] = [];
    for (const [i, q] of queries.entries()) {
      const t = performance.now();
      const decision = await faq.match(q.text);
      predictions.push(toPrediction(q.id, decision, performance.now() - t));
      if ((i + 1) % PROGRESS_EVERY === 0) stderr.write(`scored ${i + 1}/${queries.length}\n`);
    }
    await writePredictions(predictions, args.out, stdout);

    if (queries.some((q) => q.expected !== undefined)) {
      const labelled = queries
        .map((q, i) => ({ q, p: predictions[i]! }))
        .filter(({ q }) => q.expected !== undefined);
      const summary = summarize(
        labelled.map((l) => l.p),
        labelled.map((l) => l.q.expected ?? null),
        buildMs,
      );
      stderr.write(renderSummary(summary));
      stderr.write(`${JSON.stringify(summary)}\n`);
    }
    return 0;
  } finally {
    await encoder.close();
  }
}

const ENCODER_MODES = ['off', 'on', 'auto'] as const;
const ENCODER_PASSES = ['fast', 'full', 'cascade'] as const;

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${flag}: "${value}" is not one of ${allowed.join(', ')}`);
}

/** The encoder's log lines, on stderr with the CLI's other progress. */
function stderrLog(stderr: NodeJS.WritableStream) {
  const line = (fields: object, message: string) =>
    stderr.write(`encoder: ${message}${Object.keys(fields).length ? ` ${JSON.stringify(fields)}` : ''}\n`);
  return { info: line, warn: line };
}

function groupByLanguage(
  lines: readonly LabelledLine[],
  locales: readonly Locale[],
): Partial<Record<Locale, LabelledText[]>> {
  const out: Partial<Record<Locale, LabelledText[]>> = {};
  for (const l of lines) {
    const detected = locales.length === 1 ? locales[0]! : detectLanguage(l.text, locales[0]).locale;
    (out[detected] ??= []).push({ text: l.text, expected: l.expected ?? null });
  }
  return out;
}

/** Predictions go to a temp file renamed into place, so a failed run leaves no half-written file. */
async function writePredictions(
  predictions: readonly Prediction[],
  out: string | undefined,
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const body = predictions.map((p) => JSON.stringify(p)).join('\n') + (predictions.length > 0 ? '\n' : '');
  if (!out) {
    stdout.write(body);
    return;
  }
  const temp = `${out}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(body);
    await handle.close();
    await rename(temp, out);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

export function renderSummary(s: EvalSummary): string {
  const rows: Array<[string, string]> = [
    ['queries (in scope / out of scope)', `${s.queries} (${s.in_scope} / ${s.out_of_scope})`],
    ['in-scope accuracy', `${s.in_scope_accuracy_pct.toFixed(1)} %`],
    ['clarify recovered', `${s.clarify_recovered_pct.toFixed(1)} %`],
    ['accuracy + clarify recovered', `${s.accuracy_plus_clarify_pct.toFixed(1)} %`],
    ['wrong answers (of in-scope)', `${s.wrong_answers_pct.toFixed(1)} %`],
    ['out-of-scope recall (escalated)', `${s.out_of_scope_recall_pct.toFixed(1)} %`],
    ['false answers (of out-of-scope)', `${s.false_answers_pct.toFixed(1)} %`],
    ['expected calibration error', s.expected_calibration_error.toFixed(4)],
    ['ms per query p50 / p99', `${s.p50_ms.toFixed(3)} / ${s.p99_ms.toFixed(3)}`],
    ['index build', `${s.build_ms} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}
