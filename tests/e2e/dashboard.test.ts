import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RelaisServer } from '../../bot/server';
import { SEEDED_RANGE } from '../fixtures/seeded-surveys';
import { startReportsApp, SUPERVISOR_TOKEN } from '../integration/bot/reports-app';
import { launchChromium } from '../support/chromium';

let app: RelaisServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ app, url } = await startReportsApp());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A page that records script errors and any request leaving the server (no CDN). */
async function openPage(): Promise<{ page: Page; failures: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  page.setDefaultTimeout(10_000);
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(url) && !request.url().startsWith('blob:'))
      failures.push(`external request: ${request.url()}`);
  });
  await page.goto(`${url}/dashboard?from=${SEEDED_RANGE.from}&to=${SEEDED_RANGE.to}`);
  return { page, failures };
}

interface ChartData {
  labels: string[];
  datasets: { label: string; data: number[] }[];
}

const chartData = (page: Page, id: string): Promise<ChartData> =>
  page.evaluate((canvasId) => {
    const chart = (
      window as unknown as { Chart: { getChart(c: HTMLElement | null): { data: unknown } | undefined } }
    ).Chart.getChart(document.getElementById(canvasId));
    return JSON.parse(JSON.stringify(chart?.data ?? null)) as ChartData;
  }, id);

/** The text of an element, with the narrow and no-break spaces of French number formats as spaces. */
const textOf = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).textContent()) ?? '').replace(/\s/g, ' ');

describe('dashboard in a real browser', () => {
  test('asks for the token, then shows the seeded figures and charts', async () => {
    const { page, failures } = await openPage();
    await page.locator('#token').fill(SUPERVISOR_TOKEN);
    await page.getByRole('button', { name: 'Ouvrir le tableau de bord' }).click();
    await page.locator('body[data-loaded="true"]').waitFor();

    expect(await page.locator('#sign-in').isHidden()).toBe(true);
    expect(await page.locator('#ces-value').textContent()).toBe('2,8');
    expect(await page.locator('#ces-detail').textContent()).toBe('10 avis · objectif 2,0');
    expect(await textOf(page, '#deflection-value')).toBe('64 %');
    expect(await page.locator('#escalation-detail').textContent()).toBe('4 sur 11 conversations');
    expect(await textOf(page, '#not-answered-value')).toBe('25 %');
    expect(await page.locator('#wait-value').textContent()).toBe('2 min');

    const byDay = await chartData(page, 'ces-by-day');
    expect(byDay.labels).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(byDay.datasets[0]?.data).toEqual([1.33, 2.67, 3.67, 5]);
    const byPath = await chartData(page, 'ces-by-path');
    expect(byPath.labels).toEqual(['Assistant seul', 'Assistant, après précision', 'Conseiller', 'Ticket']);
    expect(byPath.datasets[0]?.data).toEqual([2.25, 2.5, 3.33, 4]);
    expect((await chartData(page, 'deflection')).datasets[0]?.data).toEqual([7, 4]);
    const reasons = await chartData(page, 'escalation-reasons');
    expect(reasons.labels).toEqual(['Demande du client', 'Réponse refusée', 'Incompris deux fois']);
    expect(reasons.datasets[0]?.data).toEqual([2, 1, 1]);
    expect((await chartData(page, 'top-entries')).labels).toEqual([
      'payment-methods',
      'booking-how',
      'invoices',
    ]);
    expect(await page.locator('#suggestions li').first().textContent()).toContain(
      'résilier mon contrat de ménage',
    );

    // The token lives in this tab's sessionStorage: a reload opens the dashboard directly.
    await page.reload();
    await page.locator('body[data-loaded="true"]').waitFor();
    expect(await page.locator('#ces-value').textContent()).toBe('2,8');

    if (process.env.RELAIS_SCREENSHOT)
      await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'dashboard.png'), fullPage: true });
    expect(failures).toEqual([]);
    await page.close();
  });

  test('a wrong token is refused and the form asks again', async () => {
    const { page } = await openPage();
    await page.locator('#token').fill('not-the-supervisor-token');
    await page.getByRole('button', { name: 'Ouvrir le tableau de bord' }).click();
    await page.locator('#sign-in-error').filter({ hasText: 'Jeton refusé' }).waitFor();
    expect(await page.locator('#dashboard').isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('relais.supervisorToken'))).toBeNull();
    await page.close();
  });
});
