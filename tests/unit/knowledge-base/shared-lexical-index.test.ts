import { join } from 'node:path';
import { loadKnowledgeBase, Matcher } from '../../../knowledge-base';
import type { DenseVectors } from '../../../knowledge-base/dense';
import type { Entry } from '../../../knowledge-base/types';

const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
const DIMS = 16;

/** Deterministic stand-in sentence vectors (letters of the text). */
function letterVector(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % DIMS]! += 1;
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

const dense: DenseVectors = {
  dims: DIMS,
  label: 'letters (test)',
  vectorOf: letterVector,
  embedQuery: async (t) => letterVector(t),
};

const MESSAGES = [
  'I forgot my password',
  'the cleaner never came this morning',
  'how much is the VIP plan',
  'what time is it in Tokyo',
  'cancel',
];

let entries: Entry[];
let synonyms: ReadonlyArray<readonly string[]>;
let outOfScope: readonly string[];
let lexical: Matcher;
beforeAll(async () => {
  const kb = await loadKnowledgeBase([join(DEMO, 'en.yaml')]);
  entries = kb.entries.filter((e) => e.locale === 'en');
  synonyms = kb.synonyms.en ?? [];
  outOfScope = kb.outOfScope.en ?? [];
  lexical = Matcher.build('en', entries, { synonyms, outOfScope });
}, 60_000);

describe("a cascade's matcher with vectors reuses the lexical matcher's index", () => {
  it('shares the feature space and decides exactly as a matcher that built its own', async () => {
    const shared = Matcher.build('en', entries, { synonyms, outOfScope, dense, shareLexicalWith: lexical });
    const own = Matcher.build('en', entries, { synonyms, outOfScope, dense });
    expect(shared.lexicalIndex).toBe(lexical.lexicalIndex);
    expect(shared.lexicalIndex.space).toBe(lexical.lexicalIndex.space);
    expect(own.lexicalIndex).not.toBe(lexical.lexicalIndex);
    expect(shared.info.features).toBe(own.info.features);
    expect(shared.info.calibration).toEqual(own.info.calibration);
    for (const text of MESSAGES) expect(await shared.match(text)).toEqual(await own.match(text));
  });

  it('builds its own when the phrasings, out-of-scope examples or synonyms differ', () => {
    const fewer = Matcher.build('en', entries.slice(1), { synonyms, outOfScope, shareLexicalWith: lexical });
    expect(fewer.lexicalIndex).not.toBe(lexical.lexicalIndex);
    const noOutOfScope = Matcher.build('en', entries, { synonyms, shareLexicalWith: lexical });
    expect(noOutOfScope.lexicalIndex).not.toBe(lexical.lexicalIndex);
    const otherSynonyms = Matcher.build('en', entries, {
      synonyms: [...synonyms, ['refund', 'money back']],
      outOfScope,
      shareLexicalWith: lexical,
    });
    expect(otherSynonyms.lexicalIndex).not.toBe(lexical.lexicalIndex);
    // Equal synonym groups given as a new array still share.
    const sameSynonyms = Matcher.build('en', entries, {
      synonyms: synonyms.map((g) => [...g]),
      outOfScope,
      shareLexicalWith: lexical,
    });
    expect(sameSynonyms.lexicalIndex).toBe(lexical.lexicalIndex);
  });
});
