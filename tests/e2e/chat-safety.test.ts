import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import type { Browser, Page } from 'playwright-core';
import { BOT_ACCOUNT, DIRECT_LINE_CHANNEL, DIRECT_LINE_SERVICE_URL } from '../../bot/directline/adapter';
import { InMemoryDirectLineStore } from '../../bot/directline/store';
import { startApp, type RunningApp } from '../integration/bot/app';
import { buildTestFaq } from '../support/test-faq';
import { launchChromium } from '../support/chromium';

/** Another origin (another port): every request reaching it is one that left the chat page. */
let elsewhere: Server;
let elsewhereUrl: string;
const reached: string[] = [];

let running: RunningApp;
let store: InMemoryDirectLineStore;
let browser: Browser;

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    reached.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif' });
    res.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  store = new InMemoryDirectLineStore();
  running = await startApp(buildTestFaq(), {}, undefined, {
    storage: new MemoryStorage(),
    directLineStore: store,
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.app.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
});

const bubble = (page: Page, text: string) => page.locator('#webchat p').filter({ hasText: text });

async function openChat(): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${running.url}/`);
  await page.getByRole('button', { name: 'Aide' }).click();
  await bubble(page, 'un robot, pas une personne').waitFor();
  return page;
}

const storedConversation = (page: Page) =>
  page.evaluate(
    () =>
      (JSON.parse(localStorage.getItem('relais.conversation') ?? '{}') as { conversationId?: string })
        .conversationId,
  );

async function ask(page: Page, text: string, answer: string): Promise<void> {
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill(text);
  await input.press('Enter');
  await bubble(page, answer).waitFor();
}

describe('chat page: a conversation the server no longer has', () => {
  test('after a reload, a 404 on the stored conversation starts a new one instead of "cannot connect"', async () => {
    const page = await openChat();
    const first = await storedConversation(page);
    expect(first).toBeDefined();
    // What an erasure, or a Redis restarted without persistence, leaves behind.
    expect(await store.deleteConversation(first!)).toBeGreaterThan(0);
    await page.reload();
    await bubble(page, 'un robot, pas une personne').waitFor();
    const second = await storedConversation(page);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(await page.locator('#chat-error').isHidden()).toBe(true);
    await ask(page, 'comment payer', 'Carte bancaire, virement et CESU.');
    await page.close();
  });

  test('while the page is open, the conversation vanishing (polling gets 404) starts a new one', async () => {
    const page = await openChat();
    const first = await storedConversation(page);
    await store.deleteConversation(first!);
    await page.waitForFunction((old) => {
      const saved = JSON.parse(localStorage.getItem('relais.conversation') ?? '{}') as {
        conversationId?: string;
      };
      return saved.conversationId !== undefined && saved.conversationId !== old;
    }, first);
    await ask(page, 'comment payer', 'Carte bancaire, virement et CESU.');
    await page.close();
  });
});

describe('chat page: markdown images never load from another host', () => {
  test('an image in a message sent to the customer is shown as a link; a stored one is blocked by the CSP', async () => {
    const page = await openChat();
    const conversationId = (await storedConversation(page))!;
    reached.length = 0;
    // An agent's (or a KB answer's) text as the bot sends it: through the Direct Line adapter.
    await running.app.directLineAdapter.continueConversation(
      {
        channelId: DIRECT_LINE_CHANNEL,
        serviceUrl: DIRECT_LINE_SERVICE_URL,
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        bot: { ...BOT_ACCOUNT },
        user: { id: 'customer', name: '' },
      },
      async (context) => {
        await context.sendActivity(`Voici le plan ![plan](${elsewhereUrl}/sent.png) et la suite.`);
      },
    );
    await bubble(page, 'et la suite').waitFor();
    // Written to the log without the adapter (an older message, any other path): the CSP stops it.
    await store.append(conversationId, {
      type: 'message',
      text: `Ancienne image ![pixel](${elsewhereUrl}/stored.gif)`,
      from: { ...BOT_ACCOUNT },
      timestamp: new Date(),
    });
    await bubble(page, 'Ancienne image').waitFor();
    // A request to the other host, if one were made, would have had the page's round trips to land.
    await ask(page, 'comment payer', 'Carte bancaire, virement et CESU.');
    expect(reached).toEqual([]);
    expect(await page.locator(`#webchat img[src^="${elsewhereUrl}"]`).count()).toBeLessThanOrEqual(1);
    expect(await page.locator(`#webchat a[href="${elsewhereUrl}/sent.png"]`).count()).toBe(1);
    await page.close();
  });
});
