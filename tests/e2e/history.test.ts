import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MemorySurveyStore } from '../../insights/index';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { Agent, Customer, eventually } from '../integration/agent/clients';
import { launchChromium } from '../support/chromium';
import { buildTestFaq } from '../support/test-faq';
import { OPEN_TIME } from '../support/test-settings';

/**
 * The agents' history page in Chromium, over conversations made through the real endpoints: a
 * ticket, one the bot answered alone, one escalated with an agent's reply and an internal note,
 * and a signed customer's that is then erased.
 */
const SUPERVISOR_TOKEN = 'supervisor-token-for-the-history-e2e-0123';
const IDENTITY_SECRET = 'identity-secret-for-the-history-e2e-0123456789';

let running: AgentApp;
let browser: Browser;
let clock = OPEN_TIME.getTime();
const contexts: BrowserContext[] = [];
const ids = { ticket: '', botOnly: '', escalated: '', erased: '' };

const texts = async (customer: Customer, count: number, what: string) =>
  eventually(async () => ((await customer.texts(running.url)).length >= count ? true : undefined), what);

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    now: () => new Date(clock),
    env: { SUPERVISOR_TOKEN, IDENTITY_SECRET },
    surveys: new MemorySurveyStore(),
  });
  const url = running.url;
  const alice = await Agent.login(url, 'alice', PASSWORDS.alice);

  const botOnly = await Customer.start(url, 'fr-FR');
  await botOnly.say(url, 'Comment réserver une prestation ?');
  await texts(botOnly, 3, 'the bot answer');
  ids.botOnly = botOnly.conversationId;

  // Answered, refused, taken by Alice, who replies and writes an internal note.
  clock += 60_000;
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  const escalated = await Customer.start(url, 'fr-FR');
  await escalated.say(url, 'Où trouver mes factures ?');
  await texts(escalated, 3, 'the invoices answer');
  await escalated.say(url, 'Non');
  await eventually(
    async () => ((await alice.post('/claim-next')).status === 200 ? true : undefined),
    'a claim',
  );
  const id = escalated.conversationId;
  expect(
    (await alice.post(`/conversations/${id}/messages`, { text: 'Je vérifie votre Échéancier tout de suite' }))
      .status,
  ).toBe(200);
  expect(
    (await alice.post(`/conversations/${id}/notes`, { text: 'NOTE-INTERNE client à rappeler jeudi' })).status,
  ).toBe(200);
  expect((await alice.post(`/conversations/${id}/resolve`, { reason: 'réglé' })).status).toBe(200);
  // The customer answers the closing survey: CES 2.
  await eventually(
    async () => ((await escalated.texts(url)).some((t) => /facile/i.test(t)) ? true : undefined),
    'the CES question',
  );
  for (const reply of ['2', 'oui', 'passer']) await escalated.say(url, reply);
  ids.escalated = id;
  expect((await alice.post('/presence', { presence: 'offline' })).status).toBe(200);

  // Nobody online any more: asking for a person opens a ticket.
  clock += 60_000;
  const ticket = await Customer.start(url, 'fr-FR');
  await ticket.say(url, 'je veux parler à un conseiller pour ma commande');
  await texts(ticket, 3, 'the ticket answer');
  ids.ticket = ticket.conversationId;

  // A signed customer, erased later.
  clock += 60_000;
  const customer = { id: 'cust-e2e-history', name: 'Zoé', vip: false, b2b: false };
  const signature = createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(customer)).digest('hex');
  const erased = await Customer.start(url, 'fr-FR', { customer, signature });
  await erased.say(url, 'mon déménagement rue des Lilas');
  await texts(erased, 3, 'an answer to Zoé');
  ids.erased = erased.conversationId;

  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await running?.close();
});

async function page(errors: string[], viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  contexts.push(context);
  const opened = await context.newPage();
  opened.setDefaultTimeout(10_000);
  opened.on('pageerror', (error) => errors.push(error.message));
  // Every request of the page succeeds (the browser's own favicon.ico aside).
  opened.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico'))
      errors.push(`${response.status()} ${response.url()}`);
  });
  return opened;
}

async function logIn(history: Page): Promise<void> {
  await history.goto(`${running.url}/agent/history`);
  await history.getByLabel('Identifiant', { exact: true }).fill('alice');
  await history.getByLabel('Mot de passe').fill(PASSWORDS.alice);
  await history.getByRole('button', { name: 'Se connecter' }).click();
  await history.locator('#status').filter({ hasText: 'conversations' }).waitFor();
}

const listed = (history: Page) =>
  history.locator('#results li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id));

/** Waits for the list to show exactly these conversations (the page fetches on each change). */
async function expectListed(history: Page, expected: string[]): Promise<void> {
  await eventually(
    async () => (JSON.stringify(await listed(history)) === JSON.stringify(expected) ? true : undefined),
    `the list ${expected.join(', ')}`,
  ).catch(async (error: unknown) => {
    expect(await listed(history)).toEqual(expected);
    throw error;
  });
}

test('an agent lists, filters, searches and opens past conversations; the bot’s decisions in words, the note marked internal', async () => {
  const errors: string[] = [];
  const history = await page(errors);
  await logIn(history);

  // Newest first, every kind of conversation.
  await expectListed(history, [ids.erased, ids.ticket, ids.escalated, ids.botOnly]);
  expect(await history.locator('#status').textContent()).toBe('4 conversations');
  const escalatedRow = history.locator(`#results li[data-id="${ids.escalated}"]`);
  expect(await escalatedRow.locator('.title').textContent()).toBe('Où trouver mes factures ?');
  expect(await escalatedRow.locator('.facet').allTextContents()).toEqual(
    expect.arrayContaining(['Résolue', 'Français', 'Passée à un conseiller', 'alice']),
  );

  // Filters: state, then path, then the agent.
  await history.getByLabel('État').selectOption({ label: 'Ticket' });
  await expectListed(history, [ids.ticket]);
  await history.getByLabel('État').selectOption({ label: 'Avec l’assistant' });
  await expectListed(history, [ids.erased, ids.botOnly]);
  await history.getByLabel('État').selectOption({ label: 'Tous' });
  await history.getByLabel('CES').selectOption({ label: '2' });
  await expectListed(history, [ids.escalated]);
  await history.locator('select[name="language"]').selectOption({ label: 'Anglais' });
  await expectListed(history, []);
  await history.getByRole('button', { name: 'Effacer les filtres' }).click();
  // Dates: "to" includes its day (the browser's time zone is Paris).
  const day = OPEN_TIME.toISOString().slice(0, 10);
  const nextDay = new Date(OPEN_TIME.getTime() + 86_400_000).toISOString().slice(0, 10);
  await history.getByLabel('Du').fill(nextDay);
  await expectListed(history, []);
  await history.getByLabel('Du').fill(day);
  await history.getByLabel('Au (inclus)').fill(day);
  await expectListed(history, [ids.erased, ids.ticket, ids.escalated, ids.botOnly]);
  await history.getByRole('button', { name: 'Effacer les filtres' }).click();
  await history.getByLabel('Conseiller (identifiant)').fill('alice');
  await history.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expectListed(history, [ids.escalated]);
  await history.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expectListed(history, [ids.erased, ids.ticket, ids.escalated, ids.botOnly]);

  // A word typed without its accents and in another case finds what the agent wrote.
  await history.getByLabel('Rechercher dans les conversations').fill('ECHEANCIER');
  await history.getByLabel('Rechercher dans les conversations').press('Enter');
  await expectListed(history, [ids.escalated]);

  // Opened: the whole transcript, the decisions inline in words, the note marked internal.
  await escalatedRow.getByRole('button').click();
  const transcript = history.locator('#transcript');
  await transcript.locator('li').first().waitFor();
  expect(await history.locator('#detail-title').textContent()).toBe('Où trouver mes factures ?');
  const lines = await transcript.locator('li').allTextContents();
  const customerAt = lines.findIndex((l) => l.includes('Client') && l.includes('Où trouver mes factures ?'));
  expect(customerAt).toBeGreaterThanOrEqual(0);
  expect(lines[customerAt + 1]).toMatch(
    /Décision de l’assistant.*a répondu avec la fiche « invoices » — confiance \d+ %/u,
  );
  expect(lines[customerAt + 2]).toContain('Dans « Mon compte », rubrique « Factures ».');
  expect(lines).toContainEqual(
    expect.stringMatching(
      /a passé la conversation à un conseiller.*Pourquoi\s: le client a dit que la réponse ne convenait pas/u,
    ),
  );
  expect(lines).toContainEqual(expect.stringContaining('Mise en file d’attente'));
  // The matcher's own explanation is English: folded away under a French label, marked lang="en".
  const engine = transcript.locator('li.decision details.engine').first();
  expect(await engine.locator('summary').textContent()).toBe('Détail du moteur de recherche (en anglais)');
  expect(await engine.locator('p[lang="en"]').isVisible()).toBe(false);
  expect(await engine.locator('p[lang="en"]').textContent()).not.toBe('');
  expect(lines).toContainEqual(expect.stringMatching(/Conseiller alice.*Je vérifie votre Échéancier/u));
  const note = transcript.locator('li.note');
  expect(await note.count()).toBe(1);
  expect(await note.locator('.who').textContent()).toMatch(
    /^Note interne de alice — invisible pour le client/,
  );
  expect(await note.locator('.text').textContent()).toBe('NOTE-INTERNE client à rappeler jeudi');
  expect(await note.evaluate((li) => getComputedStyle(li).borderStyle)).toBe('dashed');
  if (process.env.RELAIS_SCREENSHOT) await history.screenshot({ path: 'docs/history.png', fullPage: true });
  // No raw codes where words are expected.
  expect(lines.join('\n')).not.toMatch(/answer-refused|low-confidence|"note"/);

  expect(errors).toEqual([]);
});

test('pages with a small page size: next and previous', async () => {
  const errors: string[] = [];
  const history = await page(errors);
  await logIn(history);
  await history.getByLabel('Par page').fill('3');
  await history.getByLabel('Par page').press('Enter');
  await expectListed(history, [ids.erased, ids.ticket, ids.escalated]);
  expect(await history.locator('#range').textContent()).toBe('1–3 sur 4');
  expect(await history.getByRole('button', { name: 'Page précédente' }).isDisabled()).toBe(true);
  await history.getByRole('button', { name: 'Page suivante' }).click();
  await expectListed(history, [ids.botOnly]);
  expect(await history.locator('#range').textContent()).toBe('4–4 sur 4');
  expect(await history.getByRole('button', { name: 'Page suivante' }).isDisabled()).toBe(true);
  await history.getByRole('button', { name: 'Page précédente' }).click();
  await expectListed(history, [ids.erased, ids.ticket, ids.escalated]);
  expect(errors).toEqual([]);
});

test('English when the agent chose it; usable at 375 px: no sideways scroll, the conversation replaces the list', async () => {
  const errors: string[] = [];
  const phone = await page(errors, { width: 375, height: 740 });
  await phone.addInitScript(() => localStorage.setItem('relais.agent.lang', 'en'));
  await phone.goto(`${running.url}/agent/history`);
  await phone.getByLabel('Agent id').fill('alice');
  await phone.getByLabel('Password').fill(PASSWORDS.alice);
  await phone.getByRole('button', { name: 'Log in' }).click();
  await phone.locator('#status').filter({ hasText: '4 conversations' }).waitFor();
  const fits = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits()).toBe(true);
  const row = phone.locator(`#results li[data-id="${ids.escalated}"] button`);
  expect((await row.boundingBox())?.width).toBeGreaterThan(300);
  await row.click();
  const note = phone.locator('#transcript li.note');
  await note.waitFor();
  expect(await note.locator('.who').textContent()).toMatch(
    /^Internal note by alice — never shown to the customer/,
  );
  expect(await phone.locator('#results').isVisible()).toBe(false);
  if (process.env.RELAIS_SCREENSHOT) await phone.screenshot({ path: 'docs/history-375.png', fullPage: true });
  expect(await fits()).toBe(true);
  const box = await phone.locator('#transcript').boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  await phone.getByRole('button', { name: 'Back to the list' }).click();
  await phone.locator('#results').waitFor();
  expect(errors).toEqual([]);
});

test('an erased customer’s conversation no longer appears', async () => {
  const errors: string[] = [];
  const history = await page(errors);
  await logIn(history);
  await history.getByLabel('Rechercher dans les conversations').fill('lilas');
  await history.getByLabel('Rechercher dans les conversations').press('Enter');
  await expectListed(history, [ids.erased]);

  const res = await fetch(`${running.url}/api/privacy/customers/cust-e2e-history`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
  });
  expect(res.status).toBe(200);

  await history.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expectListed(history, []);
  expect(await history.locator('#status').textContent()).toBe('Aucune conversation');
  await history.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expectListed(history, [ids.ticket, ids.escalated, ids.botOnly]);
  expect(await history.locator('body').innerText()).not.toContain('Lilas');
  expect(errors).toEqual([]);
});
