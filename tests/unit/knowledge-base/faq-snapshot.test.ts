import { join } from 'node:path';
import { Faq } from '../../../knowledge-base';

const DEMO = ['fr.yaml', 'en.yaml'].map((f) =>
  join(__dirname, '..', '..', '..', 'knowledge-base', 'demo', f),
);

describe('Faq snapshot (what a build thread sends the bot)', () => {
  test('a snapshot copied as a worker message decides every demo phrasing exactly as the built KB', async () => {
    const built = await Faq.load(DEMO);
    // structuredClone is what postMessage does: anything not clone-able would throw here.
    const restored = Faq.restore(structuredClone(built.snapshot()));
    expect(restored.locales).toEqual(built.locales);
    const messages = built.source.entries.flatMap((e) => [
      e.question,
      ...e.alternates.slice(0, 2),
      `${e.question.split(' ').slice(0, 3).join(' ')} svp`,
    ]);
    messages.push('bonjour', 'zzz qwerty', 'annuler');
    let answered = 0;
    for (const text of messages) {
      const [a, b] = [await built.match(text), await restored.match(text)];
      expect(b).toEqual(a);
      if (a.decision === 'answer') answered++;
    }
    expect(answered).toBeGreaterThan(100);
  });

  test('a restored matcher that read sentence vectors refuses to run without them', async () => {
    const built = await Faq.load(DEMO);
    const snapshot = structuredClone(built.snapshot());
    const [locale, matcher] = snapshot.matchers[0]!;
    const readsVectors = { ...snapshot, matchers: [[locale, { ...matcher, readsVectors: true }] as const] };
    expect(() => Faq.restore(readsVectors as typeof snapshot)).toThrow(/reads sentence vectors/);
  });
});
