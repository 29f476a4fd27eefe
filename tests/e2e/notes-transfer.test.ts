import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../bot/agent/credentials';
import { PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { buildTestFaq } from '../support/test-faq';
import { launchChromium } from '../support/chromium';

/** Two agents in two browser contexts and the customer in a third: notes, a mention, a transfer with a note. */
let running: AgentApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const agents = JSON.stringify([
    {
      id: 'alice',
      name: 'Alice Martin',
      languages: ['fr'],
      passwordHash: await hashPassword(PASSWORDS.alice),
    },
    {
      id: 'bruno',
      name: 'Bruno Lefèvre',
      languages: ['fr'],
      passwordHash: await hashPassword(PASSWORDS.bruno),
    },
  ]);
  running = await startAgentApp(buildTestFaq(), agents);
  browser = await launchChromium();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await running?.close();
});

async function page(errors: string[], viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', ...(viewport ? { viewport } : {}) });
  contexts.push(context);
  const opened = await context.newPage();
  opened.setDefaultTimeout(10_000);
  opened.on('pageerror', (error) => errors.push(error.message));
  return opened;
}

async function logIn(console: Page, agentId: 'alice' | 'bruno'): Promise<void> {
  await console.goto(`${running.url}/agent`);
  await console.getByLabel('Identifiant').fill(agentId);
  await console.getByLabel('Mot de passe').fill(PASSWORDS[agentId]);
  const online = console.waitForResponse((r) => r.url().endsWith('/api/agent/presence') && r.ok());
  // The event stream must be open before anything happens that it should carry.
  const stream = console.waitForResponse((r) => r.url().endsWith('/api/agent/events'));
  await console.getByRole('button', { name: 'Se connecter' }).click();
  await Promise.all([online, stream]);
}

test('A notes and mentions B, B is told; A transfers with a note; B has the history and both notes; the customer sees who took over, never a note', async () => {
  const errors: string[] = [];
  const chat = await page(errors, { width: 520, height: 760 });
  const alice = await page(errors);
  const bruno = await page(errors);
  await logIn(alice, 'alice');
  await logIn(bruno, 'bruno');

  const articles = chat.locator('#webchat article.webchat__basic-transcript__activity');
  // A notice is drawn as text alone in the activity body (web/chat-people.js).
  const notice = (text: string) =>
    chat.locator('#webchat .webchat__basic-transcript__activity-body').filter({ hasText: text });
  await chat.goto(`${running.url}/`);
  await chat.getByRole('button', { name: 'Aide' }).click();
  await articles.filter({ hasText: 'un robot, pas une personne' }).waitFor();
  const input = chat.locator('[data-id="webchat-sendbox-input"]');
  await input.fill('mon remboursement n’est pas arrivé, je veux parler à un conseiller');
  await input.press('Enter');
  await articles.filter({ hasText: 'position 1 dans la file' }).waitFor();

  await alice.locator('#waiting li').filter({ hasText: 'mon remboursement' }).click();
  await alice.getByRole('button', { name: 'Prendre', exact: true }).click();
  await alice.locator('#reply-form').waitFor({ state: 'visible' });
  await notice('Alice du service Client a rejoint la conversation.').waitFor();

  // The note box says what it is; the note shows in Alice's transcript as internal.
  await alice.getByText('Note interne — invisible pour le client', { exact: true }).waitFor();
  const firstNote = 'SECRET-1 client déjà relancé, @bruno peux-tu reprendre ?';
  await alice.getByLabel('Note interne — invisible pour le client').fill(firstNote);
  await alice.getByRole('button', { name: 'Ajouter la note' }).click();
  const aliceNote = alice.locator('#transcript li.note').filter({ hasText: 'SECRET-1' });
  await aliceNote.waitFor();
  expect(await aliceNote.locator('.who').textContent()).toMatch(
    /^Note interne de alice — invisible pour le client/,
  );

  // Bruno, in his own browser, is told he was mentioned.
  const toast = bruno.locator('#mentions button').filter({ hasText: 'SECRET-1' });
  await toast.waitFor();
  expect(await toast.textContent()).toContain('Alice Martin vous a mentionné');
  expect(await bruno.locator('#mention-badge').textContent()).toBe('1 mention');

  // Alice transfers to Bruno with a note.
  await alice.locator('#transfer-target').selectOption({ label: 'Bruno Lefèvre (FR)' });
  await alice.locator('#transfer-note').fill('SECRET-2 un avoir est à faire');
  await alice.getByRole('button', { name: 'Transférer', exact: true }).click();
  await alice.getByText('Conversation transférée : Bruno Lefèvre (FR).').waitFor();

  // The customer is told who took over.
  await notice('Bruno du service Client a pris le relais.').waitFor();

  // The mention opens the conversation, now Bruno's: its history and both notes are there.
  await bruno.locator('#mine li').filter({ hasText: 'mon remboursement' }).waitFor();
  await toast.click();
  await bruno.locator('#reply-form').waitFor({ state: 'visible' });
  expect(await bruno.locator('#mention-badge').isHidden()).toBe(true);
  const transcript = bruno.locator('#transcript');
  await transcript.locator('li.customer').filter({ hasText: 'mon remboursement' }).first().waitFor();
  await transcript.locator('li.system').filter({ hasText: 'Transférée par alice à bruno' }).waitFor();
  expect(await transcript.locator('li.bot').count()).toBeGreaterThan(0);
  expect(await transcript.locator('li.note').allTextContents()).toEqual([
    expect.stringContaining(firstNote),
    expect.stringContaining('SECRET-2 un avoir est à faire'),
  ]);
  // A note looks nothing like a message to the customer.
  expect(
    await transcript
      .locator('li.note')
      .first()
      .evaluate((li) => getComputedStyle(li).borderStyle),
  ).toBe('dashed');

  await bruno.locator('#reply').fill('Bonjour, Bruno prend la suite.');
  await bruno.locator('#reply').press('Enter');
  await articles.filter({ hasText: 'Bruno prend la suite.' }).waitFor();

  // Nothing of a note on the customer's page, nor in what its Direct Line conversation holds.
  expect(await chat.locator('body').innerText()).not.toContain('SECRET');
  const served = await chat.evaluate(async () => {
    const saved = JSON.parse(localStorage.getItem('relais.conversation') ?? '{}') as {
      conversationId: string;
      token: string;
    };
    const res = await fetch(`/v3/directline/conversations/${saved.conversationId}/activities?watermark=`, {
      headers: { authorization: `Bearer ${saved.token}` },
    });
    return res.text();
  });
  expect(served).toContain('Bruno prend la suite.');
  expect(served).not.toContain('SECRET');

  expect(errors).toEqual([]);
});
