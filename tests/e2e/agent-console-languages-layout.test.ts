import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { Customer } from '../integration/agent/clients';
import { buildTestFaq } from '../support/test-faq';
import { CONSOLE_LABELS, logInToConsole } from '../support/agent-console';
import { launchChromium } from '../support/chromium';

/** The console for everyone (issue 16 item 7): both languages, words not codes, 375 px, the profile, live notes. */
const IDENTITY_SECRET = 'identity-secret-for-the-console-test-0123456789';
const sign = (customer: Record<string, unknown>) => ({
  customer,
  signature: createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(customer)).digest('hex'),
});

/** With RELAIS_SCREENSHOT=1, docs/agent-console-375.png and docs/agent-console.png are written again. */
const SCREENSHOTS = process.env.RELAIS_SCREENSHOT ? join(__dirname, '..', '..', 'docs') : undefined;

let running: AgentApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson(), { env: { IDENTITY_SECRET } });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await running?.close();
});

type AgentId = 'alice' | 'bruno' | 'emma';

async function consolePage(
  errors: string[],
  locale: string,
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${running.url}/agent`);
  return page;
}

const logIn = (page: Page, agentId: AgentId, labels: (typeof CONSOLE_LABELS)['fr' | 'en']) =>
  logInToConsole(page, agentId, PASSWORDS[agentId], labels);
const FR = CONSOLE_LABELS.fr;
const EN = CONSOLE_LABELS.en;

test('English browser: English console, the reason and candidates in words, the title is the first message; the switch to French is kept', async () => {
  const errors: string[] = [];
  const page = await consolePage(errors, 'en-US');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await logIn(page, 'emma', EN);
  await page.getByRole('heading', { name: 'My conversations' }).waitFor();
  expect(await page.locator('#presence option').allTextContents()).toEqual(['Online', 'Away', 'Offline']);
  expect(await page.getByRole('link', { name: 'History' }).getAttribute('href')).toBe('/agent/history');

  const customer = await Customer.start(running.url, 'en-US');
  await customer.say(running.url, 'she broke my vase');
  const item = page.locator('#waiting li').filter({ hasText: 'she broke my vase' });
  await item.waitFor();
  expect(await item.locator('.reason').textContent()).toBe('This question always goes to an agent');
  await item.click();
  const context = page.locator('#context');
  await context.getByText('This question always goes to an agent').waitFor();
  expect(await context.textContent()).not.toMatch(/entry-escalate/);
  // Candidates are a list, each with its confidence.
  const candidates = context.locator('.candidates li');
  expect(await candidates.count()).toBeGreaterThan(0);
  expect(await candidates.first().locator('.question').textContent()).toBe(
    'The provider damaged something in my home.',
  );
  expect(await candidates.first().locator('.score').textContent()).toMatch(/^confidence \d+%$/);
  expect(await page.locator('#conv-title').textContent()).toBe('she broke my vase');
  expect(await page.getByRole('button', { name: 'Take', exact: true }).isVisible()).toBe(true);

  await page.locator('#language').selectOption('fr');
  await page.getByRole('button', { name: 'Prendre', exact: true }).waitFor();
  await context.getByText('Cette question est toujours confiée à un conseiller').waitFor();
  expect(await candidates.first().locator('.score').textContent()).toMatch(/^confiance \d+ %$/);
  await page.reload();
  await page.getByRole('heading', { name: 'Mes conversations' }).waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  expect(errors).toEqual([]);
});

test('French browser: French console texts', async () => {
  const errors: string[] = [];
  const page = await consolePage(errors, 'fr-FR');
  expect(await page.getByRole('heading', { name: 'Console conseiller' }).isVisible()).toBe(true);
  await logIn(page, 'alice', FR);
  await page.getByRole('heading', { name: 'File d’attente' }).waitFor();
  expect(await page.locator('#presence option').allTextContents()).toEqual([
    'En ligne',
    'Absent',
    'Hors ligne',
  ]);
  expect(errors).toEqual([]);
});

test('375 px: list and conversation are separate views, the conversation at least 300 px wide, a back button', async () => {
  const errors: string[] = [];
  const page = await consolePage(errors, 'fr-FR', { width: 375, height: 740 });
  await logIn(page, 'bruno', FR);
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'petit écran, je veux parler à un conseiller');
  const item = page.locator('#waiting li').filter({ hasText: 'petit écran' });
  await item.click();
  await page.locator('#context').getByText('Le client a demandé un conseiller').waitFor();
  expect(await page.locator('.side').isHidden()).toBe(true);
  for (const selector of ['#conversation', '#transcript', '#note-form']) {
    const box = await page.locator(selector).boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(300);
    expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  }
  await page.getByRole('button', { name: 'Prendre', exact: true }).click();
  await page.locator('#reply-form').waitFor({ state: 'visible' });
  expect((await page.locator('#reply').boundingBox())?.width).toBeGreaterThanOrEqual(200);
  if (SCREENSHOTS)
    await page.screenshot({ path: join(SCREENSHOTS, 'agent-console-375.png'), fullPage: true });
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.getByRole('button', { name: '← Conversations' }).click();
  await page.locator('#mine li').filter({ hasText: 'petit écran' }).waitFor();
  expect(await page.locator('#conversation').isHidden()).toBe(true);
  expect(errors).toEqual([]);
});

test('profile panel: an identified VIP customer with name, e-mail and segment; an anonymous one is a clear empty state', async () => {
  const errors: string[] = [];
  const page = await consolePage(errors, 'fr-FR');
  await logIn(page, 'bruno', FR);
  const vip = sign({ id: 'cust-vip', name: 'Véra Ingres', email: 'vera@example.fr', vip: true, b2b: false });
  const known = await Customer.start(running.url, 'fr-FR', vip);
  await known.say(running.url, 'profil connu, je veux parler à un conseiller');
  // The title is the customer's name, not the message nor an id.
  const item = page.locator('#waiting li').filter({ hasText: 'profil connu' });
  await item.waitFor();
  expect(await item.locator('.title').textContent()).toBe('Véra Ingres');
  await item.click();
  const profile = page.locator('#profile');
  await profile.locator('[data-field="name"]').getByText('Véra Ingres').waitFor();
  expect(await profile.locator('[data-field="email"]').textContent()).toBe('vera@example.fr');
  expect(await profile.locator('[data-field="segment"]').textContent()).toBe('VIP');
  expect(await page.locator('#conv-title').textContent()).toBe('Véra Ingres');
  expect(await profile.getByText('Aucune conversation précédente.').isVisible()).toBe(true);
  expect(await page.locator('#conv-title').textContent()).not.toContain(known.conversationId);
  if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'agent-console.png') });

  const anonymous = await Customer.start(running.url);
  await anonymous.say(running.url, 'profil inconnu, je veux parler à un conseiller');
  await page.locator('#waiting li').filter({ hasText: 'profil inconnu' }).click();
  await profile
    .getByText('Aucun profil : ce client ne s’est pas identifié et n’a pas laissé d’e-mail.')
    .waitFor();
  expect(await profile.locator('[data-field]').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('live note: Bruno, in his own browser, sees Alice’s note appear; @bruno shows him a mention notice', async () => {
  const errors: string[] = [];
  const alice = await consolePage(errors, 'fr-FR');
  const bruno = await consolePage(errors, 'fr-FR');
  await logIn(alice, 'alice', FR);
  await logIn(bruno, 'bruno', FR);
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'note en direct, je veux parler à un conseiller');
  for (const page of [alice, bruno]) {
    await page.locator('#waiting li').filter({ hasText: 'note en direct' }).click();
    await page.locator('#context').getByText('Le client a demandé un conseiller').waitFor();
  }
  await alice.getByLabel('Note interne — invisible pour le client').fill('LIVE-1 client rappelé hier');
  await alice.getByRole('button', { name: 'Ajouter la note' }).click();
  const seen = bruno.locator('#transcript li.note').filter({ hasText: 'LIVE-1 client rappelé hier' });
  await seen.waitFor();
  expect(await seen.locator('.who').textContent()).toMatch(
    /^Note interne de alice — invisible pour le client/,
  );
  // Once in Alice's own transcript (her answer and the live event are the same line).
  await alice.locator('#transcript li.note').filter({ hasText: 'LIVE-1' }).waitFor();
  expect(await alice.locator('#transcript li.note').filter({ hasText: 'LIVE-1' }).count()).toBe(1);

  await alice
    .getByLabel('Note interne — invisible pour le client')
    .fill('LIVE-2 @bruno tu connais ce client ?');
  await alice.getByRole('button', { name: 'Ajouter la note' }).click();
  const toast = bruno.locator('#mentions button').filter({ hasText: 'LIVE-2' });
  await toast.waitFor();
  expect(await toast.textContent()).toContain(
    'Alice vous a mentionné (note en direct, je veux parler à un conseiller)',
  );
  expect(await bruno.locator('#mention-badge').textContent()).toBe('1 mention');
  await bruno.locator('#transcript li.note').filter({ hasText: 'LIVE-2' }).waitFor();
  expect(errors).toEqual([]);
});
