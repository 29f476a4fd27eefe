import {
  calibrate,
  type Calibration,
  type CalibrationOptions,
  DEFAULT_CALIBRATION_OPTIONS,
} from './calibration';
import type { DenseVectors } from './dense';
import { decide, isVague } from './decision-rule';
import { LearnedKey, type LearnedStore } from './learned-cache';
import { calibrationOrLoad } from './learned-calibration';
import { predict } from './logistic';
import type { Locale } from './locale';
import { Synonyms } from './synonyms';
import {
  DEFAULT_RANKER_OPTIONS,
  type LexicalIndex,
  Ranker,
  rankEntries,
  type RankedEntry,
  type RankerOptions,
  type RankerSnapshot,
} from './ranker';
import {
  confidenceSignalsFor,
  entryPhrasings,
  selfCalibrationSamples,
  type EntryPhrasings,
} from './self-calibration';
import { contentWords, signals } from './signals';
import type { Candidate, Decision, Entry } from './types';

/** Only the start of a very long message is matched: it says what it is about, and the cost stays bounded. */
export const MAX_MATCHED_CHARS = 2000;

/** A message with the entry that answers it (null: none does). */
export interface LabelledText {
  readonly text: string;
  readonly expected: string | null;
}

export interface MatcherOptions {
  readonly ranker?: RankerOptions;
  /** Labelled messages to tune the blend, confidence and thresholds; without them the KB calibrates itself. */
  readonly calibration?: readonly LabelledText[];
  readonly calibrationOptions?: CalibrationOptions;
  /** Synonym groups of this language (first term canonical). */
  readonly synonyms?: ReadonlyArray<readonly string[]>;
  /** Messages the KB must not answer: learned as a class of their own (see schema.ts). */
  readonly outOfScope?: readonly string[];
  /** Sentence vectors of every text above, and of new messages; without them the matcher is lexical only. */
  readonly dense?: DenseVectors;
  /**
   * A matcher on the same entries whose lexical index (feature space, phrasing indexes) this one
   * reuses instead of building its own: a cascade's two matchers differ only in what reads vectors.
   * Ignored when the phrasings, weights or synonyms differ.
   */
  readonly shareLexicalWith?: Matcher;
  /** What earlier builds learned from the same KB (learned-scorer weights, calibration), reused when the input matches. */
  readonly learned?: LearnedStore;
}

export interface MatcherInfo {
  readonly locale: Locale;
  readonly entries: number;
  readonly phrasings: number;
  readonly outOfScopeExamples: number;
  readonly features: number;
  readonly buildMs: number;
  /** The sentence vectors the matcher reads ("lexical only" when none). */
  readonly vectors: string;
  readonly calibration: Pick<Calibration, 'blend' | 'thresholds' | 'source' | 'samples'>;
  /** A cascade's gate: lexical answers at or above this confidence skip the full pass. */
  readonly cascadeGate?: number;
}

/** A matcher as structured-clone-able data (a KB built in a worker thread); its entries and encoder are the receiver's. */
export interface MatcherSnapshot {
  readonly kind: 'matcher';
  readonly locale: Locale;
  readonly ranker: RankerSnapshot;
  readonly calibration: Calibration;
  readonly noneClass: number;
  readonly info: MatcherInfo;
  /** Whether the matcher reads sentence vectors (then the receiver gives it its encoder's). */
  readonly readsVectors: boolean;
  readonly learnedKey: string | undefined;
}

/** Matches messages in one language against that language's entries and decides what to do. */
export class Matcher {
  private constructor(
    readonly locale: Locale,
    private readonly entries: readonly Entry[],
    private readonly ranker: Ranker,
    private readonly calibration: Calibration,
    /** The ranker's class of out-of-scope examples; -1 when the KB gives none. */
    private readonly noneClass: number,
    readonly info: MatcherInfo,
    private readonly dense: DenseVectors | undefined,
    /** Hash of everything this matcher's decisions depend on (built through a learned store only). */
    readonly learnedKey?: string,
  ) {}

  static build(locale: Locale, entries: readonly Entry[], options: MatcherOptions = {}): Matcher {
    const started = performance.now();
    const rankerOptions = options.ranker ?? DEFAULT_RANKER_OPTIONS;
    const phrasingsOf = entryPhrasings(entries);
    const texts: string[] = [];
    const labels: number[] = [];
    phrasingsOf.forEach((e, i) =>
      [...e.phrasings, ...e.extra].forEach((p) => {
        texts.push(p);
        labels.push(i);
      }),
    );
    // Out-of-scope examples are one more class, after the entries.
    const outOfScope = options.outOfScope ?? [];
    const noneClass = outOfScope.length > 0 ? entries.length : -1;
    for (const p of outOfScope) {
      texts.push(p);
      labels.push(noneClass);
    }
    const synonyms = new Synonyms(options.synonyms ?? [], locale);
    const dense = options.dense;
    const ranker = Ranker.build(
      locale,
      texts,
      Int32Array.from(labels),
      entries.length + (noneClass >= 0 ? 1 : 0),
      rankerOptions,
      synonyms,
      dense && { of: texts.map((t) => dense.vectorOf(t)), dims: dense.dims },
      options.shareLexicalWith?.ranker.lexical,
      options.learned,
    );
    const indexOf = new Map(entries.map((e, i) => [e.id, i]));
    const calibrationOptions = options.calibrationOptions ?? DEFAULT_CALIBRATION_OPTIONS;
    const calibrationKey =
      ranker.learnedKey && matcherKey(ranker.learnedKey, locale, entries, options, noneClass, phrasingsOf);
    const calibration = calibrationOrLoad(options.learned, calibrationKey, () =>
      options.calibration
        ? calibrate(
            locale,
            options.calibration.map((q) => ({
              scored: ranker.score(q.text, undefined, dense?.vectorOf(q.text)),
              expected: q.expected === null ? -1 : (indexOf.get(q.expected) ?? -1),
            })),
            'calibration-set',
            calibrationOptions,
            noneClass,
          )
        : calibrate(
            locale,
            selfCalibrationSamples(locale, phrasingsOf, rankerOptions, synonyms, dense),
            'self-calibration',
            calibrationOptions,
            -1,
            confidenceSignalsFor(phrasingsOf, dense !== undefined),
          ),
    );
    const info: MatcherInfo = {
      locale,
      entries: entries.length,
      phrasings: texts.length - outOfScope.length,
      outOfScopeExamples: outOfScope.length,
      features: ranker.space.size,
      buildMs: performance.now() - started,
      vectors: dense?.label ?? 'lexical only',
      calibration: {
        blend: calibration.blend,
        thresholds: calibration.thresholds,
        source: calibration.source,
        samples: calibration.samples,
      },
    };
    return new Matcher(locale, entries, ranker, calibration, noneClass, info, dense, calibrationKey);
  }

  snapshot(): MatcherSnapshot {
    return {
      kind: 'matcher',
      locale: this.locale,
      ranker: this.ranker.snapshot(),
      calibration: this.calibration,
      noneClass: this.noneClass,
      info: this.info,
      readsVectors: this.dense !== undefined,
      learnedKey: this.learnedKey,
    };
  }

  /**
   * The matcher `snapshot` described, on `entries` (the same, in the same order, as it was built on).
   * `dense`: the vectors for new messages, required when the snapshot reads vectors; `shared`: a
   * matcher on the same entries whose lexical index to reuse (a cascade's other half).
   */
  static restore(
    s: MatcherSnapshot,
    entries: readonly Entry[],
    dense: DenseVectors | undefined,
    shared?: Matcher,
  ): Matcher {
    if (s.readsVectors && !dense)
      throw new Error(`the ${s.locale} matcher reads sentence vectors: give them`);
    const ranker = Ranker.restore(s.ranker, shared?.ranker.lexical);
    return new Matcher(
      s.locale,
      entries,
      ranker,
      s.calibration,
      s.noneClass,
      s.info,
      s.readsVectors ? dense : undefined,
      s.learnedKey,
    );
  }

  /** The lexical index this matcher scores with (shared with another matcher when built with `shareLexicalWith`). */
  get lexicalIndex(): LexicalIndex {
    return this.ranker.lexical;
  }

  /** Async: an encoder scorer answers from a worker; the lexical path resolves at once. */
  async match(text: string): Promise<Decision> {
    return (await this.matchWithVector(text)) ?? this.matchNow(text);
  }

  /** The decision with the message's sentence vector; undefined when the encoder could not give one. */
  async matchWithVector(text: string): Promise<Decision | undefined> {
    const message = clip(text);
    const vector = this.dense ? await this.dense.embedQuery(message).catch(() => undefined) : undefined;
    return vector ? this.decideOn(message, vector) : undefined;
  }

  /** The decision with a vector made beforehand (a calibration message's), on the calling thread. */
  matchWith(text: string, vector: Float32Array): Decision {
    return this.decideOn(clip(text), vector);
  }

  /** The decision on lexical evidence alone, on the calling thread (no encoder call). */
  matchNow(text: string): Decision {
    return this.decideOn(clip(text), undefined);
  }

  private decideOn(message: string, vector: Float32Array | undefined): Decision {
    const scored = this.ranker.score(message, [this.calibration.blend.temperature], vector);
    const { ranked, none, noneScore } = rankEntries(scored, this.calibration.blend, this.noneClass);
    const content = contentWords(scored.analysis.words, this.locale);
    if (none && content.length > 0) return this.outOfScope(content, ranked);
    const best = ranked[0];
    const x = best ? signals(scored, ranked, this.locale, noneScore) : [];
    const confidence = best ? predict(this.calibration.answer, x) : 0;
    const shortlist = best ? Math.max(confidence, predict(this.calibration.shortlist, x)) : 0;
    const top = best ? this.entries[best.index] : undefined;
    const vague = isVague(scored.sharedBy, this.entries.length);
    const decided = decide(
      {
        contentWords: content.length,
        candidates: ranked.length,
        confidence,
        shortlist,
        bestEscalates: top?.escalate ?? false,
        vague,
      },
      this.calibration.thresholds,
    );
    // A message that is one of the best entry's own phrasings is answered: the KB's author wrote
    // it for that entry, whatever a small KB's calibration concluded (self-calibration on a
    // six-entry KB left an entry's exact question at "did you mean").
    const own = best !== undefined && this.ranker.entryWithPhrasing(scored.analysis) === best.index;
    // Without a vector, a message none of whose words the KB knows has only letter n-grams for
    // evidence: a "did you mean" of entries it shares no word with is a guess ("Faites-vous de la
    // peinture ?" offered payment and tax credit on a four-entry KB). A person is the honest answer.
    const unknown = new Set(scored.analysis.unknown);
    const guess = vector === undefined && decided.kind === 'clarify' && content.every((w) => unknown.has(w));
    // An entry marked escalate hands its own phrasing over, as a confident match on it would.
    const verdict: typeof decided =
      own &&
      (decided.kind === 'clarify' || (decided.kind === 'escalate' && decided.reason === 'low-confidence'))
        ? top?.escalate
          ? { kind: 'escalate', reason: 'entry-escalate' }
          : { kind: 'answer' }
        : guess
          ? { kind: 'escalate', reason: 'low-confidence' }
          : decided;
    if (!best || !top || (verdict.kind === 'escalate' && verdict.reason === 'no-content')) {
      return {
        locale: this.locale,
        decision: 'escalate',
        reason: 'no-content',
        confidence: 0,
        candidates: [],
        explanation: content.length === 0 ? 'no words to match' : 'no entry shares a word with the message',
        matchedTerms: [],
      };
    }
    const matchedTerms = this.matchedTerms(scored.analysis.words, scored.analysis.stems, best.index);
    const shared = {
      locale: this.locale,
      confidence: round(confidence),
      candidates: this.candidates(ranked, confidence, shortlist),
      explanation: this.explain(matchedTerms, scored.analysis.corrections, scored.analysis.unknown, best),
      matchedTerms,
    };
    switch (verdict.kind) {
      case 'answer':
        return { ...shared, decision: 'answer', entry: top };
      case 'clarify':
        return { ...shared, decision: 'clarify', options: ranked.map((r) => this.entries[r.index]!) };
      case 'escalate':
        return verdict.reason === 'entry-escalate'
          ? { ...shared, decision: 'escalate', reason: 'entry-escalate', entry: top }
          : { ...shared, decision: 'escalate', reason: verdict.reason };
    }
  }

  /** The message is closest to the KB's out-of-scope examples: a person, with the nearest entries for the agent. */
  private outOfScope(content: readonly string[], ranked: readonly RankedEntry[]): Decision {
    return {
      locale: this.locale,
      decision: 'escalate',
      reason: 'low-confidence',
      confidence: 0,
      candidates: ranked.map((r) => {
        const entry = this.entries[r.index]!;
        return { id: entry.id, score: 0, question: entry.question };
      }),
      explanation: `closest to the knowledge base's out-of-scope examples (${content.map((w) => `"${w}"`).join(', ')})`,
      matchedTerms: [],
    };
  }

  /**
   * Candidate scores on the confidence's scale: the top one is the confidence, the others share
   * what the shortlist model adds (never more than the candidate ranked above them).
   */
  private candidates(ranked: readonly RankedEntry[], confidence: number, shortlist: number): Candidate[] {
    const restScore = ranked.slice(1).reduce((s, r) => s + r.score, 0) || 1;
    const remainder = Math.max(0, shortlist - confidence);
    let previous = confidence;
    return ranked.map((r, i) => {
      const entry = this.entries[r.index]!;
      const score = i === 0 ? confidence : Math.min(previous, (remainder * r.score) / restScore);
      previous = score;
      return { id: entry.id, score: round(score), question: entry.question };
    });
  }

  private matchedTerms(words: readonly string[], stems: readonly string[], entryIndex: number): string[] {
    const content = new Set(contentWords(words, this.locale));
    const terms = words.filter((w, i) => content.has(w) && this.ranker.entryHasStem(entryIndex, stems[i]!));
    return [...new Set(terms)];
  }

  private explain(
    terms: readonly string[],
    corrections: ReadonlyArray<{ from: string; to: string }>,
    unknown: readonly string[],
    top: RankedEntry,
  ): string {
    const parts = [
      terms.length > 0 ? `matched ${terms.map((t) => `"${t}"`).join(', ')}` : 'no shared content word',
    ];
    if (corrections.length > 0)
      parts.push(`read ${corrections.map((c) => `"${c.from}" as "${c.to}"`).join(', ')}`);
    if (unknown.length > 0) parts.push(`unknown ${unknown.map((u) => `"${u}"`).join(', ')}`);
    parts.push(`closest phrasing similarity ${top.knn.toFixed(2)}`);
    return parts.join('; ');
  }
}

/**
 * The ranker's key with what calibration reads besides it: the labelled messages, their vectors,
 * the policy, the entries' ids and escalate flags, and for self-calibration the entries' phrasings and the ranker options.
 */
function matcherKey(
  rankerKey: string,
  locale: Locale,
  entries: readonly Entry[],
  options: MatcherOptions,
  noneClass: number,
  phrasingsOf: readonly EntryPhrasings[],
): string {
  const key = new LearnedKey('calibration')
    .text(rankerKey)
    .json({ locale, noneClass, policy: options.calibrationOptions ?? DEFAULT_CALIBRATION_OPTIONS })
    // Ids name the expected entries; the escalate flags steer the cascade gate's decisions.
    .json(entries.map((e) => [e.id, e.escalate]));
  if (!options.calibration)
    return key.json({ phrasingsOf, ranker: options.ranker ?? DEFAULT_RANKER_OPTIONS }).digest();
  for (const q of options.calibration) {
    key.text(q.text).json(q.expected);
    const vector = options.dense?.vectorOf(q.text);
    if (vector) key.array(vector);
    else key.text('-');
  }
  return key.digest();
}

function clip(text: string): string {
  return text.length > MAX_MATCHED_CHARS ? text.slice(0, MAX_MATCHED_CHARS) : text;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
