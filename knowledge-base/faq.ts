import { existsSync } from 'node:fs';
import { calibrationOptionsFor, type AnswerPolicy } from './answer-policy';
import type { Locale } from './locale';
import { detectLanguage } from './language';
import { entryPhrasings, selfCalibrationProbes } from './self-calibration';
import { calibrationFileFor, checkExpectedIds, readLabelledLines } from './labelled-queries';
import { loadKnowledgeBase, type LoadedKnowledgeBase } from './loader';
import { Cascade, restoreLocaleMatcher, type LocaleMatcher, type LocaleMatcherSnapshot } from './cascade';
import { Matcher, type LabelledText, type MatcherInfo, type MatcherOptions } from './matcher';
import type { Decision, Entry } from './types';
import type { DenseVectors } from './dense';
import type { LearnedStore } from './learned-cache';
import type { TextsToEmbed, VectorSource } from './vector-source';

export interface FaqOptions {
  /** Language used when a message gives no clue and the channel gave no locale. */
  readonly defaultLocale?: Locale;
  readonly calibration?: Partial<Record<Locale, readonly LabelledText[]>>;
  readonly matcher?: Omit<MatcherOptions, 'calibration'>;
  /** The wrong-answer / hand-over policy the thresholds must meet (default: at most 4 % wrong, 70 % handed over). */
  readonly policy?: AnswerPolicy;
  /** Sentence vectors for the encoder scorer (Faq.create / Faq.load only; Faq.build is lexical unless given `dense`). */
  readonly vectors?: VectorSource;
  /** Vectors already made, by language (what Faq.create hands to Faq.build). */
  readonly dense?: Partial<Record<Locale, DenseVectors>>;
  /** Called with texts embedded / total while vectors are made. */
  readonly onProgress?: (locale: Locale, done: number, total: number) => void;
  /** What earlier builds of the same KB learned (default: the vector source's store, if any). */
  readonly learned?: LearnedStore;
}

/**
 * A Faq as structured-clone-able data, in parts: a KB built in a worker thread crosses to the bot's
 * one language at a time (each part is one message, so no single copy holds the bot's thread long).
 */
export interface FaqSnapshot {
  readonly source: LoadedKnowledgeBase;
  readonly defaultLocale: Locale;
  readonly vectorProblems: Partial<Record<Locale, string>>;
  readonly matchers: ReadonlyArray<readonly [Locale, LocaleMatcherSnapshot]>;
}

export interface MatchOptions {
  /** The channel's or conversation's language, used when the message itself is ambiguous. */
  readonly locale?: Locale;
}

/**
 * The knowledge base as the bot uses it: one matcher per language, language detection per message,
 * and entries by id. Immutable: a reload builds a new Faq and swaps it in.
 */
export class Faq {
  private constructor(
    private readonly matchers: ReadonlyMap<Locale, LocaleMatcher>,
    private readonly entriesById: ReadonlyMap<string, Entry>,
    readonly defaultLocale: Locale,
    readonly source: LoadedKnowledgeBase,
    /** Languages whose vectors could not be made, and why (they match on lexical evidence alone). */
    readonly vectorProblems: Partial<Record<Locale, string>> = {},
  ) {}

  static build(kb: LoadedKnowledgeBase, options: FaqOptions = {}): Faq {
    return Faq.of(kb, options, buildMatchers(kb, options));
  }

  private static of(
    kb: LoadedKnowledgeBase,
    options: FaqOptions,
    matchers: ReadonlyMap<Locale, LocaleMatcher>,
    problems: Partial<Record<Locale, string>> = {},
  ): Faq {
    const defaultLocale =
      options.defaultLocale && matchers.has(options.defaultLocale)
        ? options.defaultLocale
        : ([...matchers.keys()][0] ?? 'fr');
    const entriesById = new Map(kb.entries.map((e) => [`${e.locale}:${e.id}`, e]));
    return new Faq(matchers, entriesById, defaultLocale, kb, problems);
  }

  /**
   * Builds like `build`, first embedding every language's texts when `options.vectors` is given.
   * A language whose vectors fail is built lexical only and named in `vectorProblems`.
   */
  static async create(kb: LoadedKnowledgeBase, options: FaqOptions = {}): Promise<Faq> {
    const source = options.vectors;
    if (!source) return Faq.build(kb, options);
    if (!options.learned && source.learned) options = { ...options, learned: source.learned };
    const dense: Partial<Record<Locale, DenseVectors>> = { ...options.dense };
    const problems: Partial<Record<Locale, string>> = {};
    for (const locale of new Set(kb.entries.map((e) => e.locale))) {
      if (dense[locale] || (source.locales && !source.locales.includes(locale))) continue;
      const texts = textsToEmbed(kb, locale, options.calibration?.[locale] ?? []);
      try {
        dense[locale] = await source.vectorsFor(locale, texts, (done, total) =>
          options.onProgress?.(locale, done, total),
        );
      } catch (err) {
        problems[locale] = err instanceof Error ? err.message : String(err);
      }
    }
    return Faq.withVectors(kb, options, dense, problems, source.cascade === true);
  }

  /**
   * The second half of `create`, synchronous: every matcher built from vectors already made (a
   * reload's build thread gets them from the bot's encoder). `cascade`: a lexical matcher decides
   * first and the one that reads vectors only where it is unsure.
   */
  static withVectors(
    kb: LoadedKnowledgeBase,
    options: FaqOptions,
    dense: Partial<Record<Locale, DenseVectors>>,
    problems: Partial<Record<Locale, string>>,
    cascade: boolean,
  ): Faq {
    if (!cascade) return Faq.of(kb, options, buildMatchers(kb, { ...options, dense }), problems);
    // The lexical matcher first: the one that reads vectors reuses its feature space and indexes.
    const lexical = buildMatchers(kb, { ...options, dense: {} });
    const withVectors = buildMatchers(kb, { ...options, dense }, lexical);
    const matchers = new Map<Locale, LocaleMatcher>();
    for (const [locale, fast] of lexical) {
      const full = withVectors.get(locale);
      const vectors = dense[locale];
      const messages = options.calibration?.[locale];
      const gate =
        vectors && messages ? { messages, vectorOf: (t: string) => vectors.vectorOf(t) } : undefined;
      matchers.set(locale, vectors && full ? new Cascade(fast, full, gate, options.learned) : fast);
    }
    return Faq.of(kb, options, matchers, problems);
  }

  /**
   * Loads KB files; a file's calibration set (`fr.calibration.jsonl` beside `fr.yaml`) is used
   * when present, unless calibration is given explicitly.
   */
  static async load(files: readonly string[], options: FaqOptions = {}): Promise<Faq> {
    const kb = await loadKnowledgeBase(files);
    if (options.calibration) return Faq.create(kb, options);
    return Faq.create(kb, { ...options, calibration: await discoverCalibration(kb) });
  }

  snapshot(): FaqSnapshot {
    return {
      source: this.source,
      defaultLocale: this.defaultLocale,
      vectorProblems: this.vectorProblems,
      matchers: [...this.matchers].map(([locale, m]) => [locale, m.snapshot()] as const),
    };
  }

  /** The Faq `snapshot` described; `dense`: the encoder's vectors of each language whose matcher reads them. */
  static restore(s: FaqSnapshot, dense: Partial<Record<Locale, DenseVectors>> = {}): Faq {
    const matchers = new Map<Locale, LocaleMatcher>();
    for (const [locale, m] of s.matchers) {
      const entries = s.source.entries.filter((e) => e.locale === locale);
      matchers.set(locale, restoreLocaleMatcher(m, entries, dense[locale]));
    }
    const entriesById = new Map(s.source.entries.map((e) => [`${e.locale}:${e.id}`, e]));
    return new Faq(matchers, entriesById, s.defaultLocale, s.source, s.vectorProblems);
  }

  get locales(): Locale[] {
    return [...this.matchers.keys()];
  }

  get info(): MatcherInfo[] {
    return [...this.matchers.values()].map((m) => m.info);
  }

  /** The language a message is in, falling back to the hint, then to a language the KB has. */
  detect(text: string, hint?: Locale): Locale {
    const guess = detectLanguage(text, hint ?? this.defaultLocale);
    if (this.matchers.has(guess.locale)) return guess.locale;
    return hint && this.matchers.has(hint) ? hint : this.defaultLocale;
  }

  match(text: string, options: MatchOptions = {}): Promise<Decision> {
    const locale = this.detect(text, options.locale);
    return this.matchers.get(locale)!.match(text);
  }

  /**
   * The decision on lexical evidence alone, on the calling thread: no encoder call, whatever the
   * matcher reads (about 0.2 ms; the help center asks it at each pause in typing).
   */
  matchLexical(text: string, options: MatchOptions = {}): Decision {
    const locale = this.detect(text, options.locale);
    return this.matchers.get(locale)!.matchNow(text);
  }

  entry(id: string, locale: Locale): Entry | undefined {
    return this.entriesById.get(`${locale}:${id}`);
  }

  entries(locale: Locale): Entry[] {
    return this.source.entries.filter((e) => e.locale === locale);
  }
}

/** One matcher per language of the KB. */
function buildMatchers(
  kb: LoadedKnowledgeBase,
  options: FaqOptions,
  /** Matchers on the same KB whose lexical indexes to reuse (a cascade's lexical half). */
  lexical?: ReadonlyMap<Locale, Matcher>,
): Map<Locale, Matcher> {
  const byLocale = new Map<Locale, Entry[]>();
  for (const e of kb.entries) byLocale.set(e.locale, [...(byLocale.get(e.locale) ?? []), e]);
  const matchers = new Map<Locale, Matcher>();
  for (const [locale, entries] of byLocale) {
    const calibration = options.calibration?.[locale];
    const dense = options.dense?.[locale];
    const shared = lexical?.get(locale);
    // A language without vectors is the lexical matcher itself: no need to build it twice.
    if (shared && !dense) {
      matchers.set(locale, shared);
      continue;
    }
    matchers.set(
      locale,
      Matcher.build(locale, entries, {
        ...options.matcher,
        ...(options.policy ? { calibrationOptions: calibrationOptionsFor(options.policy) } : {}),
        synonyms: kb.synonyms[locale] ?? [],
        outOfScope: kb.outOfScope[locale] ?? [],
        ...(calibration ? { calibration } : {}),
        ...(dense ? { dense } : {}),
        ...(shared ? { shareLexicalWith: shared } : {}),
        ...(options.learned ? { learned: options.learned } : {}),
      }),
    );
  }
  return matchers;
}

/** Every text of a language the matcher trains or calibrates on (what gets a vector before the build). */
export function textsToEmbed(
  kb: LoadedKnowledgeBase,
  locale: Locale,
  calibration: readonly LabelledText[],
): TextsToEmbed {
  const texts = new Set<string>();
  for (const e of kb.entries) {
    if (e.locale !== locale) continue;
    texts.add(e.question);
    for (const a of e.alternates) texts.add(a);
    if (e.matchAnswer) texts.add(e.answer);
  }
  for (const t of kb.outOfScope[locale] ?? []) texts.add(t);
  // Without a calibration set the matcher calibrates on paraphrases of its own phrasings: embedded
  // too, so they are scored as a customer's message is (KB text only, so the disk cache may keep them).
  if (calibration.length === 0)
    for (const t of selfCalibrationProbes(entryPhrasings(kb.entries.filter((e) => e.locale === locale))))
      texts.add(t);
  const messages = [...new Set(calibration.map((q) => q.text))].filter((t) => !texts.has(t));
  return { phrasings: [...texts], messages };
}

/** The calibration sets found beside the KB files, by language. */
export async function discoverCalibration(
  kb: LoadedKnowledgeBase,
): Promise<Partial<Record<Locale, LabelledText[]>>> {
  const out: Partial<Record<Locale, LabelledText[]>> = {};
  for (const f of kb.files) {
    const file = calibrationFileFor(f.file);
    if (!existsSync(file)) continue;
    const lines = await readLabelledLines(file, true);
    checkExpectedIds(file, lines, new Set(kb.entries.filter((e) => e.locale === f.locale).map((e) => e.id)));
    (out[f.locale] ??= []).push(...lines.map((l) => ({ text: l.text, expected: l.expected ?? null })));
  }
  return out;
}
