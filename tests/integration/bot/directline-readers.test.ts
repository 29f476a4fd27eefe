import { buildTestFaq } from '../../support/test-faq';
import { postJson, startApp, type RunningApp } from './app';

// Two tabs of one visitor read one conversation: each polls with its own watermark and its own
// token (one refreshed the other), and each sees every activity once, in order.
let running: RunningApp;

beforeAll(async () => {
  running = await startApp(buildTestFaq());
});
afterAll(async () => {
  await running?.app.close();
});

interface Page {
  activities: { id: string; type: string; text?: string; from: { role?: string } }[];
  watermark: string;
}

const dl = (path: string) => `${running.url}/v3/directline${path}`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A reader (a tab): its token and the watermark it has seen. */
function reader(conversationId: string, token: string) {
  let watermark = '';
  const seen: Page['activities'] = [];
  return {
    seen,
    token,
    async poll(): Promise<void> {
      const res = await fetch(dl(`/conversations/${conversationId}/activities?watermark=${watermark}`), {
        headers: bearer(token),
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      seen.push(...page.activities);
      watermark = page.watermark;
    },
  };
}

test('two readers of one conversation, with two tokens, each get every activity once', async () => {
  const issued = (await postJson(`${running.url}/api/directline/token`, { locale: 'fr-FR' })).json as {
    token: string;
  };
  const started = await postJson(dl('/conversations'), { locale: 'fr-FR' }, bearer(issued.token));
  expect(started.status).toBe(201);
  const { conversationId, token } = started.json as { conversationId: string; token: string };
  // The second tab resumes with a refreshed token (both stay valid).
  const refreshed = await postJson(dl('/tokens/refresh'), {}, bearer(token));
  expect(refreshed.status).toBe(200);
  const tab1 = reader(conversationId, token);
  const tab2 = reader(conversationId, (refreshed.json as { token: string }).token);

  await Promise.all([tab1.poll(), tab2.poll()]);
  expect(tab1.seen.length).toBeGreaterThan(0);

  const post = (from: typeof tab1, text: string, clientActivityID: string) =>
    postJson(
      dl(`/conversations/${conversationId}/activities`),
      { type: 'message', text, from: { id: 'x', role: 'user' }, channelData: { clientActivityID } },
      bearer(from.token),
    );
  expect((await post(tab1, 'comment payer', 'tab1-1')).status).toBe(200);
  // Concurrent polls while the other tab writes.
  await Promise.all([tab1.poll(), tab2.poll(), post(tab2, 'quels sont vos horaires', 'tab2-1')]);
  await Promise.all([tab1.poll(), tab2.poll()]);

  const ids = (seen: Page['activities']) => seen.map((a) => a.id);
  expect(ids(tab2.seen)).toEqual(ids(tab1.seen));
  expect(new Set(ids(tab1.seen)).size).toBe(tab1.seen.length);
  const texts = tab2.seen.filter((a) => a.from.role === 'user').map((a) => a.text);
  expect(texts).toEqual(['comment payer', 'quels sont vos horaires']);
  expect(tab2.seen.some((a) => a.text === 'Carte bancaire, virement et CESU.')).toBe(true);
});
