import type { Browser, Page } from 'playwright-core';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { buildTestFaq } from '../support/test-faq';
import { OPEN_TIME, SUNDAY_NOON } from '../support/test-settings';
import { launchChromium } from '../support/chromium';
import { Agent, Customer } from '../integration/agent/clients';

const HOSTILE = '<img src=x onerror="window.pwned=1"> je veux parler à un conseiller';

let running: AgentApp;
let browser: Browser;
let now = OPEN_TIME;

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson(), { now: () => now });
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

test('chat page and agent console side by side: escalate, claim, talk both ways, hand back', async () => {
  const errors: string[] = [];
  // The console speaks the browser's language: French here.
  const console = await browser.newPage({ locale: 'fr-FR' });
  const chat = await browser.newPage();
  watchErrors(console, errors);
  watchErrors(chat, errors);

  await console.goto(`${running.url}/agent`);
  await console.getByLabel('Identifiant').fill('alice');
  await console.getByLabel('Mot de passe').fill(PASSWORDS.alice);
  const online = console.waitForResponse((r) => r.url().endsWith('/api/agent/presence') && r.ok());
  await console.getByRole('button', { name: 'Se connecter' }).click();
  await online;

  const bubble = (text: string) => chat.locator('#webchat p').filter({ hasText: text });
  await chat.goto(`${running.url}/`);
  await chat.getByRole('button', { name: 'Aide' }).click();
  await bubble('un robot, pas une personne').waitFor();
  const input = chat.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(HOSTILE);
  await input.press('Enter');
  await bubble('position 1 dans la file').waitFor();

  // Visual alert and the waiting conversation, the customer's text shown as text.
  await console.locator('#alert').waitFor({ state: 'visible' });
  const waiting = console.locator('#waiting li').filter({ hasText: 'je veux parler à un conseiller' });
  await waiting.waitFor();
  expect(await waiting.locator('.first').textContent()).toBe(HOSTILE);
  expect(await console.locator('#waiting img').count()).toBe(0);

  await waiting.click();
  // The escalation reason in words, not its code.
  await console.locator('#context').getByText('Le client a demandé un conseiller').waitFor();
  expect(await console.locator('#context').textContent()).not.toContain('customer-request');
  await console.getByRole('button', { name: 'Prendre', exact: true }).click();
  await console.locator('#reply-form').waitFor({ state: 'visible' });

  // Typing shows on both sides.
  await input.fill('ma facture est fausse');
  await console.locator('#typing').waitFor({ state: 'visible' });
  await input.press('Enter');
  await console.locator('#transcript li.customer').filter({ hasText: 'ma facture est fausse' }).waitFor();

  await console.locator('#reply').fill('Bonjour, je regarde votre facture.');
  await chat.locator('.webchat__typing-indicator').waitFor();
  await console.locator('#reply').press('Enter');
  await bubble('Bonjour, je regarde votre facture.').waitFor();

  // A canned answer from the KB, in the conversation's language, edited before sending.
  await console.getByText('Réponses types (base de connaissances)').click();
  await console.locator('#canned-search').fill('factur');
  await console.locator('#canned li').filter({ hasText: 'Où trouver mes factures ?' }).click();
  expect(await console.locator('#reply').inputValue()).toBe('Dans « Mon compte », rubrique « Factures ».');
  await console.locator('#reply').press('End');
  await console.locator('#reply').pressSequentially(' Bonne journée');
  await console.locator('#reply').press('Enter');
  await bubble('Dans « Mon compte », rubrique « Factures ». Bonne journée').waitFor();

  // A file from the chat window reaches the console as a link the agent opens with their session.
  await chat.locator('input[type="file"]').setInputFiles({
    name: 'contrat.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('numéro de contrat : 42'),
  });
  // Web Chat 4.18 holds the file in the send box until the customer sends.
  await input.press('Enter');
  const attachment = console.locator('#transcript button.attachment').filter({ hasText: 'contrat.txt' });
  await attachment.waitFor();
  const download = console.waitForEvent('download');
  await attachment.click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('contrat.txt');
  const stream = await saved.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe('numéro de contrat : 42');

  await console.getByRole('button', { name: 'Rendre à l’assistant' }).click();
  // A presence notice, drawn as an event line rather than a bubble (web/chat-people.js).
  await chat
    .locator('#webchat .webchat__basic-transcript__activity-body')
    .filter({ hasText: 'Alice vous a repassé à l’assistant.' })
    .waitFor();
  await bubble('Vous parlez de nouveau à l’assistant virtuel').waitFor();
  await input.fill('comment payer');
  await input.press('Enter');
  await bubble('Carte bancaire, virement et CESU.').waitFor();

  expect(await console.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  expect(errors).toEqual([]);
  await Promise.all([console.close(), chat.close()]);
});

test('console tickets: the oldest ticket is read and answered; the answer reaches the chat', async () => {
  const errors: string[] = [];
  // Support closed (Sunday): asking for a person opens a ticket, and it stays one when Alice logs
  // in (in hours, a ticket whose customer is still here would be offered to her live).
  now = SUNDAY_NOON;
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'offline' });
  const customer = await Customer.start(running.url);
  await customer.say(running.url, '<b>ma facture</b> je veux parler à un conseiller');
  expect((await customer.texts(running.url)).at(-1)).toMatch(/Nos conseillers sont absents/);

  const console = await browser.newPage({ locale: 'fr-FR' });
  watchErrors(console, errors);
  await console.goto(`${running.url}/agent`);
  await console.getByLabel('Identifiant').fill('alice');
  await console.getByLabel('Mot de passe').fill(PASSWORDS.alice);
  await console.getByRole('button', { name: 'Se connecter' }).click();
  const ticket = console.locator('#tickets li').filter({ hasText: '<b>ma facture</b>' });
  await ticket.waitFor();
  expect(await console.locator('#tickets b').count()).toBe(0);
  await ticket.click();
  await console.locator('#ticket-form').waitFor({ state: 'visible' });
  expect(await console.locator('#reply-form').isHidden()).toBe(true);
  await console.locator('#ticket-answer').fill('Votre facture est corrigée.');
  await console.getByRole('button', { name: 'Répondre au ticket' }).click();
  await console
    .locator('#status')
    .getByText(/Ticket répondu.*Chat : message remis/)
    .waitFor();
  expect(await console.locator('#tickets li').count()).toBe(0);
  expect((await customer.texts(running.url)).at(-1)).toBe('Votre facture est corrigée.');
  expect(errors).toEqual([]);
  await console.close();
  now = OPEN_TIME;
});

test('console transfer: Alice hands the conversation to Bruno, whose console is alerted', async () => {
  const errors: string[] = [];
  const login = async (agentId: 'alice' | 'bruno') => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    watchErrors(page, errors);
    await page.goto(`${running.url}/agent`);
    await page.getByLabel('Identifiant').fill(agentId);
    await page.getByLabel('Mot de passe').fill(PASSWORDS[agentId]);
    const online = page.waitForResponse((r) => r.url().endsWith('/api/agent/presence') && r.ok());
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await online;
    return page;
  };
  const alicePage = await login('alice');
  const brunoPage = await login('bruno');
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'un transfert, je veux parler à un conseiller');

  await alicePage.locator('#waiting li').filter({ hasText: 'un transfert' }).click();
  await alicePage.getByRole('button', { name: 'Prendre', exact: true }).click();
  await alicePage
    .locator('#transfer-target option', { hasText: 'Bruno (FR)' })
    .waitFor({ state: 'attached' });
  await alicePage.locator('#transfer-target').selectOption({ label: 'Bruno (FR)' });
  await alicePage.getByRole('button', { name: 'Transférer', exact: true }).click();
  await alicePage.locator('#status').getByText('Conversation transférée : Bruno (FR).').waitFor();

  await brunoPage.locator('#alert').waitFor({ state: 'visible' });
  await brunoPage.locator('#mine li').filter({ hasText: 'un transfert' }).waitFor();
  expect((await running.side.agent.queue.get(customer.conversationId))?.agentId).toBe('bruno');
  expect(errors).toEqual([]);
  await Promise.all([alicePage.close(), brunoPage.close()]);
});
