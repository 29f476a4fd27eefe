import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../bot/agent/credentials';
import { fr } from '../../bot/text/fr';
import { Customer } from '../integration/agent/clients';
import {
  AUTH,
  ask,
  call,
  startKbAdminApp,
  SUPERVISOR_TOKEN,
  type KbAdminApp,
} from '../integration/kb-admin/kb-admin-app';
import { launchChromium } from '../support/chromium';

let running: KbAdminApp;
let browser: Browser;

/** "peinture" three ways: the bot understands none of them, and each customer says goodbye. */
const PAINTING = [
  'Faites-vous de la peinture ?',
  'Mon intervenante peut-elle faire de la peinture ?',
  'Vous proposez la peinture des murs ?',
];

beforeAll(async () => {
  // One agent account, nobody logged in: a request for a person becomes a ticket.
  const agents = JSON.stringify([
    { id: 'alice', name: 'Alice', languages: ['fr'], passwordHash: await hashPassword('alice-password-1') },
  ]);
  running = await startKbAdminApp({ env: { AGENTS: agents } });
  const { url } = running;
  for (const question of PAINTING) {
    const customer = await Customer.start(url);
    await customer.say(url, question);
    expect(await customer.texts(url)).toContain(fr.notUnderstood);
    await customer.say(url, 'au revoir');
  }
  for (let i = 0; i < 3; i++) {
    const customer = await Customer.start(url);
    await customer.say(url, 'je veux parler à un conseiller');
  }
  expect(await running.deps.agent!.queue.tickets()).toHaveLength(3);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

const textOf = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).textContent()) ?? '').replace(/\s/g, ' ');

async function openDashboard(): Promise<{ page: Page; failures: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1500 }, locale: 'fr-FR' });
  page.setDefaultTimeout(10_000);
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  await page.goto(`${running.url}/dashboard`);
  await page.locator('#token').fill(SUPERVISOR_TOKEN);
  await page.getByRole('button', { name: 'Ouvrir le tableau de bord' }).click();
  await page.locator('body[data-loaded="true"]').waitFor();
  return { page, failures };
}

describe('honest numbers on the dashboard (issue 15, item 6) in a real browser', () => {
  test('three misses then goodbye and three open tickets: 0 % by the assistant, 3 unresolved, the tickets handed over', async () => {
    const { page, failures } = await openDashboard();
    expect(await textOf(page, '#deflection-value')).toBe('0 %');
    expect(await textOf(page, '#deflection-detail')).toBe('0 sur 6 conversations');
    expect(await textOf(page, '#unresolved-value')).toBe('50 %');
    expect(await textOf(page, '#unresolved-detail')).toContain('3 sur 6 conversations');
    expect(await textOf(page, '#escalation-value')).toBe('50 %');
    expect(await textOf(page, '#escalation-detail')).toBe(
      '3 sur 6 conversations, dont 3 encore en cours (file, conseiller, ticket)',
    );
    expect(await textOf(page, '#status')).toBe('3 conversations closes sur la période');
    const chart = await page.evaluate(() => {
      const c = (
        window as unknown as { Chart: { getChart(e: HTMLElement | null): { data: unknown } | undefined } }
      ).Chart.getChart(document.getElementById('deflection'));
      return JSON.parse(JSON.stringify(c?.data)) as { labels: string[]; datasets: { data: number[] }[] };
    });
    expect(chart.labels).toEqual([
      "Résolues par l'assistant",
      'Transmises au service Client',
      'Sans solution',
    ]);
    expect(chart.datasets[0]?.data).toEqual([0, 3, 3]);
    if (process.env.RELAIS_SCREENSHOT)
      await page.screenshot({
        path: join(__dirname, '..', '..', 'docs', 'dashboard-honest.png'),
        fullPage: true,
      });
    expect(failures).toEqual([]);
    await page.close();
  });

  test('the three "peinture" questions are one suggestion; Accept adds the entry, says so, and the suggestion leaves the list', async () => {
    const before = await call(`${running.url}/api/kb`, 'GET');
    const entriesBefore = (before.json.entries as Record<string, number>).fr ?? 0;
    const { page, failures } = await openDashboard();
    const items = page.locator('#suggestions li');
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Nouvelle fiche (3 fois)');
    for (const question of PAINTING) expect(await items.first().textContent()).toContain(question);

    await items.first().getByRole('button', { name: 'Accepter' }).click();
    // A new entry needs its answer; the id and question are proposed and can be changed.
    expect(await page.locator('input[name="entry-id"]').inputValue()).toBe('faites-vous-de-la-peinture');
    await page.locator('input[name="entry-id"]').fill('painting');
    await page
      .locator('textarea[name="entry-answer"]')
      .fill('Non : nos intervenantes font le ménage et le repassage, pas la peinture.');
    // First an empty answer is refused by the page itself (required), then the real one goes.
    await page.getByRole('button', { name: 'Ajouter à la base' }).click();
    await page.locator('#suggestion-status').filter({ hasText: 'Ajouté à la base' }).waitFor();
    expect(await textOf(page, '#suggestion-status')).toBe(
      'Ajouté à la base : fiche « painting », 3 formulations.',
    );
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toBe(
      'Aucune question manquée ne revient plusieurs fois sur la période.',
    );

    // In the KB admin API, the file and the matcher: the entry is there and answers the question.
    const after = await call(`${running.url}/api/kb`, 'GET');
    expect((after.json.entries as Record<string, number>).fr).toBe(entriesBefore + 1);
    expect(readFileSync(running.kbFile, 'utf8')).toContain('id: painting');
    expect(await ask(running.url, 'Faites-vous de la peinture ?')).toContain(
      'Non : nos intervenantes font le ménage et le repassage, pas la peinture.',
    );

    // A reload does not bring it back: the KB in service answers those questions now.
    await page.reload();
    await page.locator('body[data-loaded="true"]').waitFor();
    expect(await page.locator('#suggestions li').first().textContent()).toBe(
      'Aucune question manquée ne revient plusieurs fois sur la période.',
    );
    // The refused POST (422) is the one error the console shows.
    expect(failures.filter((f) => !f.includes('422'))).toEqual([]);
    await page.close();
  });

  test('only the supervisor token may call the accept API the button uses', async () => {
    // Nobody else can call the accept API the button uses.
    const anonymous = await call(
      `${running.url}/api/kb/suggestions/accept`,
      'POST',
      { locale: 'fr', entryId: 'payment-methods', phrasings: ['x'] },
      {},
    );
    expect(anonymous.status).toBe(401);
    const wrong = await call(
      `${running.url}/api/kb/suggestions/accept`,
      'POST',
      { locale: 'fr', entryId: 'payment-methods', phrasings: ['x'] },
      { authorization: 'Bearer not-the-supervisor-token' },
    );
    expect(wrong.status).toBe(401);
    expect(AUTH.authorization).toBe(`Bearer ${SUPERVISOR_TOKEN}`);
    // The dashboard's own origin only: no CORS header lets another site's page read an answer.
    const preflight = await fetch(`${running.url}/api/kb/suggestions/accept`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
