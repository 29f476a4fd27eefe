import { join } from 'node:path';
import { Faq, loadKnowledgeBase, Matcher } from '../../../knowledge-base';
import { Cascade } from '../../../knowledge-base/cascade';
import type { DenseVectors } from '../../../knowledge-base/dense';
import type { Entry } from '../../../knowledge-base/types';
import { discoverCalibration } from '../../../knowledge-base/faq';
import type { VectorSource } from '../../../knowledge-base/vector-source';

const DEMO = join(__dirname, '..', '..', '..', 'knowledge-base', 'demo');
const DIMS = 16;

function letterVector(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % DIMS]! += 1;
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

let queries = 0;
const dense: DenseVectors = {
  dims: DIMS,
  label: 'letters (test)',
  vectorOf: letterVector,
  embedQuery: async (t) => {
    queries++;
    return letterVector(t);
  },
};
const source: VectorSource = { label: 'letters (test)', cascade: true, vectorsFor: async () => dense };

describe('the cascade gate', () => {
  it('is chosen on the calibration set; lexical answers under it wait for the full pass, the others do not', async () => {
    const faq = await Faq.load([join(DEMO, 'en.yaml')], { vectors: source });
    const gate = faq.info[0]!.cascadeGate!;
    expect(gate).toBeGreaterThanOrEqual(0);
    const kb = await loadKnowledgeBase([join(DEMO, 'en.yaml')]);
    const entries = kb.entries;
    const lexical = Matcher.build('en', entries, {
      synonyms: kb.synonyms.en ?? [],
      outOfScope: kb.outOfScope.en ?? [],
      calibration: (await discoverCalibration(kb)).en!,
    });
    let skipped = 0;
    let waited = 0;
    for (const text of ['How do I book a service?', 'how much is it', 'I forgot my password', 'cancel']) {
      const first = lexical.matchNow(text);
      const before = queries;
      await faq.match(text, { locale: 'en' });
      const fullPass = queries > before;
      if (first.decision === 'answer' && first.confidence >= gate) {
        expect(fullPass).toBe(false);
        skipped++;
      } else if (first.decision !== 'escalate' || first.reason !== 'no-content') {
        expect(fullPass).toBe(true);
        waited++;
      }
    }
    expect(skipped + waited).toBeGreaterThan(0);
  });

  it('without calibration messages only the lexical answers it is 95 % sure of skip the full pass', () => {
    const entry = (id: string, question: string, alternate: string): Entry => ({
      id,
      locale: 'en',
      question,
      alternates: [alternate],
      answer: id,
      tags: [],
      escalate: false,
      followUps: [],
    });
    const entries = [
      entry('a', 'how do I reset my password', 'forgot password'),
      entry('b', 'where is my parcel', 'track my order'),
    ];
    const fast = Matcher.build('en', entries);
    const full = Matcher.build('en', entries, { dense, shareLexicalWith: fast });
    // Gate 0 let both matchers' wrong answers add up on a self-calibrated KB (5.3 % under a 4 % policy).
    expect(new Cascade(fast, full).gate).toBe(0.95);
  });
});
