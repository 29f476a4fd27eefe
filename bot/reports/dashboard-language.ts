import { LOCALES, toLocale, type Locale } from '../../knowledge-base/index';

/** One language range of an Accept-Language header, with its weight. */
interface Range {
  readonly tag: string;
  readonly q: number;
  /** Position in the header: ties keep the header's order. */
  readonly index: number;
}

function ranges(header: string): readonly Range[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.tag !== '' && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
}

/**
 * The dashboard's language: `?lang=fr|en` first, then the browser's Accept-Language (its first
 * supported language by weight), else French (the first customer's language). An unsupported
 * value is not an error: the page falls back as if it were absent.
 */
export function dashboardLanguage(lang: unknown, acceptLanguage: string | undefined): Locale {
  const asked = typeof lang === 'string' ? toLocale(lang) : undefined;
  if (asked) return asked;
  for (const range of ranges(acceptLanguage ?? '')) {
    const locale = toLocale(range.tag);
    if (locale) return locale;
  }
  return LOCALES[0];
}
