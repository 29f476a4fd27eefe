import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type Entry, type Locale } from '../../knowledge-base/index';

/** Words that make a demo question into another plausible one (deterministic: no randomness). */
const QUALIFIERS: Record<Locale, { first: readonly string[]; second: readonly string[] }> = {
  fr: {
    first: [
      'pour un appartement',
      'le week-end',
      'pour une entreprise',
      'en urgence',
      'pour mes parents',
      'à Lyon',
      'avec l’abonnement VIP',
      'pour une maison',
      'après un déménagement',
      'en juillet',
    ],
    second: ['', 'depuis l’application', 'sans compte', 'pour la première fois'],
  },
  en: {
    first: [
      'for a flat',
      'at the weekend',
      'for a business',
      'urgently',
      'for my parents',
      'in Lyon',
      'with the VIP subscription',
      'for a house',
      'after moving house',
      'in July',
    ],
    second: ['', 'from the app', 'without an account', 'for the first time'],
  },
};

export const demoFiles = (root: string): string[] =>
  ['fr', 'en'].map((l) => join(root, 'knowledge-base', 'demo', `${l}.yaml`));

/** A variant's id names its demo entry: `<id>.v<k>` reads back as `<id>` for the hit rate. */
export const originalId = (id: string): string => id.split('.')[0] ?? id;
const variantId = (id: string, k: number) => `${id}.v${k}`;

/**
 * A KB of `size` entries per language made from the demo KB: the demo entries as they are, then
 * variants of each listed one (its question with qualifiers, its answer and tags) until `size`.
 * Written as JSON KB files in a temporary folder; returns their paths.
 */
export async function generateKb(root: string, size: number): Promise<string[]> {
  const demo = await loadKnowledgeBase(demoFiles(root));
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-search-'));
  return (['fr', 'en'] as const).map((locale) => {
    const originals = demo.entries.filter((e) => e.locale === locale);
    const listed = originals.filter((e) => !e.escalate);
    const entries: object[] = originals.map(plain);
    const { first, second } = QUALIFIERS[locale];
    for (let i = 0; entries.length < size; i += 1) {
      const base = listed[i % listed.length]!;
      const k = Math.floor(i / listed.length);
      const words = [first[k % first.length], second[Math.floor(k / first.length) % second.length]]
        .filter(Boolean)
        .join(' ');
      const question = `${base.question.replace(/\s*\?\s*$/, '')} ${words} ?`;
      entries.push({ id: variantId(base.id, k), question, answer: base.answer, tags: [...base.tags] });
    }
    const file = join(dir, `kb${size}.${locale}.json`);
    writeFileSync(file, JSON.stringify({ version: 1, locale, demo: true, entries }));
    return file;
  });
}

function plain(e: Entry): object {
  return {
    id: e.id,
    question: e.question,
    alternates: [...e.alternates],
    answer: e.answer,
    tags: [...e.tags],
    escalate: e.escalate,
    followUps: [...e.followUps],
  };
}
