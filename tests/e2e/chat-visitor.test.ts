import { MemoryStorage } from 'botbuilder';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InMemoryDirectLineStore, type DirectLineConversation } from '../../bot/directline/store';
import { startApp, type RunningApp } from '../integration/bot/app';
import { buildTestFaq } from '../support/test-faq';
import { OPEN_TIME } from '../support/test-settings';
import { launchChromium } from '../support/chromium';

/** The Direct Line store, counting the conversations the server started. */
class CountingStore extends InMemoryDirectLineStore {
  readonly created: string[] = [];
  override async createConversation(conversation: DirectLineConversation): Promise<void> {
    this.created.push(conversation.id);
    await super.createConversation(conversation);
  }
}

let running: RunningApp;
let store: CountingStore;
let browser: Browser;
let now = OPEN_TIME;

beforeAll(async () => {
  store = new CountingStore();
  running = await startApp(buildTestFaq(), {}, () => now, {
    storage: new MemoryStorage(),
    directLineStore: store,
  });
  browser = await launchChromium();
});

afterEach(() => {
  now = OPEN_TIME;
});

afterAll(async () => {
  await browser?.close();
  await running?.app.close();
});

const WELCOME = 'un robot, pas une personne';
const bubble = (page: Page, text: string) => page.locator('#webchat p').filter({ hasText: text });

/** A tab of the visitor's browser on the chat page (not opened). */
async function tab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${running.url}/`);
  return page;
}

async function openChat(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Aide' }).click();
  await bubble(page, WELCOME).waitFor();
}

const stored = (page: Page) =>
  page.evaluate(
    () =>
      JSON.parse(localStorage.getItem('relais.conversation') ?? '{}') as {
        conversationId?: string;
        ended?: boolean;
      },
  );

async function send(page: Page, text: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
}

/** The conversations the server started while `run` ran. */
async function startedDuring(run: () => Promise<void>): Promise<string[]> {
  const before = store.created.length;
  await run();
  return store.created.slice(before);
}

describe('web chat: one visitor, one conversation', () => {
  test('two tabs share the conversation: what one sends shows in the other, a reload keeps it', async () => {
    const context = await browser.newContext();
    let first!: Page;
    let second!: Page;
    const started = await startedDuring(async () => {
      first = await tab(context);
      await openChat(first);
      // The second tab finds the visitor's live conversation and opens on it.
      second = await tab(context);
      await bubble(second, WELCOME).waitFor();
      expect(await second.locator('#chat-panel').isVisible()).toBe(true);

      await send(first, 'comment payer');
      await bubble(second, 'Carte bancaire, virement et CESU.').waitFor();
      await second.locator('#webchat p').getByText('comment payer', { exact: true }).waitFor();

      await send(second, 'quels sont vos horaires');
      await first.locator('#webchat p').getByText('quels sont vos horaires', { exact: true }).waitFor();

      await second.reload();
      await bubble(second, 'Carte bancaire, virement et CESU.').waitFor();
      await second.locator('#webchat p').getByText('quels sont vos horaires', { exact: true }).waitFor();
    });
    expect(started).toHaveLength(1);
    expect((await stored(first)).conversationId).toBe(started[0]);
    expect((await stored(second)).conversationId).toBe(started[0]);
    // Each message once in each tab (no double echo from the other tab's post).
    for (const page of [first, second])
      expect(await page.locator('#webchat p').getByText('comment payer', { exact: true }).count()).toBe(1);
    await context.close();
  });

  test('two tabs opened at the same moment start one conversation, not two', async () => {
    const context = await browser.newContext();
    // A slow token answer (a busy server): both tabs decide while neither has stored anything yet.
    await context.route('**/api/directline/token', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    const [a, b] = await Promise.all([tab(context), tab(context)]);
    const started = await startedDuring(async () => {
      await Promise.all([a, b].map((page) => page.getByRole('button', { name: 'Aide' }).click()));
      await Promise.all([a, b].map((page) => bubble(page, WELCOME).waitFor()));
    });
    expect(started).toHaveLength(1);
    expect((await stored(a)).conversationId).toBe(started[0]);
    expect((await stored(b)).conversationId).toBe(started[0]);
    await context.close();
  });

  test('another visitor (another browser context) gets a conversation of their own', async () => {
    const one = await browser.newContext();
    const other = await browser.newContext();
    const [p1, p2] = [await tab(one), await tab(other)];
    const started = await startedDuring(async () => {
      await openChat(p1);
      await openChat(p2);
    });
    expect(started).toHaveLength(2);
    expect((await stored(p1)).conversationId).not.toBe((await stored(p2)).conversationId);
    await send(p1, 'comment payer');
    await bubble(p1, 'Carte bancaire, virement et CESU.').waitFor();
    // The other visitor's window never shows it.
    await p2.waitForTimeout(1500);
    expect(await bubble(p2, 'Carte bancaire').count()).toBe(0);
    await Promise.all([one.close(), other.close()]);
  });

  test('once resolved, the next visit starts a new conversation and the open tab follows it', async () => {
    const context = await browser.newContext();
    const first = await tab(context);
    await openChat(first);
    const old = (await stored(first)).conversationId;
    await send(first, 'comment payer');
    await bubble(first, 'Est-ce que cela répond à votre question ?').waitFor();
    await first.locator('button.webchat__suggested-actions__button', { hasText: /^Oui$/ }).click();
    await bubble(first, 'Parfait, ravi d’avoir pu vous aider !').waitFor();
    // The server's endOfConversation marks it over (and Web Chat shows nothing for it).
    await first.waitForFunction(
      () => (JSON.parse(localStorage.getItem('relais.conversation') ?? '{}') as { ended?: boolean }).ended,
    );

    const started = await startedDuring(async () => {
      const next = await tab(context);
      // Not reopened on the finished conversation: the visitor opens the chat when they want it.
      expect(await next.locator('#chat-panel').isHidden()).toBe(true);
      await openChat(next);
      expect(await bubble(next, 'Carte bancaire').count()).toBe(0);
      // The first tab moved to the visitor's new conversation.
      await first.waitForFunction(
        () => !document.querySelector('#webchat')?.textContent?.includes('Parfait'),
      );
      await bubble(first, WELCOME).waitFor();
    });
    expect(started).toHaveLength(1);
    expect(started[0]).not.toBe(old);
    expect((await stored(first)).conversationId).toBe(started[0]);
    await context.close();
  });

  test('"Nouvelle conversation" starts over in every tab and forgets the old one', async () => {
    const context = await browser.newContext();
    const first = await tab(context);
    await openChat(first);
    await send(first, 'comment payer');
    await bubble(first, 'Carte bancaire, virement et CESU.').waitFor();
    const second = await tab(context);
    await bubble(second, 'Carte bancaire, virement et CESU.').waitFor();
    const old = (await stored(first)).conversationId;

    const started = await startedDuring(async () => {
      await first.getByRole('button', { name: 'Nouvelle conversation' }).click();
      for (const page of [first, second]) {
        await page.waitForFunction(
          () => !document.querySelector('#webchat')?.textContent?.includes('Carte bancaire'),
        );
        await bubble(page, WELCOME).waitFor();
      }
    });
    expect(started).toHaveLength(1);
    expect(started[0]).not.toBe(old);
    for (const page of [first, second]) expect((await stored(page)).conversationId).toBe(started[0]);
    // Nothing in this browser still holds the old conversation's token.
    expect(await first.evaluate(() => JSON.stringify(localStorage))).not.toContain(old);
    await context.close();
  });

  test('a token expired while no tab was open (the server answers 403): the next visit starts afresh', async () => {
    const context = await browser.newContext();
    const first = await tab(context);
    await openChat(first);
    await send(first, 'comment payer');
    await bubble(first, 'Carte bancaire, virement et CESU.').waitFor();
    const old = (await stored(first)).conversationId;
    await first.close();

    // The next day for the server (tokens live TOKEN_TTL_SECONDS, 30 min by default).
    now = new Date(OPEN_TIME.getTime() + 24 * 3600_000);
    const started = await startedDuring(async () => {
      const next = await tab(context);
      // The stored record still looks live to the page: the server's 403 on refresh decides.
      await bubble(next, WELCOME).waitFor();
      expect(await bubble(next, 'Carte bancaire').count()).toBe(0);
      expect((await stored(next)).conversationId).not.toBe(old);
      expect(await next.locator('#chat-error').isHidden()).toBe(true);
    });
    expect(started).toHaveLength(1);
    await context.close();
  });
});
