import { join } from 'node:path';
import { Faq, loadKnowledgeBase, Matcher } from '../../../knowledge-base';
import type { DenseVectors } from '../../../knowledge-base/dense';
import type { VectorSource } from '../../../knowledge-base/vector-source';

const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
const DIMS = 16;

/** Deterministic vectors from a text's letters: a stand-in encoder whose calls the test can break. */
function letterVector(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % DIMS]! += 1;
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

function source(options: { failBuild?: string; failQueries?: boolean }): VectorSource & { queries: number } {
  const state = { queries: 0 };
  return {
    label: 'letters (test)',
    get queries() {
      return state.queries;
    },
    async vectorsFor(locale, texts): Promise<DenseVectors> {
      if (options.failBuild === locale) throw new Error(`no model for ${locale}`);
      const known = new Map([...texts.phrasings, ...texts.messages].map((t) => [t, letterVector(t)]));
      return {
        dims: DIMS,
        label: 'letters (test)',
        vectorOf: (t) => known.get(t),
        embedQuery: async (t) => {
          state.queries++;
          if (options.failQueries) throw new Error('worker crashed');
          return letterVector(t);
        },
      };
    },
  };
}

const FILES = [join(DEMO, 'fr.yaml'), join(DEMO, 'en.yaml')];

// Two demo builds for the whole file: lexical, and French failing while English has vectors.
let lexical: Faq;
let faq: Faq;
let vectors: ReturnType<typeof source>;
beforeAll(async () => {
  vectors = source({ failBuild: 'fr' });
  [lexical, faq] = await Promise.all([Faq.load(FILES), Faq.load(FILES, { vectors })]);
}, 120_000);

describe('the encoder scorer and its fallback', () => {
  it('a language whose vectors fail is built lexical only, says why, and matches as without an encoder', async () => {
    expect(faq.vectorProblems).toEqual({ fr: 'no model for fr' });
    const fr = faq.info.find((i) => i.locale === 'fr');
    const en = faq.info.find((i) => i.locale === 'en');
    expect(fr?.vectors).toBe('lexical only');
    expect(en?.vectors).toBe('letters (test)');
    for (const text of [
      'mon prestataire ne s’est pas présenté',
      'combien coûte le VIP',
      'quelle heure est-il',
    ])
      expect(await faq.match(text, { locale: 'fr' })).toEqual(await lexical.match(text, { locale: 'fr' }));
  });

  it('embeds each message once per match and reads its vector', async () => {
    const before = vectors.queries;
    const d = await faq.match('I forgot my password', { locale: 'en' });
    expect(vectors.queries).toBe(before + 1);
    expect(d.locale).toBe('en');
    expect(['answer', 'clarify', 'escalate']).toContain(d.decision);
  });

  it('a message the encoder cannot embed gets the lexical decision of the same matcher', async () => {
    const kb = await loadKnowledgeBase([join(DEMO, 'en.yaml')]);
    const entries = kb.entries.filter((e) => e.locale === 'en');
    const texts = entries.flatMap((e) => [e.question, ...e.alternates]);
    const dense = await source({ failQueries: true }).vectorsFor('en', { phrasings: texts, messages: [] });
    const matcher = Matcher.build('en', entries, { dense });
    for (const text of ['I forgot my password', 'how much is vip', "what's the weather"])
      expect(await matcher.match(text)).toEqual(matcher.matchNow(text));
  });
});
