import { readFileSync, writeFileSync } from 'node:fs';
import { postJson } from '../bot/app';
import { startHelpCenterApp, SUPERVISOR_TOKEN, type HelpCenterApp } from '../../support/help-center-app';

/** The help center's routes over HTTP: their 4xx paths, the rate limit, a KB reload, the KB suggestions. */
let help: HelpCenterApp;

beforeAll(async () => {
  help = await startHelpCenterApp();
});

afterAll(async () => {
  await help?.app.close();
});

const pageData = async (path: string) => {
  const html = await (await fetch(`${help.url}${path}`)).text();
  const json = /<script id="help-data" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
  return JSON.parse(json) as { entries: { id: string; question: string }[] };
};

describe('help center endpoints', () => {
  test('feedback: bad bodies are 400 naming the field; an entry not listed is 404', async () => {
    const url = `${help.url}/api/help/feedback`;
    const cases: [unknown, RegExp][] = [
      [{ entryId: 'gift-cards', lang: 'fr' }, /helpful/],
      [{ entryId: 'gift-cards', lang: 'de', helpful: true }, /lang/],
      [{ entryId: 'Gift Cards!', lang: 'fr', helpful: true }, /entryId/],
      [{ entryId: 'gift-cards', lang: 'fr', helpful: 'yes' }, /helpful/],
      [{ entryId: 'gift-cards', lang: 'fr', helpful: true, channel: 'x' }, /channel|unrecognized/i],
      ['not json', /Invalid JSON/],
      [[1, 2], /body/],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(url, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.json)).toMatch(message);
    }
    for (const entryId of ['become-provider', 'complaint-bad-work', 'no-such-entry'])
      expect((await postJson(url, { entryId, lang: 'fr', helpful: true })).status).toBe(404);
    expect((await postJson(url, { entryId: 'gift-cards', lang: 'fr', helpful: false })).status).toBe(204);
  });

  test('lexical search: the chat matcher’s listed entries for a phrase; hidden and escalating ones never; 400 names the field', async () => {
    const search = async (query: Record<string, string>) => {
      const res = await fetch(`${help.url}/api/help/search?${new URLSearchParams(query)}`);
      return { status: res.status, json: (await res.json()) as { ids?: string[]; message?: string } };
    };
    const cancel = await search({
      q: 'je suis malade, je ne pourrai pas recevoir la dame demain',
      lang: 'fr',
    });
    expect(cancel.status).toBe(200);
    expect(cancel.json.ids?.[0]).toBe('booking-cancel');
    expect(cancel.json.ids?.length).toBeLessThanOrEqual(5);
    const provider = await search({ q: 'je voudrais devenir prestataire chez vous', lang: 'fr' });
    expect(provider.status).toBe(200);
    expect(provider.json.ids).not.toContain('become-provider');
    const complaint = await search({ q: 'travail mal fait, je suis mécontent du ménage', lang: 'fr' });
    expect(complaint.json.ids).not.toContain('complaint-bad-work');
    expect((await search({ q: 'where are my invoices', lang: 'en' })).json.ids?.[0]).toBe('invoices');
    const cases: [Record<string, string>, RegExp][] = [
      [{ lang: 'fr' }, /q/],
      [{ q: '   ', lang: 'fr' }, /q/],
      [{ q: 'x'.repeat(301), lang: 'fr' }, /q/],
      [{ q: 'facture', lang: 'de' }, /lang/],
      [{ q: 'facture', lang: 'fr', label: 'x' }, /label|unrecognized/i],
    ];
    for (const [query, message] of cases) {
      const res = await search(query);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.json)).toMatch(message);
    }
  });

  test('unanswered: empty, too long or unknown fields are 400', async () => {
    const url = `${help.url}/api/help/unanswered`;
    for (const body of [
      { text: '   ', lang: 'fr' },
      { text: 'x'.repeat(301), lang: 'fr' },
      { text: 'peinture', lang: 'fr', reason: 'label' },
      { text: 'peinture' },
    ])
      expect((await postJson(url, body)).status).toBe(400);
  });

  test('unanswered searches join the chat questions in the KB suggestions', async () => {
    for (const text of [
      'faites-vous de la peinture',
      'peinture des murs du salon',
      'repeindre la cuisine peinture',
    ])
      expect((await postJson(`${help.url}/api/help/unanswered`, { text, lang: 'fr' })).status).toBe(204);
    const res = await fetch(`${help.url}/api/reports/kb-suggestions?from=2026-03-01&to=2026-03-31`, {
      headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
    });
    expect(res.status).toBe(200);
    const { suggestions } = (await res.json()) as { suggestions: { examples: string[]; count: number }[] };
    const painting = suggestions.find((s) => s.examples.some((e) => e.includes('peinture')));
    expect(painting?.count).toBeGreaterThanOrEqual(2);
    const summary = await fetch(`${help.url}/api/reports/summary?from=2026-03-01&to=2026-03-31`, {
      headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
    });
    const { report } = (await summary.json()) as { report: { helpCenter: { unansweredSearches: number } } };
    expect(report.helpCenter.unansweredSearches).toBe(3);
  });

  test('a KB reload shows at the next page: a question changed in the file', async () => {
    const [fr] = help.files;
    const before = await pageData('/aide');
    expect(before.entries.some((e) => e.id === 'gift-cards')).toBe(true);
    const text = readFileSync(fr!, 'utf8');
    writeFileSync(
      fr!,
      text.replace('"Proposez-vous des cartes cadeaux ?"', '"Offrez-vous des bons cadeaux ?"'),
    );
    expect((await help.reloader.reload()).ok).toBe(true);
    const after = await pageData('/aide');
    expect(after.entries.find((e) => e.id === 'gift-cards')?.question).toBe('Offrez-vous des bons cadeaux ?');
    expect((await pageData('/aide/gift-cards')).entries.length).toBe(after.entries.length);
  });

  test('unknown pages and files are 404; pages carry the chat page headers', async () => {
    expect((await fetch(`${help.url}/help-center/../bot/server.ts`)).status).toBe(404);
    expect((await fetch(`${help.url}/help-center/nothing.js`)).status).toBe(404);
    const page = await fetch(`${help.url}/aide`);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    const fuse = await fetch(`${help.url}/help-center/vendor/fuse.mjs`);
    expect(fuse.status).toBe(200);
    expect(fuse.headers.get('content-type')).toMatch(/javascript/);
  });

  test('the POST routes are rate-limited per IP (429 with Retry-After)', async () => {
    const limited = await startHelpCenterApp({ RATE_LIMIT_IP_PER_MINUTE: '5' });
    let last = 0;
    let retryAfter: string | null = null;
    for (let i = 0; i < 60 && last !== 429; i += 1) {
      const res = await fetch(`${limited.url}/api/help/${i % 2 ? 'unanswered' : 'feedback'}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          i % 2 ? { text: `flood ${i}`, lang: 'en' } : { entryId: 'gift-cards', lang: 'en', helpful: true },
        ),
      });
      last = res.status;
      retryAfter = res.headers.get('retry-after');
    }
    await limited.app.close();
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
