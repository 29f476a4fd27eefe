import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { MemorySurveyStore } from '../../insights/index';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { Agent, Customer } from '../integration/agent/clients';
import { buildTestFaq } from '../support/test-faq';
import { launchChromium } from '../support/chromium';

const SUPERVISOR_TOKEN = 'supervisor-token-for-agents-e2e-0123';
/** Monday 16 March 2026, 10:00 in Paris: support is open. */
const MONDAY = Date.UTC(2026, 2, 16, 9, 0);
const MIN = 60_000;
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

let running: AgentApp;
let browser: Browser;
const surveys = new MemorySurveyStore();
let nowMs = MONDAY;

/**
 * Earlier in March: Alice closed five conversations (CES 1, 2, 2, 3, 2; first replies 1…5 min),
 * Bruno two (CES 4 and none), one of them passed to him by Alice.
 */
async function seedMarch(): Promise<void> {
  const rows: {
    id: string;
    agent: string;
    ces?: number;
    reply: number;
    handling: number;
    earlier?: string[];
  }[] = [
    { id: 'a1', agent: 'alice', ces: 1, reply: 1, handling: 6 },
    { id: 'a2', agent: 'alice', ces: 2, reply: 2, handling: 8 },
    { id: 'a3', agent: 'alice', ces: 2, reply: 3, handling: 10 },
    { id: 'a4', agent: 'alice', ces: 3, reply: 4, handling: 12 },
    { id: 'a5', agent: 'alice', ces: 2, reply: 5, handling: 14 },
    { id: 'b1', agent: 'bruno', ces: 4, reply: 1, handling: 20, earlier: ['alice'] },
    { id: 'b2', agent: 'bruno', reply: 3, handling: 30 },
  ];
  for (const [i, r] of rows.entries()) {
    const claimed = Date.UTC(2026, 2, 9, 9, i * 40);
    const result = await surveys.record({
      context: {
        conversationId: `march-${r.id}`,
        path: 'escalated',
        language: 'fr',
        channel: 'webchat',
        agentId: r.agent,
        agentClaimedAt: claimed,
        agentFirstReplyAt: claimed + r.reply * MIN,
        agentResolvedAt: claimed + r.handling * MIN,
        ...(r.earlier ? { earlierAgentIds: r.earlier } : {}),
        startedAt: claimed - MIN,
        closedAt: claimed + r.handling * MIN,
      },
      ...(r.ces !== undefined ? { ces: r.ces } : {}),
      recordedAt: claimed + r.handling * MIN,
    });
    if (!result.ok) throw new Error('seed refused');
  }
}

beforeAll(async () => {
  await seedMarch();
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    surveys,
    now: () => new Date(nowMs),
    env: { SUPERVISOR_TOKEN },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

async function openDashboard(width: number, query = ''): Promise<{ page: Page; failures: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 1400 }, locale: 'fr-FR' });
  page.setDefaultTimeout(15_000);
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') failures.push(message.text());
  });
  await page.goto(`${running.url}/dashboard?from=${PERIOD.from}&to=${PERIOD.to}${query}`);
  await page.locator('#token').fill(SUPERVISOR_TOKEN);
  await page.locator('#sign-in button[type="submit"]').click();
  await page.locator('body[data-loaded="true"]').waitFor();
  await page.locator('body[data-live-at]').waitFor();
  return { page, failures };
}

/** Each cell of the agent's row, spaces normalised (French number formats use narrow spaces). */
const rowOf = async (page: Page, agentId: string): Promise<string[]> =>
  (await page.locator(`#agents tr[data-agent="${agentId}"] td`).allTextContents()).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );

describe('supervisor view in a real browser', () => {
  test('the per-agent table, and the live panel following a claim', async () => {
    const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const customer = await Customer.start(running.url);
    await customer.say(running.url, 'je veux parler à un conseiller');

    const { page, failures } = await openDashboard(1200);
    expect(await rowOf(page, 'alice')).toEqual([
      'Alice',
      '5',
      '1',
      '3 min n = 5',
      '10 min n = 5',
      '2,0 5 avis',
    ]);
    expect(await rowOf(page, 'bruno')).toEqual([
      'Bruno',
      '2',
      '0',
      '2 min n = 2',
      '25 min n = 2',
      '4,0 1 avis',
    ]);
    expect(await rowOf(page, 'emma')).toEqual(['Emma', '0', '0', '–', '–', '– 0 avis']);
    // Bruno's one CES answer is shown, greyed, with its count; Alice's five are not "few".
    const ces = (id: string) => page.locator(`#agents tr[data-agent="${id}"] td:last-child`);
    expect(await ces('bruno').getAttribute('class')).toBe('few');
    expect(await ces('bruno').getAttribute('title')).toBe('Peu d’avis (1, moins de 5) : chiffre indicatif');
    expect(await ces('alice').getAttribute('class')).toBeNull();
    expect(await ces('bruno').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(154, 167, 170)');

    // Live: one customer waiting, Alice online with nothing in hand, Bruno and Emma offline.
    expect((await page.locator('#live-queues li').allTextContents())[0]).toBe(
      'fr:general : 1 en attente (la prochaine attend depuis 0 s)',
    );
    const aliceCard = page.locator('#live-agents [data-agent="alice"]');
    expect(await aliceCard.locator('.load').textContent()).toBe('0 / 3 conversations');
    expect(await aliceCard.locator('li').textContent()).toBe('Aucune conversation en cours.');
    expect(await page.locator('#live-offline').textContent()).toBe('Hors ligne : Bruno, Emma');

    // Alice claims: within one refresh the customer is in her card and the queue is empty.
    nowMs += 90_000;
    expect((await alice.post('/heartbeat')).status).toBe(200);
    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    nowMs += 30_000;
    await aliceCard.locator(`li[data-conversation="${customer.conversationId}"]`).waitFor();
    expect(await aliceCard.locator('.load').textContent()).toBe('1 / 3 conversations');
    expect(
      (await aliceCard.locator(`li[data-conversation="${customer.conversationId}"]`).textContent())?.replace(
        /\s+/g,
        ' ',
      ),
    ).toBe(
      `${customer.conversationId.slice(-8)} fr · fr:general · avec les conseillers depuis 2 min · pris il y a 30 s` +
        'pas encore de réponse',
    );
    expect(await page.locator('#live-queues li').allTextContents()).toEqual([
      'Personne en attente.',
      'Tickets : 0 ouvert, 0 répondu en attente du client',
    ]);
    if (process.env.RELAIS_SCREENSHOT)
      await page.screenshot({
        path: join(__dirname, '..', '..', 'docs', 'dashboard-agents.png'),
        fullPage: true,
      });
    expect(failures).toEqual([]);
    await page.close();
  });

  test('readable at 375 px, in English: the table becomes one labelled block per agent, nothing wider than the screen', async () => {
    const { page, failures } = await openDashboard(375, '&lang=en');
    expect(await page.locator('#agents thead').isHidden()).toBe(true);
    expect(await rowOf(page, 'alice')).toEqual([
      'Alice',
      '5',
      '1',
      '3 min n = 5',
      '10 min n = 5',
      '2.0 5 answers',
    ]);
    expect(
      await page
        .locator('#agents tr[data-agent="alice"] td')
        .nth(3)
        .evaluate((el) => getComputedStyle(el, '::before').content),
    ).toBe('"First reply"');
    expect(await page.locator('#live h2 span').textContent()).toBe('Right now');
    expect(await page.locator('#live-agents [data-agent="alice"] .presence').textContent()).toBe('Online');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(failures).toEqual([]);
    await page.close();
  });
});
