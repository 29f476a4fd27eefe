import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { mulberry32 } from '../../knowledge-base/linear-model';

const DEMO_DIR = path.resolve(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
const DEMO_DIR_TS = path.resolve(__dirname, '..', '..', 'knowledge-base', 'demo');
/** Phrasings per entry stay at five (question + 4), as in the matcher bench's synthetic KB. */
const ALTERNATES = 4;
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
];

interface DemoEntry {
  readonly id: string;
  readonly question: string;
  readonly alternates?: string[];
  readonly answer: string;
  readonly tags?: string[];
  readonly escalate?: boolean;
}

/** The demo folder whether this runs from dist/ (compiled) or from sources (ts-jest). */
function demoDir(): string {
  try {
    readFileSync(path.join(DEMO_DIR, 'en.yaml'));
    return DEMO_DIR;
  } catch {
    return DEMO_DIR_TS;
  }
}

/**
 * A large KB written from the demo KB for reload figures and tests: copy k of every demo entry gets
 * a product name of its own in each phrasing ("… for the kalomi plan"), so entries stay distinct
 * and the vocabulary grows with the KB. Deterministic; `entries` is the total over both languages.
 * The demo's synonyms and out-of-scope examples are kept; follow-ups are dropped (ids change).
 * Returns the written files (fr.json, en.json in `dir`).
 */
export function writeBigKb(dir: string, entries: number, seed = 11): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const perLocale = Math.ceil(entries / 2);
  for (const locale of ['fr', 'en'] as const) {
    const demo = parse(readFileSync(path.join(demoDir(), `${locale}.yaml`), 'utf8')) as {
      synonyms?: string[][];
      outOfScope?: string[];
      entries: DemoEntry[];
    };
    const random = mulberry32(seed + (locale === 'fr' ? 0 : 1));
    const pick = (): string => SYLLABLES[Math.floor(random() * SYLLABLES.length)]!;
    const joiner = locale === 'fr' ? 'pour la formule' : 'for the plan';
    const out = [];
    for (let i = 0; i < perLocale; i++) {
      const base = demo.entries[i % demo.entries.length]!;
      const product = `${pick()}${pick()}${pick()}`;
      const tag = (text: string): string => `${text.replace(/[?.!]+$/, '')} ${joiner} ${product}`;
      out.push({
        id: `${base.id}-${i}`,
        question: tag(base.question),
        alternates: (base.alternates ?? []).slice(0, ALTERNATES).map(tag),
        answer: `${base.answer} (${product})`,
        tags: base.tags ?? [],
        escalate: base.escalate ?? false,
      });
    }
    const file = path.join(dir, `${locale}.json`);
    const body = {
      version: 1,
      locale,
      synonyms: demo.synonyms ?? [],
      outOfScope: demo.outOfScope ?? [],
      entries: out,
    };
    writeFileSync(file, JSON.stringify(body));
    files.push(file);
  }
  return files;
}
