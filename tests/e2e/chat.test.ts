import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from '../integration/bot/app';
import { buildTestFaq } from '../support/test-faq';
import { launchChromium } from '../support/chromium';

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(__dirname, '..', '..', 'web', 'vendor', 'webchat.js'))) {
    throw new Error(
      'web/vendor/webchat.js is missing: run `node scripts/fetch-webchat.js` (npm install runs it)',
    );
  }
  running = await startApp(buildTestFaq());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.app.close();
});

describe('chat page in a real browser', () => {
  test('open the "?" launcher, ask a question, get the answer, click Oui', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('requestfailed', (request) => {
      if (!request.url().startsWith(running.url)) failures.push(`external request: ${request.url()}`);
    });

    // Message bubbles render their text as paragraphs (Markdown); screen-reader copies are not <p>.
    const bubble = (text: string) => page.locator('#webchat p').filter({ hasText: text });

    await page.goto(`${running.url}/`);
    await page.getByRole('button', { name: 'Aide' }).click();
    await bubble('un robot, pas une personne').waitFor();

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('comment payer');
    await input.press('Enter');
    await bubble('Carte bancaire, virement et CESU.').waitFor();
    await bubble('Est-ce que cela répond à votre question ?').waitFor();

    // A reload during the conversation resumes it (the visitor's localStorage).
    await page.reload();
    await bubble('Est-ce que cela répond à votre question ?').waitFor();
    // The echo with clientActivityID makes Web Chat show the message once, as sent.
    expect(await page.locator('#webchat p').getByText('comment payer', { exact: true }).count()).toBe(1);

    // The suggested-actions bar (its accessible name is localised by Web Chat, so select by class).
    await page.locator('button.webchat__suggested-actions__button', { hasText: /^Oui$/ }).click();
    await bubble('Parfait, ravi d’avoir pu vous aider !').waitFor();

    // RELAIS_SCREENSHOT=1 refreshes the README's screenshot; ordinary runs leave the repo untouched.
    if (process.env.RELAIS_SCREENSHOT)
      await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'chat-window.png') });

    // Resolved: the conversation is over, so the next visit (here a reload) starts a new one.
    await page.reload();
    await page.getByRole('button', { name: 'Aide' }).click();
    await bubble('un robot, pas une personne').waitFor();
    expect(await bubble('Parfait, ravi d’avoir pu vous aider !').count()).toBe(0);

    expect(failures).toEqual([]);
    expect(
      await page.evaluate(() =>
        document.querySelector('[title*="pload"], [aria-label*="pload"]')
          ? 'upload button shown'
          : 'no upload',
      ),
    ).toBe('no upload');
    await page.close();
  });

  test('?lang=en: English page, English welcome from the page locale', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${running.url}/?lang=en`);
    await page.getByRole('button', { name: 'Help' }).click();
    await page.locator('#webchat p').filter({ hasText: 'a bot, not a person' }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('A question? We are here.');
    await page.close();
  });
});
