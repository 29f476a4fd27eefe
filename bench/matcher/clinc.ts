import { readFileSync } from 'node:fs';
import type { LabelledText } from '../../knowledge-base';

type Split = Array<[string, string]>;

/** CLINC150 (Larson et al. 2019, github.com/clinc/oos-eval, CC BY 3.0) as KB files and labelled queries. */
export interface ClincData {
  readonly kbText: (phrasingsPerIntent: number) => string;
  readonly calibration: LabelledText[];
  readonly queries: LabelledText[];
  readonly train: Split;
}

export function loadClinc(file: string): ClincData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Split>;
  const need = (k: string): Split => {
    const v = data[k];
    if (!Array.isArray(v)) throw new Error(`${file}: missing split "${k}"`);
    return v;
  };
  const label = (rows: Split): LabelledText[] =>
    rows.map(([text, intent]) => ({ text, expected: intent === 'oos' ? null : intent }));
  const train = need('train');
  const oosTrain = need('oos_train');
  return {
    train,
    calibration: [...label(need('val')), ...label(need('oos_val'))],
    queries: [...label(need('test')), ...label(need('oos_test'))],
    kbText: (k) => clincKb(train, oosTrain, k),
  };
}

/**
 * One entry per intent; the first phrasing is the question, the next k-1 its alternates (file order).
 * The first k of `oos_train` (the training split's out-of-scope messages, the paper's "oos-train"
 * setting) are the KB's out-of-scope examples, as a support team lists what it does not answer.
 */
function clincKb(train: Split, oosTrain: Split, k: number): string {
  const byIntent = new Map<string, string[]>();
  for (const [text, intent] of train) {
    const list = byIntent.get(intent) ?? [];
    if (list.length < k) list.push(text);
    byIntent.set(intent, list);
  }
  const entries = [...byIntent].map(([id, phrasings]) => ({
    id: id.replace(/[^a-z0-9._-]/g, '-'),
    question: phrasings[0]!,
    alternates: phrasings.slice(1),
    answer: `(CLINC150 intent ${id})`,
    tags: ['clinc150'],
  }));
  // Answers are placeholders here: they must not count as evidence.
  return JSON.stringify({
    version: 1,
    locale: 'en',
    title: `CLINC150 k=${k}`,
    matchAnswers: false,
    outOfScope: oosTrain.slice(0, k).map(([text]) => text),
    entries,
  });
}
