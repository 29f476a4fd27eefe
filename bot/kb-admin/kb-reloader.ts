import { performance } from 'node:perf_hooks';
import {
  Faq,
  LearnedFileStore,
  type EncoderStatus,
  type FaqOptions,
  type KbIssue,
  type LearnedStore,
  type Locale,
  type VectorSource,
} from '../../knowledge-base/index';
import { FaqHolder } from './faq-holder';
import { KbBuildEmbedder } from './kb-build-embed';
import type { KbBuildEncoder } from './kb-build-protocol';
import { buildInThread } from './kb-build-thread';

/** A reload's build thread is ended after this long (a 10,000-entry KB builds in about 40 s on 2 busy cores). */
export const DEFAULT_KB_BUILD_TIMEOUT_MS = 300_000;

/** What a successful (re)load put in service. */
export interface KbLoadReport {
  readonly generation: number;
  readonly files: ReadonlyArray<{ readonly file: string; readonly locale: Locale; readonly entries: number }>;
  /** Entries per language across all files. */
  readonly entries: Partial<Record<Locale, number>>;
  /** Reading, validating and building the matchers, in milliseconds. */
  readonly buildMs: number;
  /**
   * Per language, what the thresholds were calibrated on and where they landed: an edit re-calibrates,
   * and decisions for untouched questions can move with it (docs/knowledge-base.md, "Stability").
   */
  readonly calibration: Partial<
    Record<
      Locale,
      {
        readonly source: 'calibration-set' | 'self-calibration';
        readonly answerAt: number;
        readonly clarifyAt: number;
        readonly inScope: number;
        readonly outOfScope: number;
        readonly outOfScopeExamples: number;
      }
    >
  >;
  /** The sentence encoder: on, off or failed (with the reason); lexical-only matching when not on. */
  readonly encoder: EncoderStatus;
  /** Per language, the vectors its matcher reads ("lexical only" when none) and why a language fell back. */
  readonly vectors: Partial<Record<Locale, { readonly reads: string; readonly fallbackReason?: string }>>;
}

export type KbReloadOutcome =
  | { readonly ok: true; readonly report: KbLoadReport }
  | { readonly ok: false; readonly issues: readonly KbIssue[] };

/**
 * Re-reads the configured KB files (and their calibration sets), builds a new Faq beside the one
 * in service and swaps it in only when everything is valid. Reloads and KB edits run one at a
 * time, in call order, so two of them never interleave their reads and writes.
 */
export class KbReloader {
  #queue: Promise<unknown> = Promise.resolve();
  #lastBuildMs: number;

  /** Test hook: the next reload's build thread exits before building, as a crash would. */
  crashNextBuild = false;

  private constructor(
    readonly holder: FaqHolder,
    readonly files: readonly string[],
    private readonly options: FaqOptions,
    buildMs: number,
    private readonly encoderStatus: () => EncoderStatus,
    private readonly buildTimeoutMs: number,
  ) {
    this.#lastBuildMs = buildMs;
  }

  /** The first load: a bad KB throws (the bot cannot start without one). */
  static async start(
    files: readonly string[],
    options: FaqOptions = {},
    encoderStatus: () => EncoderStatus = () => ({ state: 'off', reason: 'not configured' }),
    buildTimeoutMs = DEFAULT_KB_BUILD_TIMEOUT_MS,
  ): Promise<KbReloader> {
    const started = performance.now();
    const faq = await Faq.load(files, options);
    return new KbReloader(
      new FaqHolder(faq),
      files,
      options,
      elapsedSince(started),
      encoderStatus,
      buildTimeoutMs,
    );
  }

  /** Runs `work` after every earlier reload or edit has finished. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  reload(): Promise<KbReloadOutcome> {
    return this.exclusive(() => this.reloadNow());
  }

  /**
   * A reload for code already inside `exclusive` (an edit followed by its reload). The KB is built
   * in a worker thread and swapped in whole: turns meanwhile answer from the KB in service. With an
   * encoder, the thread asks this one for the vectors (embedded by the encoder's own worker, live
   * queries first) and builds every matcher from them. A thread that crashes or hangs rejects
   * (KbBuildThreadError) and swaps nothing.
   */
  async reloadNow(): Promise<KbReloadOutcome> {
    const started = performance.now();
    const next = await this.buildInWorker();
    if (!(next instanceof Faq)) return next;
    this.#lastBuildMs = elapsedSince(started);
    const generation = this.holder.swap(next);
    return { ok: true, report: describe(next, generation, this.#lastBuildMs, this.encoderStatus()) };
  }

  private async buildInWorker(): Promise<Faq | KbReloadOutcome> {
    const { defaultLocale, policy, calibration, vectors, onProgress } = this.options;
    const crash = this.crashNextBuild;
    this.crashNextBuild = false;
    const built = await buildInThread(
      {
        files: this.files,
        ...(defaultLocale ? { defaultLocale } : {}),
        ...(policy ? { policy } : {}),
        ...(calibration ? { calibration } : {}),
        ...(vectors ? { encoder: encoderOf(vectors, this.options.learned) } : {}),
        ...(crash ? { crash } : {}),
      },
      {
        timeoutMs: this.buildTimeoutMs,
        ...(vectors ? { embedder: new KbBuildEmbedder(vectors, onProgress) } : {}),
      },
    );
    return built.ok ? built.faq : { ok: false, issues: built.issues };
  }

  /** What is in service now, with the build time of its load. */
  status(): KbLoadReport {
    return describe(this.holder.current, this.holder.generation, this.#lastBuildMs, this.encoderStatus());
  }
}

/**
 * What the build thread needs of the encoder's VectorSource. Its learned store crosses only as a
 * folder (LearnedFileStore); any other store is not read there, and the thread learns afresh.
 */
function encoderOf(vectors: VectorSource, learned: LearnedStore | undefined): KbBuildEncoder {
  const store = learned ?? vectors.learned;
  return {
    cascade: vectors.cascade === true,
    ...(vectors.locales ? { locales: vectors.locales } : {}),
    ...(store instanceof LearnedFileStore ? { learnedDir: store.dir } : {}),
  };
}

const elapsedSince = (started: number): number => Math.round((performance.now() - started) * 10) / 10;

function describe(faq: Faq, generation: number, buildMs: number, encoder: EncoderStatus): KbLoadReport {
  const entries: Partial<Record<Locale, number>> = {};
  for (const locale of faq.locales) entries[locale] = faq.entries(locale).length;
  const calibration: KbLoadReport['calibration'] = {};
  for (const info of faq.info) {
    calibration[info.locale] = {
      source: info.calibration.source,
      ...info.calibration.thresholds,
      ...info.calibration.samples,
      outOfScopeExamples: info.outOfScopeExamples,
    };
  }
  const vectors: KbLoadReport['vectors'] = {};
  for (const info of faq.info) {
    const why = faq.vectorProblems[info.locale];
    vectors[info.locale] = { reads: info.vectors, ...(why ? { fallbackReason: why } : {}) };
  }
  return {
    encoder,
    vectors,
    generation,
    files: faq.source.files.map((f) => ({ file: f.file, locale: f.locale, entries: f.entries })),
    entries,
    buildMs,
    calibration,
  };
}
