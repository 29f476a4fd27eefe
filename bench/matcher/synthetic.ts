import type { Entry } from '../../knowledge-base';
import { mulberry32 } from '../../knowledge-base/linear-model';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ter',
  'zu',
  'van',
  'pel',
  'dor',
  'si',
  'bex',
  'ru',
  'nai',
  'cho',
  'fim',
  'gal',
  'tas',
];

/**
 * A large KB for build-time figures: `count` entries of 5 phrasings each, recombined from CLINC150
 * training phrasings of one intent (first half of one + second half of another) plus a product name
 * of the entry's own, so entries are distinct. Deterministic for a given seed.
 */
export function syntheticEntries(train: ReadonlyArray<[string, string]>, count: number, seed = 42): Entry[] {
  const byIntent = new Map<string, string[]>();
  for (const [text, intent] of train) byIntent.set(intent, [...(byIntent.get(intent) ?? []), text]);
  const intents = [...byIntent.keys()].sort();
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    const pool = byIntent.get(intents[i % intents.length]!)!;
    const product = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
    const phrasings = Array.from({ length: 5 }, () => {
      const a = pick(pool).split(' ');
      const b = pick(pool).split(' ');
      return [
        ...a.slice(0, Math.ceil(a.length / 2)),
        ...b.slice(Math.ceil(b.length / 2)),
        'for',
        product,
      ].join(' ');
    });
    entries.push({
      id: `synthetic-${i}`,
      locale: 'en',
      question: phrasings[0]!,
      alternates: phrasings.slice(1),
      answer: `answer ${i}`,
      tags: [],
      escalate: false,
      followUps: [],
    });
  }
  return entries;
}
