import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MemorySurveyStore } from '../../insights/index';
import { fr } from '../../bot/text/fr';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { buildTestFaq } from '../support/test-faq';
import { SUNDAY_NOON } from '../support/test-settings';
import { launchChromium } from '../support/chromium';

/** The CES question, without its apostrophe (Web Chat's markdown may curl it). */
const CES = 'obtenir une résolution à votre problème ?';

let running: AgentApp;
let browser: Browser;
const surveys = new MemorySurveyStore();

beforeAll(async () => {
  // Sunday: support is closed, so asking for a person opens a ticket even with an agent logged in.
  running = await startAgentApp(buildTestFaq(), await agentsJson(), { now: () => SUNDAY_NOON, surveys });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
});

/** The customer and the agent each in their own browser context (no shared storage or cookies). */
async function sideBySide(
  errors: string[],
): Promise<{ contexts: BrowserContext[]; chat: Page; console: Page }> {
  const contexts = [await browser.newContext(), await browser.newContext({ locale: 'fr-FR' })];
  const [chat, console] = await Promise.all(contexts.map((c) => c.newPage()));
  if (!chat || !console) throw new Error('two pages');
  for (const page of [chat, console]) {
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => errors.push(error.message));
  }
  return { contexts, chat, console };
}

async function openTicket(chat: Page, text: string): Promise<void> {
  await chat.goto(`${running.url}/`);
  await chat.getByRole('button', { name: 'Aide' }).click();
  await chat.locator('#webchat p').filter({ hasText: 'un robot, pas une personne' }).waitFor();
  const input = chat.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await chat.locator('#webchat p').filter({ hasText: 'Nos conseillers sont absents' }).waitFor();
}

async function logIn(console: Page, agentId: 'alice'): Promise<void> {
  await console.goto(`${running.url}/agent`);
  await console.getByLabel('Identifiant').fill(agentId);
  await console.getByLabel('Mot de passe').fill(PASSWORDS[agentId]);
  const online = console.waitForResponse((r) => r.url().endsWith('/api/agent/presence') && r.ok());
  await console.getByRole('button', { name: 'Se connecter' }).click();
  await online;
}

test('a ticket answer keeps the conversation open: the reply reaches the same agent, who resolves it; the survey is asked once', async () => {
  const errors: string[] = [];
  const { contexts, chat, console } = await sideBySide(errors);
  const bubble = (text: string) => chat.locator('#webchat p').filter({ hasText: text });
  await openTicket(chat, 'ma facture de février, je veux parler à un conseiller');

  await logIn(console, 'alice');
  const ticket = console.locator('#tickets li').filter({ hasText: 'ma facture de février' });
  await ticket.click();
  await console.locator('#ticket-answer').fill('Votre facture de février est corrigée.');
  await console.getByRole('button', { name: 'Répondre au ticket' }).click();
  await console
    .locator('#status')
    .getByText(/Ticket répondu.*Chat : message remis/)
    .waitFor();
  await bubble('Votre facture de février est corrigée.').waitFor();
  await ticket.waitFor({ state: 'detached' });
  expect(await bubble(CES).count()).toBe(0); // the case is still open: no survey yet

  // The customer answers in the same conversation: it waits for Alice, who answered.
  const input = chat.locator('[data-id="webchat-sendbox-input"]');
  await input.fill('Et celle de mars, elle est juste ?');
  await input.press('Enter');
  const waiting = console.locator('#waiting li').filter({ hasText: 'ma facture de février' });
  await waiting.click();
  await console.getByRole('button', { name: 'Prendre', exact: true }).click();
  await console
    .locator('#transcript li.customer')
    .filter({ hasText: 'Et celle de mars, elle est juste ?' })
    .waitFor();
  await console.locator('#reply').fill('Oui, celle de mars est juste.');
  await console.locator('#reply').press('Enter');
  await bubble('Oui, celle de mars est juste.').waitFor();

  await console.getByRole('button', { name: 'Résoudre' }).click();
  await bubble(fr.agentResolved).waitFor();
  await bubble(CES).waitFor();
  // Once: a quiet-ticket sweep later has nothing to ask again.
  await running.side.sweep();
  await chat.waitForTimeout(500);
  expect(await bubble(CES).count()).toBe(1);
  expect(await bubble('ravi d’avoir pu vous aider').count()).toBe(0);
  expect(errors).toEqual([]);
  await Promise.all(contexts.map((c) => c.close()));
});

test('a ticket the customer cancels disappears from the agent console', async () => {
  const errors: string[] = [];
  const { contexts, chat, console } = await sideBySide(errors);
  await openTicket(chat, 'finalement rien, je veux parler à un conseiller');

  await logIn(console, 'alice');
  const ticket = console.locator('#tickets li').filter({ hasText: 'finalement rien' });
  await ticket.waitFor();

  await chat
    .getByRole('toolbar', { name: 'Actions suggérées' })
    .getByRole('button', { name: fr.backToBot })
    .click();
  await chat.locator('#webchat p').filter({ hasText: fr.handoffCancelled }).waitFor();
  await ticket.waitFor({ state: 'detached' });
  const left = (await running.side.agent.queue.tickets()).flatMap((t) => t.transcript.map((l) => l.text));
  expect(left.join('\n')).not.toContain('finalement rien');
  expect(errors).toEqual([]);
  await Promise.all(contexts.map((c) => c.close()));
});
