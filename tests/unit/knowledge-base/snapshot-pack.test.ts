import { join } from 'node:path';
import { Faq, type FaqSnapshot } from '../../../knowledge-base/index';
import { packedAsSent, unpackedAtOnce } from '../../support/packed-faq';
import { buildTestFaq } from '../../support/test-faq';

const DEMO = ['fr.yaml', 'en.yaml'].map((f) =>
  join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', f),
);

/** Whole decisions (scores, candidates, explanation) of `faq` for each message. */
async function decisions(faq: Faq, messages: readonly string[], locale: 'fr' | 'en'): Promise<unknown[]> {
  const out = [];
  for (const text of messages) out.push(await faq.match(text, { locale }));
  return out;
}

const FR = [
  'Comment réserver une prestation ?',
  'payer par carte',
  'je veux ma facture pour ma societe',
  'elle a cassé mon vase',
  'credit d impot',
  'réserver',
  'bonjour',
  'zzz qwerty',
];
const EN = [
  'How do I book a service?',
  'pay by card',
  'company invoice please',
  'he ruined my sofa',
  'tax credit',
  'invoice',
  'hello',
  'zzz qwerty',
];

describe('snapshot pack → unpack (what crosses from the build thread)', () => {
  test('the restored test KB decides every FR and EN message exactly as the built one', async () => {
    const built = buildTestFaq();
    const restored = Faq.restore(await unpackedAtOnce(packedAsSent(built)));
    expect(restored.locales).toEqual(built.locales);
    expect(await decisions(restored, FR, 'fr')).toEqual(await decisions(built, FR, 'fr'));
    expect(await decisions(restored, EN, 'en')).toEqual(await decisions(built, EN, 'en'));
    const answered = (await decisions(built, FR.slice(0, 2), 'fr')) as Array<{ decision: string }>;
    expect(answered.map((d) => d.decision)).toEqual(['answer', 'answer']);
  });

  test('every field of the snapshot survives the crossing (the restored KB snapshots the same)', async () => {
    const built = buildTestFaq();
    const sent = structuredClone(built.snapshot());
    const restored = Faq.restore(await unpackedAtOnce(packedAsSent(built)));
    expect(restored.snapshot()).toEqual(sent);
  });

  describe('one-word messages many demo entries use (the ranker counts entries per stem)', () => {
    const vague = ['réserver', 'compte', 'facture', 'annuler', 'heures', 'combien', 'prestation', 'site'];
    let built: Faq;
    beforeAll(async () => {
      built = await Faq.load(DEMO);
    }, 60_000);

    test('are decided the same after the crossing, and some of them are offered as a choice', async () => {
      const restored = Faq.restore(await unpackedAtOnce(packedAsSent(built)));
      const before = (await decisions(built, vague, 'fr')) as Array<{ decision: string }>;
      expect(await decisions(restored, vague, 'fr')).toEqual(before);
      expect(before.filter((d) => d.decision === 'clarify').length).toBeGreaterThan(3);
    });

    test('would be decided otherwise by a KB that lost the count (so the test above sees its absence)', async () => {
      const snapshot = await unpackedAtOnce(packedAsSent(built));
      const lost: FaqSnapshot = {
        ...snapshot,
        matchers: snapshot.matchers.map(([locale, m]) => {
          if (m.kind !== 'matcher') throw new Error('the demo KB is lexical only here');
          const { stems } = m.ranker.lexical;
          const lexical = {
            ...m.ranker.lexical,
            stems: { ...stems, entryCounts: new Int32Array(stems.entryCounts.length) },
          };
          return [locale, { ...m, ranker: { ...m.ranker, lexical } }] as const;
        }),
      };
      expect(await decisions(Faq.restore(lost), vague, 'fr')).not.toEqual(
        await decisions(built, vague, 'fr'),
      );
    });
  });
});
