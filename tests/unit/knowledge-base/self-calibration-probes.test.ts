import { buildKnowledgeBase, Faq, textsToEmbed } from '../../../knowledge-base';
import type { DenseVectors } from '../../../knowledge-base/dense';
import { entryPhrasings, selfCalibrationProbes } from '../../../knowledge-base/self-calibration';
import type { VectorSource } from '../../../knowledge-base/vector-source';
import { SHOP_TOPICS as TOPICS } from '../../support/shop-topics';

// Without a calibration set the matcher calibrates on made-up paraphrases of its own phrasings. With
// an encoder they are embedded with the KB, so they are scored as a customer's message is.

function kbText(edited?: number): string {
  const entries = TOPICS.map((t, i) => {
    const question = i === edited ? `could you help me ${t} today` : `how do I ${t}`;
    return `  - { id: e${i}, question: "${question}", alternates: ["I want to ${t}", "${t} please"], answer: "a${i}" }`;
  });
  return `version: 1\nlocale: en\nentries:\n${entries.join('\n')}\n`;
}

const kbOf = (edited?: number) => buildKnowledgeBase([{ file: 'en.yaml', text: kbText(edited) }]);

describe('self-calibration probes', () => {
  it('are embedded with the KB when there is no calibration set, and not when there is one', () => {
    const kb = kbOf();
    const probes = selfCalibrationProbes(entryPhrasings(kb.entries));
    expect(probes.length).toBeGreaterThan(TOPICS.length);
    const own = new Set(kb.entries.flatMap((e) => [e.question, ...e.alternates, e.answer]));
    expect(probes.some((p) => !own.has(p))).toBe(true);
    const asked = textsToEmbed(kb, 'en', []).phrasings;
    for (const p of probes) expect(asked).toContain(p);
    const calibrated = textsToEmbed(kb, 'en', [{ text: 'where is my parcel', expected: 'e1' }]).phrasings;
    expect(calibrated.filter((t) => !own.has(t))).toEqual([]);
  });

  it('stay the same for the entries an edit did not touch, so a reload re-embeds few', () => {
    const before = new Set(selfCalibrationProbes(entryPhrasings(kbOf().entries)));
    const after = selfCalibrationProbes(entryPhrasings(kbOf(5).entries));
    const changed = after.filter((p) => !before.has(p));
    expect(changed.length).toBeGreaterThan(0);
    // The edited entry's three folds, and entries near it in hash order: far fewer than all.
    expect(changed.length).toBeLessThanOrEqual(Math.ceil(after.length / 4));
  });

  it('count a made-up paraphrase of each left-out entry among the unanswerable messages', async () => {
    // Twelve entries of three phrasings: three folds, each leaving out the entries i with
    // (i + fold) % 5 === 0 (seven in all). Each gives its three phrasings, near misses a ranker
    // without it scores, and one paraphrase of them, which strays as customers' messages do.
    const faq = await Faq.create(kbOf());
    const leftOut = [0, 1, 2].reduce(
      (n, fold) => n + TOPICS.filter((_, i) => (i + fold) % 5 === 0).length,
      0,
    );
    expect(leftOut).toBe(7);
    expect(faq.info[0]!.calibration.samples.outOfScope).toBe(leftOut * (3 + 1));
    // The paraphrases are among the texts embedded with the KB, so they are scored with vectors too.
    const probes = new Set(selfCalibrationProbes(entryPhrasings(kbOf().entries)));
    const own = new Set(kbOf().entries.flatMap((e) => [e.question, ...e.alternates]));
    expect([...probes].filter((p) => !own.has(p)).length).toBeGreaterThanOrEqual(TOPICS.length);
  });

  it('reach the matcher with their vectors: the build asks the encoder for them', async () => {
    const asked: string[] = [];
    const dense = (texts: readonly string[]): DenseVectors => ({
      dims: 2,
      label: 'test',
      vectorOf: (t) => (texts.includes(t) ? Float32Array.of(t.length % 7, 1) : undefined),
      embedQuery: async (t) => Float32Array.of(t.length % 7, 1),
    });
    const source: VectorSource = {
      label: 'test',
      vectorsFor: async (_locale, texts) => {
        asked.push(...texts.phrasings);
        return dense([...texts.phrasings, ...texts.messages]);
      },
    };
    const kb = kbOf();
    const faq = await Faq.create(kb, { vectors: source });
    expect(faq.info[0]!.calibration.source).toBe('self-calibration');
    for (const p of selfCalibrationProbes(entryPhrasings(kb.entries))) expect(asked).toContain(p);
  });
});
