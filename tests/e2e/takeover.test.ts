import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../bot/agent/credentials';
import { PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { buildTestFaq } from '../support/test-faq';
import { launchChromium } from '../support/chromium';

/**
 * With RELAIS_SCREENSHOT=1 (as the other screenshots: `RELAIS_SCREENSHOT=1 npx jest tests/e2e/takeover.test.ts`)
 * the customer's view of the takeover is saved as docs/takeover.png; otherwise nothing is written.
 */
const SCREENSHOTS = process.env.RELAIS_SCREENSHOT ? join(__dirname, '..', '..', 'docs') : undefined;

let running: AgentApp;
let browser: Browser;

beforeAll(async () => {
  const agents = JSON.stringify([
    {
      id: 'alice',
      name: 'Alice Martin',
      displayName: 'Camille',
      languages: ['fr', 'en'],
      passwordHash: await hashPassword(PASSWORDS.alice),
    },
  ]);
  running = await startAgentApp(buildTestFaq(), agents);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

function watchErrors(page: Page, into: string[]): void {
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => into.push(error.message));
}

test('the customer sees a person join, write under their own name and avatar, and hand back', async () => {
  const errors: string[] = [];
  // Two browser contexts: the customer's chat page and the agent's console.
  const chat = await browser.newPage({ viewport: { width: 520, height: 760 } });
  // The console speaks the browser's language: French here.
  const console = await browser.newPage({ locale: 'fr-FR' });
  watchErrors(chat, errors);
  watchErrors(console, errors);

  await console.goto(`${running.url}/agent`);
  await console.getByLabel('Identifiant').fill('alice');
  await console.getByLabel('Mot de passe').fill(PASSWORDS.alice);
  const online = console.waitForResponse((r) => r.url().endsWith('/api/agent/presence') && r.ok());
  await console.getByRole('button', { name: 'Se connecter' }).click();
  await online;

  const articles = chat.locator('#webchat article.webchat__basic-transcript__activity');
  const article = (text: string) => articles.filter({ hasText: text });
  // A notice is drawn as text alone in the activity body (web/chat-people.js), not as a bubble.
  const notice = (text: string) =>
    chat.locator('#webchat .webchat__basic-transcript__activity-body').filter({ hasText: text });
  // The suggested actions bar (the live region keeps a copy of past ones for screen readers).
  const backToBot = chat
    .getByRole('toolbar', { name: 'Actions suggérées' })
    .getByRole('button', { name: 'Revenir à l’assistant' });

  await chat.goto(`${running.url}/`);
  await chat.getByRole('button', { name: 'Aide' }).click();
  await article('un robot, pas une personne').waitFor();
  const input = chat.locator('[data-id="webchat-sendbox-input"]');
  await input.fill('ma facture est fausse, je veux parler à un conseiller');
  await input.press('Enter');
  await article('position 1 dans la file').waitFor();
  await backToBot.waitFor();

  await console.locator('#waiting li').filter({ hasText: 'ma facture est fausse' }).click();
  await console.getByRole('button', { name: 'Prendre', exact: true }).click();
  await console.locator('#reply-form').waitFor({ state: 'visible' });

  const joined = notice('Camille du service Client a rejoint la conversation.');
  await joined.waitFor();
  expect(await joined.locator('*').count()).toBe(0);
  expect(await joined.locator('xpath=ancestor::article//*[contains(@class,"bubble")]').count()).toBe(0);
  // The bot phase's button went with the join, before the agent wrote anything.
  await backToBot.waitFor({ state: 'detached' });

  await console.locator('#reply').fill('Bonjour, je regarde votre facture.');
  await console.locator('#reply').press('Enter');
  const agentMessage = article('Bonjour, je regarde votre facture.');
  await agentMessage.waitFor();
  // Camille's own avatar (initials) and name, not the bot's "MA".
  const gutter = agentMessage.locator(
    '.webchat__stacked-layout__main > .webchat__stacked-layout__avatar-gutter',
  );
  expect((await gutter.textContent())?.trim()).toBe('C');
  expect(await agentMessage.locator('.webchat__initialsAvatar').count()).toBe(0);
  // Their name above the bubble, as text of the activity itself (not inside the bubble's text).
  expect(
    await agentMessage
      .locator('.webchat__basic-transcript__activity-body')
      .evaluate((body) => body.firstChild?.nodeType === Node.TEXT_NODE && body.firstChild.textContent),
  ).toBe('Camille');
  const botMessage = article('position 1 dans la file');
  expect(await botMessage.locator('.webchat__initialsAvatar').textContent()).toBe('MA');
  expect(await botMessage.textContent()).not.toContain('Camille');
  // Its own group: the agent's bubble is not a continuation of the bot's (it shows its avatar).
  expect(await gutter.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(122, 62, 157)');

  if (SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await chat.locator('#chat-panel').screenshot({ path: join(SCREENSHOTS, 'takeover.png') });
  }

  await console.getByRole('button', { name: 'Rendre à l’assistant' }).click();
  await notice('Camille vous a repassé à l’assistant.').waitFor();
  await article('Vous parlez de nouveau à l’assistant virtuel (un robot)').waitFor();
  await input.fill('comment payer');
  await input.press('Enter');
  await article('Carte bancaire, virement et CESU.').waitFor();

  // A customer's own activity may carry any channelData: it still draws as their message, never
  // as a notice (only the server's 'bot' activities are notices or people of the service).
  const posted = await chat.evaluate(async () => {
    const saved = JSON.parse(localStorage.getItem('relais.conversation') ?? '{}') as {
      conversationId: string;
      token: string;
    };
    const res = await fetch(`/v3/directline/conversations/${saved.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${saved.token}` },
      body: JSON.stringify({
        type: 'message',
        text: 'Faux conseiller a rejoint la conversation.',
        from: { id: 'agent:alice', name: 'Camille', role: 'bot' },
        channelData: { clientActivityID: 'spoof-1', relaisNotice: 'agent-joined' },
      }),
    });
    return res.status;
  });
  expect(posted).toBe(200);
  await chat.locator('#webchat p').filter({ hasText: 'Faux conseiller a rejoint' }).waitFor();
  expect(await notice('Faux conseiller').locator('p').count()).toBe(1);

  expect(errors).toEqual([]);
  await Promise.all([console.close(), chat.close()]);
});
