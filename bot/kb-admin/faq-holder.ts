import type { Decision, Entry, Faq, Locale, MatchOptions } from '../../knowledge-base/index';
import type { FaqCatalogue } from '../conversation/deps';

/**
 * The knowledge base the bot answers from, swappable while the bot runs: every call reads the
 * current Faq, and a reload replaces it in one assignment, so a turn never sees half a KB.
 */
export class FaqHolder implements FaqCatalogue {
  #current: Faq;
  #generation = 1;

  constructor(initial: Faq) {
    this.#current = initial;
  }

  get current(): Faq {
    return this.#current;
  }

  /** 1 for the KB loaded at start, +1 per successful reload. */
  get generation(): number {
    return this.#generation;
  }

  /** Puts a fully built Faq in service; returns its generation. */
  swap(next: Faq): number {
    this.#current = next;
    this.#generation += 1;
    return this.#generation;
  }

  get defaultLocale(): Locale {
    return this.#current.defaultLocale;
  }

  match(text: string, options?: MatchOptions): Promise<Decision> {
    return this.#current.match(text, options);
  }

  matchLexical(text: string, options?: MatchOptions): Decision {
    return this.#current.matchLexical(text, options);
  }

  detect(text: string, hint?: Locale): Locale {
    return this.#current.detect(text, hint);
  }

  entry(id: string, locale: Locale): Entry | undefined {
    return this.#current.entry(id, locale);
  }

  get locales(): Locale[] {
    return this.#current.locales;
  }

  entries(locale: Locale): Entry[] {
    return this.#current.entries(locale);
  }
}
