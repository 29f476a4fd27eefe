import { existsSync } from 'node:fs';
import { calibrationOptionsFor, type AnswerPolicy } from './answer-policy';
import type { Locale } from './locale';
import { detectLanguage } from './language';
import { calibrationFileFor, checkExpectedIds, readLabelledLines } from './labelled-queries';
import { loadKnowledgeBase, type LoadedKnowledgeBase } from './loader';
import { Matcher, type LabelledText, type MatcherInfo, type MatcherOptions } from './matcher';
import type { Decision, Entry } from './types';

export interface FaqOptions {
  /** Language used when a message gives no clue and the channel gave no locale. */
  readonly defaultLocale?: Locale;
  readonly calibration?: Partial<Record<Locale, readonly LabelledText[]>>;
  readonly matcher?: Omit<MatcherOptions, 'calibration'>;
  /** The wrong-answer / hand-over policy the thresholds must meet (default: at most 4 % wrong, 70 % handed over). */
  readonly policy?: AnswerPolicy;
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
    private readonly matchers: ReadonlyMap<Locale, Matcher>,
    private readonly entriesById: ReadonlyMap<string, Entry>,
    readonly defaultLocale: Locale,
    readonly source: LoadedKnowledgeBase,
  ) {}

  static build(kb: LoadedKnowledgeBase, options: FaqOptions = {}): Faq {
    const byLocale = new Map<Locale, Entry[]>();
    for (const e of kb.entries) byLocale.set(e.locale, [...(byLocale.get(e.locale) ?? []), e]);
    const matchers = new Map<Locale, Matcher>();
    for (const [locale, entries] of byLocale) {
      const calibration = options.calibration?.[locale];
      const synonyms = kb.synonyms[locale] ?? [];
      matchers.set(
        locale,
        Matcher.build(locale, entries, {
          ...options.matcher,
          ...(options.policy ? { calibrationOptions: calibrationOptionsFor(options.policy) } : {}),
          synonyms,
          outOfScope: kb.outOfScope[locale] ?? [],
          ...(calibration ? { calibration } : {}),
        }),
      );
    }
    const defaultLocale =
      options.defaultLocale && matchers.has(options.defaultLocale)
        ? options.defaultLocale
        : ([...matchers.keys()][0] ?? 'fr');
    return new Faq(matchers, new Map(kb.entries.map((e) => [`${e.locale}:${e.id}`, e])), defaultLocale, kb);
  }

  /**
   * Loads KB files; a file's calibration set (`fr.calibration.jsonl` beside `fr.yaml`) is used
   * when present, unless calibration is given explicitly.
   */
  static async load(files: readonly string[], options: FaqOptions = {}): Promise<Faq> {
    const kb = await loadKnowledgeBase(files);
    if (options.calibration) return Faq.build(kb, options);
    return Faq.build(kb, { ...options, calibration: await discoverCalibration(kb) });
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

  entry(id: string, locale: Locale): Entry | undefined {
    return this.entriesById.get(`${locale}:${id}`);
  }

  entries(locale: Locale): Entry[] {
    return this.source.entries.filter((e) => e.locale === locale);
  }
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
