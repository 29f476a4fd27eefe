import { LearnedKey, type LearnedStore } from './learned-cache';
import { numberOrLoad } from './learned-calibration';
import type { DenseVectors } from './dense';
import { Matcher, type LabelledText, type MatcherInfo, type MatcherSnapshot } from './matcher';
import type { Decision, Entry } from './types';

/** What a Faq asks of one language's matcher. */
export interface LocaleMatcher extends Pick<Matcher, 'match' | 'matchNow' | 'info'> {
  snapshot(): LocaleMatcherSnapshot;
}

export type LocaleMatcherSnapshot = MatcherSnapshot | CascadeSnapshot;

/** The matcher or cascade a snapshot describes (see Matcher.restore). */
export function restoreLocaleMatcher(
  s: LocaleMatcherSnapshot,
  entries: readonly Entry[],
  dense: DenseVectors | undefined,
): LocaleMatcher {
  return s.kind === 'cascade' ? Cascade.restore(s, entries, dense) : Matcher.restore(s, entries, dense);
}

/** A cascade as structured-clone-able data (a KB built in a worker thread). */
export interface CascadeSnapshot {
  readonly kind: 'cascade';
  readonly fast: MatcherSnapshot;
  readonly full: MatcherSnapshot;
  readonly gate: number;
  /** The full pass scores with the fast one's lexical index (restored once). */
  readonly sharesLexical: boolean;
}

/** Calibration messages with the vectors made for them before the build. */
export interface GateCalibration {
  readonly messages: readonly LabelledText[];
  readonly vectorOf: (text: string) => Float32Array | undefined;
}

/**
 * The fast path first, the encoder only where it is unsure: a message the lexical matcher answers
 * with enough confidence (or finds no word in) is decided at once; any other goes to the matcher
 * that reads full-pass sentence vectors. Each is calibrated on its own to the same policy; the
 * confidence at which a lexical answer is taken without the full pass (the gate) is chosen on the
 * calibration set. When the encoder cannot answer, the fast decision stands.
 */
export class Cascade implements LocaleMatcher {
  readonly info: MatcherInfo;
  /** Lexical answers at or above this confidence skip the full pass. */
  readonly gate: number;

  constructor(
    private readonly fast: Matcher,
    private readonly full: Matcher,
    calibration?: GateCalibration | { readonly restoredGate: number },
    /** Where an earlier build of the same two matchers left its gate. */
    learned?: LearnedStore,
  ) {
    if (calibration && 'restoredGate' in calibration) {
      this.gate = calibration.restoredGate;
      this.info = cascadeInfo(fast, full, this.gate);
      return;
    }
    // Both matchers' keys cover the calibration messages and their vectors (the gate's input).
    const key =
      calibration && fast.learnedKey && full.learnedKey
        ? new LearnedKey('gate')
            .text(fast.learnedKey)
            .text(full.learnedKey)
            .json(MAX_FULL_PASS_SHARE)
            .digest()
        : undefined;
    this.gate = calibration
      ? numberOrLoad(learned, 'gate', key, () => chooseGate(fast, full, calibration))
      : UNCALIBRATED_GATE;
    this.info = cascadeInfo(fast, full, this.gate);
  }

  snapshot(): CascadeSnapshot {
    return {
      kind: 'cascade',
      fast: this.fast.snapshot(),
      full: this.full.snapshot(),
      gate: this.gate,
      sharesLexical: this.fast.lexicalIndex === this.full.lexicalIndex,
    };
  }

  /** The cascade `snapshot` described; `dense`: the encoder's vectors for the full pass. */
  static restore(s: CascadeSnapshot, entries: readonly Entry[], dense: DenseVectors | undefined): Cascade {
    const fast = Matcher.restore(s.fast, entries, undefined);
    const full = Matcher.restore(s.full, entries, dense, s.sharesLexical ? fast : undefined);
    return new Cascade(fast, full, { restoredGate: s.gate });
  }

  /** The lexical half alone, on the calling thread (search as you type: never the encoder). */
  matchNow(text: string): Decision {
    return this.fast.matchNow(text);
  }

  async match(text: string): Promise<Decision> {
    const first = this.fast.matchNow(text);
    if (sure(first, this.gate)) return first;
    return this.full.matchWithVector(text).then((d) => d ?? first);
  }
}

function cascadeInfo(fast: Matcher, full: Matcher, gate: number): MatcherInfo {
  return {
    ...full.info,
    buildMs: fast.info.buildMs + full.info.buildMs,
    vectors: `${full.info.vectors}, only when the lexical matcher is unsure`,
    cascadeGate: gate,
  };
}

function sure(d: Decision, gate: number): boolean {
  if (d.decision === 'answer') return d.confidence >= gate;
  return d.decision === 'escalate' && (d.reason === 'no-content' || d.reason === 'entry-escalate');
}

/**
 * The lowest gate (fewest full passes) at which the cascade, on the calibration messages, gives as
 * many right answers as the full pass alone and no more wrong ones, both within half a point of the
 * messages: lexical answers the full pass would have corrected, or escalated, go to the full pass.
 */
function chooseGate(fast: Matcher, full: Matcher, calibration: GateCalibration): number {
  const rows = calibration.messages.flatMap((m) => {
    const vector = calibration.vectorOf(m.text);
    if (!vector) return [];
    const f = fast.matchNow(m.text);
    const g = full.matchWith(m.text, vector);
    return [{ f, g, expected: m.expected }];
  });
  if (rows.length === 0) return 0;
  const outcome = (d: Decision, expected: string | null): 'right' | 'wrong' | 'other' => {
    if (d.decision !== 'answer') return 'other';
    return d.entry.id === expected ? 'right' : 'wrong';
  };
  const tally = (gate: number): { right: number; wrong: number } => {
    let right = 0;
    let wrong = 0;
    for (const { f, g, expected } of rows) {
      const o = outcome(sure(f, gate) ? f : g, expected);
      if (o === 'right') right++;
      else if (o === 'wrong') wrong++;
    }
    return { right, wrong };
  };
  const alone = tally(Infinity);
  const slack = 0.005 * rows.length;
  const gates = [...new Set(rows.filter((r) => r.f.decision === 'answer').map((r) => r.f.confidence))].sort(
    (a, b) => a - b,
  );
  // Past this gate more than MAX_FULL_PASS_SHARE of the messages would wait for the model.
  const unsure = rows.filter((r) => !sure(r.f, 0)).length;
  const answered = rows.map((r) => (r.f.decision === 'answer' ? r.f.confidence : -1)).sort((a, b) => b - a);
  const room = Math.floor(MAX_FULL_PASS_SHARE * rows.length) - unsure;
  const highest = room <= 0 ? 0 : (answered[Math.max(0, answered.filter((c) => c >= 0).length - room)] ?? 0);
  for (const gate of [0, ...gates]) {
    if (gate > highest) return highest;
    const t = tally(gate);
    if (t.right >= alone.right - slack && t.wrong <= alone.wrong + slack) return gate;
  }
  return highest;
}

/**
 * The gate of a KB with no calibration set (nothing labelled to choose one on): a lexical answer is
 * final only when the fast matcher is this sure of it. Each matcher's thresholds bound its own wrong
 * answers over all messages; with every lexical answer final (gate 0) the two add up (CLINC150 k10
 * self-calibrated: 5.3 % wrong under the 4 % policy, 3.0 % with this gate).
 */
const UNCALIBRATED_GATE = 0.95;

/**
 * At most this share of messages takes the full pass (p50 within 10 ms needs fewer than half of
 * them to wait ~20 ms for the model).
 */
const MAX_FULL_PASS_SHARE = 0.45;
