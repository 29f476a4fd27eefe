import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MemorySurveyStore } from '../../insights/index';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { Agent, Customer, eventually } from '../integration/agent/clients';
import { logInToConsole } from '../support/agent-console';
import { launchChromium } from '../support/chromium';
import { buildTestFaq } from '../support/test-faq';
import { OPEN_TIME } from '../support/test-settings';

/**
 * Issue 16 items 2 and 5 in a real browser: the profile lists a B2B customer's previous conversation
 * with its outcome and CES and forgets it after an erasure; a conversation the agent leaves
 * unanswered goes back to the queue and the console says so.
 */
const SUPERVISOR_TOKEN = 'supervisor-token-for-the-profile-e2e-01234';
const IDENTITY_SECRET = 'identity-secret-for-the-profile-e2e-0123456789';
const CUSTOMER = {
  id: 'cust-b2b-profile',
  name: 'Société Lumière',
  email: 'achats@lumiere.example',
  vip: false,
  b2b: true,
  accountManagerId: 'bruno',
};
const identity = () => ({
  customer: CUSTOMER,
  signature: createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(CUSTOMER)).digest('hex'),
});

let running: AgentApp;
let browser: Browser;
let clock = OPEN_TIME.getTime();
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    now: () => new Date(clock),
    env: { SUPERVISOR_TOKEN, IDENTITY_SECRET, AGENT_ANSWER_TIMEOUT_MIN: '10' },
    surveys: new MemorySurveyStore(),
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await running?.close();
});

async function consoleOf(agentId: 'alice' | 'bruno', errors: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${running.url}/agent`);
  await logInToConsole(page, agentId, PASSWORDS[agentId]);
  return page;
}

const textCount = (customer: Customer, count: number, what: string) =>
  eventually(async () => ((await customer.texts(running.url)).length >= count ? true : undefined), what);

/** A first conversation of the B2B customer, handled by Bruno and rated CES 2. */
async function pastConversation(): Promise<{ id: string; bruno: Agent }> {
  const bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
  expect((await bruno.post('/presence', { presence: 'online' })).status).toBe(200);
  const first = await Customer.start(running.url, 'fr-FR', identity());
  await first.say(running.url, 'premier contact: je veux parler à un conseiller');
  const id = first.conversationId;
  await eventually(
    async () => ((await bruno.post(`/conversations/${id}/claim`)).status === 200 ? true : undefined),
    'Bruno claims the first conversation',
  );
  expect((await bruno.post(`/conversations/${id}/messages`, { text: 'Voici votre devis.' })).status).toBe(
    200,
  );
  expect((await bruno.post(`/conversations/${id}/resolve`, { reason: 'réglé' })).status).toBe(200);
  await eventually(
    async () => ((await first.texts(running.url)).some((t) => /facile/i.test(t)) ? true : undefined),
    'the CES question',
  );
  for (const reply of ['2', 'oui', 'passer']) await first.say(running.url, reply);
  return { id, bruno };
}

test('profile: the B2B customer’s account manager and previous conversation with outcome and CES; nothing left after an erasure', async () => {
  const errors: string[] = [];
  const { id: previousId, bruno: brunoApi } = await pastConversation();
  // The account's manager opens his console: B2B conversations are routed to him.
  const bruno = await consoleOf('bruno', errors);

  // The server's clock moves on faster than the console beats: a beat keeps Bruno online.
  const later = async () => {
    clock += 60_000;
    expect((await brunoApi.post('/heartbeat')).status).toBe(200);
  };
  await later();
  const second = await Customer.start(running.url, 'fr-FR', identity());
  await second.say(running.url, 'deuxième contact, je veux parler à un conseiller');
  await bruno.locator('#waiting li').filter({ hasText: 'Société Lumière' }).click();
  const profile = bruno.locator('#profile');
  await profile.locator('[data-field="name"]').getByText('Société Lumière').waitFor();
  expect(await profile.locator('[data-field="email"]').textContent()).toBe('achats@lumiere.example');
  expect(await profile.locator('[data-field="segment"]').textContent()).toBe('B2B');
  expect(await profile.locator('[data-field="account-manager"]').textContent()).toBe('Bruno');
  const previous = profile.locator('ul.previous li');
  expect(await previous.count()).toBe(1);
  expect(await previous.locator('.title').textContent()).toBe(
    'premier contact: je veux parler à un conseiller',
  );
  const meta = (await previous.locator('.meta').textContent()) ?? '';
  expect(meta).toContain('Passée à un conseiller');
  expect(meta).toContain('CES 2');
  expect(await profile.textContent()).not.toContain(previousId);

  // Once it is over (a live conversation is kept by an erasure), the supervisor erases the customer:
  // the next conversation finds no trace of the others.
  const secondId = second.conversationId;
  expect((await brunoApi.post(`/conversations/${secondId}/claim`)).status).toBe(200);
  expect((await brunoApi.post(`/conversations/${secondId}/resolve`, { reason: 'réglé' })).status).toBe(200);
  const erased = await fetch(`${running.url}/api/privacy/customers/${CUSTOMER.id}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
  });
  expect(erased.status).toBe(200);
  await later();
  const third = await Customer.start(running.url, 'fr-FR', identity());
  await third.say(running.url, 'troisième contact, je veux parler à un conseiller');
  await bruno.locator('#waiting li').filter({ hasText: 'Société Lumière' }).click();
  await profile.getByText('Aucune conversation précédente.').waitFor();
  expect(await profile.locator('ul.previous li').count()).toBe(0);
  expect(await profile.textContent()).not.toContain('premier contact');
  expect(errors).toEqual([]);
});

test('an agent online who leaves the customer unanswered: the conversation goes back to the queue at its place, the console says why', async () => {
  const errors: string[] = [];
  const alice = await consoleOf('alice', errors);
  // A second session of Alice beats while the server's clock jumps: she stays online, only silent.
  const aliceApi = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  const customer = await Customer.start(running.url, 'fr-FR');
  await customer.say(running.url, 'délai de réponse: je veux parler à un conseiller');
  const waiting = alice.locator('#waiting li').filter({ hasText: 'délai de réponse' });
  await waiting.click();
  await alice.getByRole('button', { name: 'Prendre', exact: true }).click();
  await alice.locator('#mine li').filter({ hasText: 'délai de réponse' }).waitFor();
  await alice.locator('#reply').fill('Bonjour, je regarde.');
  await alice.locator('#reply').press('Enter');
  await alice.locator('#transcript li').filter({ hasText: 'Bonjour, je regarde.' }).waitFor();
  await customer.say(running.url, 'Vous êtes toujours là ?');
  await alice.locator('#transcript li.customer').filter({ hasText: 'Vous êtes toujours là ?' }).waitFor();
  const seen = (await customer.texts(running.url)).length;

  for (let left = 10 * 60_000 + 1_000; left > 0; left -= 20_000) {
    clock += Math.min(left, 20_000);
    expect((await aliceApi.post('/heartbeat')).status).toBe(200);
  }
  const report = await running.side.sweep();
  expect(report.unanswered).toEqual([{ conversationId: customer.conversationId, agentId: 'alice' }]);

  await alice
    .locator('#status')
    .getByText('Le client attendait votre réponse depuis trop longtemps', { exact: false })
    .waitFor();
  await alice.locator('#waiting li').filter({ hasText: 'délai de réponse' }).waitFor();
  expect(await alice.locator('#mine li').filter({ hasText: 'délai de réponse' }).count()).toBe(0);
  await textCount(customer, seen + 1, 'the customer told');
  expect((await customer.textsAfter(running.url, seen))[0]).toMatch(/Alice a quitté la conversation/);
  expect(errors).toEqual([]);
});
