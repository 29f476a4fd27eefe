import type { CalibrationSample, ConfidenceSignals } from './calibration';
import type { DenseVectors } from './dense';
import { mulberry32 } from './linear-model';
import type { Locale } from './locale';
import { Ranker, type RankerOptions } from './ranker';
import type { Synonyms } from './synonyms';
import { textHash } from './text-hash';

/** One entry's phrasings, as the ranker trains on them. */
export interface EntryPhrasings {
  readonly phrasings: readonly string[];
  /** Evidence that trains but is never held out as a probe (the answer text). */
  readonly extra: readonly string[];
}

const FOLDS = 3;
/**
 * Below this many phrasings a KB gets a fold per phrasing of its longest entry (up to
 * MAX_SMALL_KB_FOLDS): three folds of a four-entry KB make two dozen probes, too few to learn a
 * confidence from (one draw answered "résilier mon contrat de ménage" with the tax-credit entry).
 */
const SMALL_KB_PHRASINGS = 300;
const MAX_SMALL_KB_FOLDS = 8;
const HELD_OUT_ENTRY_SHARE = 0.2;
/** Above this many phrasings one fold is enough (and keeps the build within budget). */
const LARGE_KB_PHRASINGS = 5000;
/** A fold of a very large KB samples this many entries: calibration needs examples, not the whole KB. */
const MAX_FOLD_ENTRIES = 1500;
/**
 * Share of a phrasing's words a made-up paraphrase drops; half of the dropped ones become a word
 * the KB does not know, as a customer's own words are.
 */
export const PARAPHRASE_DROP = 0.4;
/**
 * For an entry written as its question alone (no held-out phrasing to show how a message strays),
 * words of another entry added to its paraphrase, per word of the question: a customer's context
 * words are often some other entry's. Chosen on CLINC150 val with one phrasing per intent: 0 gave
 * 8.1 % wrong answers under the 4 % policy, 0.25 gave 2.8 %, 0.5 gave 1.0 % for half the answers.
 */
export const PARAPHRASE_INSERT = 0.25;

/** At least this share of entries written as their question alone makes a KB "of questions only". */
const QUESTIONS_ONLY_SHARE = 0.9;

/**
 * What a self-calibration's confidence models may read. On a KB of questions only, every
 * answerable probe is a made-up paraphrase of a question the ranker holds: evidence that compares
 * the message with that question (its blended score, nearest phrasing, word coverage and above all
 * the sentence encoder's similarity, which barely moves when words are dropped) is inflated on
 * those probes as it never is on a customer's message, and a model fitted on it is sure of the
 * wrong things (the encoder's similarity alone: 4 % wrong on the probes, 21 % on CLINC150's
 * queries). The learned scorer's probability, a share among all entries, carries over. Lexical
 * evidence alone is less inflated, and there the full model did as well (docs/knowledge-base.md).
 */
export function confidenceSignalsFor(
  entries: readonly EntryPhrasings[],
  withVectors: boolean,
): ConfidenceSignals {
  if (!withVectors || entries.length === 0) return 'all';
  const questionsOnly = entries.filter((e) => e.phrasings.length < 2).length;
  return questionsOnly >= QUESTIONS_ONLY_SHARE * entries.length ? 'learned-probability' : 'all';
}

/** Each entry's phrasings as the matcher trains on them: its question and alternates, and its answer when it matches on it. */
export function entryPhrasings(
  entries: ReadonlyArray<{
    readonly question: string;
    readonly alternates: readonly string[];
    readonly answer: string;
    readonly matchAnswer?: boolean;
  }>,
): EntryPhrasings[] {
  return entries.map((e) => ({
    phrasings: [e.question, ...e.alternates],
    extra: e.matchAnswer ? [e.answer] : [],
  }));
}

/** One fold of a self-calibration: the phrasing each entry holds out, and the paraphrase each entry is probed with. */
interface Fold {
  /** Index into the entry's phrasings, or -1 when it has one only (nothing is held out). */
  readonly heldOut: readonly number[];
  readonly paraphrases: readonly (string | undefined)[];
  readonly leftOut: ReadonlySet<number>;
}

/** The entries a self-calibration looks at (a sample of a very large KB), and its folds. */
interface Plan {
  readonly entries: readonly EntryPhrasings[];
  readonly folds: readonly Fold[];
  /**
   * Per entry, a made-up paraphrase of one of its phrasings: scored as an unanswerable message in
   * the fold that leaves the entry out. Made for every entry, from its own text only, so an edit
   * to one entry changes (and re-embeds) its own stray only.
   */
  readonly strays: readonly string[];
}

/**
 * What each fold holds out and the paraphrases it probes with, decided before any ranker is built
 * so the paraphrases can be embedded first (the matcher meets real messages with their vectors).
 * Every choice is seeded by the entry's own text: an unchanged entry keeps its paraphrases when
 * others are edited, so a reload embeds only what changed.
 */
function plan(all: readonly EntryPhrasings[]): Plan {
  let entries = all;
  if (entries.length < 3) return { entries, folds: [], strays: [] };
  const total = entries.reduce((n, e) => n + e.phrasings.length, 0);
  const longest = Math.max(...entries.map((e) => e.phrasings.length));
  const folds =
    total > LARGE_KB_PHRASINGS
      ? 1
      : total < SMALL_KB_PHRASINGS
        ? Math.max(FOLDS, Math.min(longest, MAX_SMALL_KB_FOLDS))
        : FOLDS;
  if (entries.length > MAX_FOLD_ENTRIES) {
    const step = entries.length / MAX_FOLD_ENTRIES;
    entries = Array.from({ length: MAX_FOLD_ENTRIES }, (_, i) => entries[Math.floor(i * step)]!);
  }
  // The entry whose words a question-only entry's paraphrase borrows: in fold f, its (f + 1)th
  // successor in hash order, so adding an entry changes a few neighbours' choices, not everyone's.
  const byHash = entries.map((e, i) => ({ i, h: textHash(e.phrasings.join('\n')) >>> 0 }));
  byHash.sort((a, b) => a.h - b.h || a.i - b.i);
  const rank = new Array<number>(entries.length);
  byHash.forEach((x, k) => (rank[x.i] = k));
  const neighbour = (i: number, fold: number): number => byHash[(rank[i]! + fold + 1) % byHash.length]!.i;
  const out: Fold[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const heldOut: number[] = [];
    const paraphrases: (string | undefined)[] = [];
    entries.forEach((e, i) => {
      const random = mulberry32(textHash(`${fold}\n${e.phrasings.join('\n')}`));
      const held =
        e.phrasings.length >= 2
          ? (fold + Math.floor(random() * e.phrasings.length)) % e.phrasings.length
          : -1;
      heldOut.push(held);
      const source = e.phrasings[held >= 0 ? held : 0];
      // A held-out phrasing already strays as real messages do; a question kept in the ranker does not.
      const others = held >= 0 ? [] : entries[neighbour(i, fold)]!.phrasings;
      paraphrases.push(source === undefined ? undefined : paraphrase(source, random, others));
    });
    const leftOut = new Set(
      entries.map((_, i) => i).filter((i) => (i + fold) % Math.round(1 / HELD_OUT_ENTRY_SHARE) === 0),
    );
    out.push({ heldOut, paraphrases, leftOut });
  }
  const strays = entries.map((e) => {
    const random = mulberry32(textHash(`stray\n${e.phrasings.join('\n')}`));
    return paraphrase(e.phrasings[Math.floor(random() * e.phrasings.length)] ?? '', random);
  });
  return { entries, folds: out, strays };
}

/**
 * The made-up paraphrases a self-calibration of these entries will score: to be embedded with the
 * KB's phrasings (they are made from the KB's text alone, never from a customer's message).
 */
export function selfCalibrationProbes(entries: readonly EntryPhrasings[]): string[] {
  const { folds, strays } = plan(entries);
  return [
    ...new Set([...folds.flatMap((f) => f.paraphrases.filter((p) => p !== undefined)), ...strays]),
  ].filter((p) => p !== '');
}

/**
 * Calibration samples made from the KB itself when no calibration set is given. In each fold:
 * - answerable messages: one phrasing of every entry that has two or more is held out (a different
 *   one in each fold) and scored by a ranker trained on everything else, every entry included, so
 *   a probe meets all the entries a customer's message would; an entry written as its question
 *   alone is probed with a made-up paraphrase of it (`paraphrase`), and one with several phrasings
 *   with a paraphrase of its held-out phrasing too: real messages share fewer words with the KB
 *   than its own phrasings share with each other. A paraphrase is scored with its sentence vector
 *   when the encoder made one (`selfCalibrationProbes`), as a customer's message would be;
 * - unanswerable messages: a fifth of the entries is left out of a second ranker and their
 *   phrasings are scored by it, with a made-up paraphrase of one of them (`Plan.strays`): the
 *   phrasings alone are near misses, harder to tell from the KB than customers' off-topic
 *   messages, and the recall bound on them kept the thresholds high (docs/knowledge-base.md).
 * A sample's `expected` is an index into the ranker that scored it (-1: no entry answers it). With
 * vectors, an answerable sample's `weight` gives each entry the same total in a fold (a mixed FAQ's
 * entries written as their question alone have half the probes of the others, and were answered
 * wrong the most: docs/knowledge-base.md); weights average 1.
 */
export function selfCalibrationSamples(
  locale: Locale,
  all: readonly EntryPhrasings[],
  options: RankerOptions,
  synonyms?: Synonyms,
  /** Sentence vectors of the phrasings (and of the probes, when embedded), when the matcher uses an encoder. */
  dense?: DenseVectors,
): CalibrationSample[] {
  const { entries, folds, strays } = plan(all);
  const samples: CalibrationSample[] = [];
  const build = (kept: readonly number[], heldOut: (entry: number) => number): Ranker | undefined => {
    const texts: string[] = [];
    const labels: number[] = [];
    kept.forEach((entry, local) => {
      const { phrasings, extra } = entries[entry]!;
      const skip = heldOut(entry);
      [...phrasings.filter((_, j) => j !== skip), ...extra].forEach((p) => {
        texts.push(p);
        labels.push(local);
      });
    });
    if (texts.length === 0) return undefined;
    const vectors = dense && { of: texts.map((t) => dense.vectorOf(t)), dims: dense.dims };
    return Ranker.build(locale, texts, Int32Array.from(labels), kept.length, options, synonyms, vectors);
  };
  const score = (ranker: Ranker, text: string) => ranker.score(text, undefined, dense?.vectorOf(text));
  const everyEntry = entries.map((_, i) => i);
  for (const fold of folds) {
    // Answerable: all entries, one phrasing each held out where the entry keeps one.
    const full = build(everyEntry, (i) => fold.heldOut[i]!);
    if (full) {
      entries.forEach((e, i) => {
        const held = fold.heldOut[i]!;
        const probes = [held >= 0 ? e.phrasings[held] : undefined, fold.paraphrases[i]].filter(
          (p) => p !== undefined,
        );
        // With vectors each entry weighs the same in a fold: an entry written as its question
        // alone has one probe, one with alternates two, and customers ask about both kinds alike
        // (lexical only, mixed FAQs met the policy without them and lost 9 points with them: not used).
        const weight = dense ? 1 / probes.length : 1;
        for (const p of probes) samples.push({ scored: score(full, p), expected: i, weight });
      });
    }
    // Unanswerable: the phrasings of a fifth of the entries, which a ranker without them scores.
    const partial = build(
      everyEntry.filter((i) => !fold.leftOut.has(i)),
      () => -1,
    );
    if (!partial) continue;
    for (const i of fold.leftOut) {
      for (const p of entries[i]!.phrasings) samples.push({ scored: score(partial, p), expected: -1 });
      if (strays[i]) samples.push({ scored: score(partial, strays[i]), expected: -1 });
    }
  }
  return averagingOne(samples);
}

/** The answerable samples' weights scaled to average 1, so the policy's bounds count as many messages as there are. */
function averagingOne(samples: readonly CalibrationSample[]): CalibrationSample[] {
  const answerable = samples.filter((s) => s.expected >= 0);
  const total = answerable.reduce((sum, s) => sum + (s.weight ?? 1), 0);
  if (total === 0) return [...samples];
  const scale = answerable.length / total;
  return samples.map((s) => (s.expected >= 0 ? { ...s, weight: (s.weight ?? 1) * scale } : s));
}

/**
 * A made-up paraphrase: each word dropped with probability PARAPHRASE_DROP, half of the dropped
 * ones replaced by a word no KB has (digits, so typo correction leaves it alone); at least one of
 * the phrasing's words is kept; then PARAPHRASE_INSERT words per word taken from `others` (another
 * entry's phrasings) at random places.
 */
export function paraphrase(text: string, random: () => number, others: readonly string[] = []): string {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let kept = 0;
  for (const w of words) {
    if (random() >= PARAPHRASE_DROP) {
      out.push(w);
      kept++;
    } else if (random() < 0.5) out.push(`zq${Math.floor(random() * 1e6)}`);
  }
  if (kept === 0 && words.length > 0) out.push(words[Math.floor(random() * words.length)]!);
  const inserts = others.length > 0 ? Math.round(words.length * PARAPHRASE_INSERT) : 0;
  for (let k = 0; k < inserts; k++) {
    const from = others[Math.floor(random() * others.length)]!.split(/\s+/).filter(Boolean);
    const word = from[Math.floor(random() * from.length)];
    if (word !== undefined) out.splice(Math.floor(random() * (out.length + 1)), 0, word);
  }
  return out.join(' ');
}
