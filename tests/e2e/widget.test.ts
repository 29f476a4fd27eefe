import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startWidgetApp, SUPERVISOR, type WidgetApp } from '../integration/widget/widget-app';
import { buildTestFaq } from '../support/test-faq';
import { OPEN_TIME, SUNDAY_NOON } from '../support/test-settings';
import { startHostSite, type HostSite } from './widget-host';

const SCREENSHOTS = process.env.RELAIS_SCREENSHOT ? join(__dirname, '..', '..', 'docs') : undefined;

// Short delays so the suite does not wait; the demo file's rules are the same kinds.
const RULES = `
rules:
  - id: prices-wait
    trigger: { kind: time-on-page, page: /tarifs, seconds: 1 }
    message: { fr: "Une question sur nos tarifs ?", en: "A question about our prices?" }
    ask: { fr: "comment payer", en: "how to pay" }
  - id: night-open
    trigger: { kind: time-on-page, page: /nuit, seconds: 1 }
    message: { fr: "Un conseiller vous répond", en: "An adviser answers" }
  - id: night-bot
    trigger: { kind: time-on-page, page: /nuit, seconds: 2 }
    message: { fr: "Notre assistant vous répond", en: "Our assistant answers" }
    botOnly: true
  - id: search-none
    trigger: { kind: failed-search }
    message: { fr: "Pas trouvé ? Demandez-nous.", en: "Not found? Ask us." }
  - id: entry-again
    trigger: { kind: entry-revisit, times: 2 }
    message: { fr: "Cette réponse ne suffit pas ?", en: "Is this answer not enough?" }
  - id: booking-leave
    trigger: { kind: exit-intent, page: /reservation/* }
    message: { fr: "Vous partez déjà ?", en: "Leaving already?" }
`;

/** Stands for the help center's embed page until its own tests cover it: posts what the widget listens to. */
const HELP_STUB = `<!doctype html><html><body><p>aide (stub)</p><script>
  var parentOrigin = new URLSearchParams(location.search).get('parent');
  window.send = function (message) { window.parent.postMessage(message, parentOrigin); };
</script></body></html>`;

let browser: Browser;
let relais: WidgetApp;
let site: HostSite;
let elsewhere: HostSite;
let now = OPEN_TIME;
const dir = mkdtempSync(join(tmpdir(), 'relais-widget-e2e-'));

beforeAll(async () => {
  let url = '';
  site = await startHostSite(() => url);
  elsewhere = await startHostSite(() => url);
  const rulesFile = join(dir, 'rules.yaml');
  writeFileSync(rulesFile, RULES);
  relais = await startWidgetApp(buildTestFaq(), {
    env: { WIDGET_ORIGINS: site.origin, PROACTIVE_RULES_FILE: rulesFile },
    now: () => now,
  });
  url = relais.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await relais?.close();
  await site?.close();
  await elsewhere?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  now = OPEN_TIME;
});

interface Tally {
  rule: string;
  shown: number;
  accepted: number;
  dismissed: number;
}

async function tally(rule: string): Promise<Tally | undefined> {
  const res = await fetch(`${relais.url}/api/reports/invitations`, {
    headers: { authorization: `Bearer ${SUPERVISOR}` },
  });
  return ((await res.json()) as { rules: Tally[] }).rules.find((r) => r.rule === rule);
}

/** Waits until the server has counted what the widget posted (a fire-and-forget fetch). */
async function counted(rule: string, expected: Partial<Tally>): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const current = await tally(rule);
    const matches = Object.entries(expected).every(([k, v]) => current?.[k as keyof Tally] === v);
    if (matches) return;
    if (Date.now() > deadline) expect(current).toMatchObject(expected);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fresh visitor; `stubHelp` puts HELP_STUB in place of the help center (messages sent at will). */
async function newContext(stubHelp = true): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  if (!stubHelp) return context;
  await context.route(`${relais.url}/aide?**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: HELP_STUB }),
  );
  await context.route(`${relais.url}/help?**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: HELP_STUB.replace('aide', 'help') }),
  );
  return context;
}

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  return page;
}

const part = (page: Page, name: string) => page.locator(`relais-widget [data-part="${name}"]`);
const frameOf = (page: Page, path: string): Frame | undefined =>
  page.frames().find((f) => f.url().startsWith(`${relais.url}${path}`));

async function waitForFrame(page: Page, path: string): Promise<Frame> {
  await page.waitForFunction(
    (prefix) =>
      Array.from(document.querySelector('relais-widget')?.shadowRoot?.querySelectorAll('iframe') ?? []).some(
        (f) => f.src.startsWith(prefix) && !f.hidden,
      ),
    `${relais.url}${path}`,
  );
  for (let i = 0; i < 100; i++) {
    const frame = frameOf(page, path);
    if (frame) {
      await frame.waitForLoadState();
      return frame;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame ${path}`);
}

describe('the widget on a customer page with hostile CSS', () => {
  test('the launcher is visible and clickable; the panel opens on the search, then the chat answers', async () => {
    const context = await newContext(false);
    const page = await open(context, `${site.origin}/accueil`);
    const launcher = part(page, 'launcher');
    await launcher.waitFor();
    const box = await launcher.boundingBox();
    // 56 px round button 20 px from the bottom-right corner, whatever the page's fonts and rules.
    expect(box).toEqual({ x: 1100 - 20 - 56, y: 760 - 20 - 56, width: 56, height: 56 });
    expect(await launcher.getAttribute('aria-label')).toBe('Aide');
    expect(await launcher.evaluate((b) => getComputedStyle(b).fontSize)).toBe('28px');
    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const search = await waitForFrame(page, '/aide?');
    expect(new URL(search.url()).searchParams.get('parent')).toBe(site.origin);
    expect(new URL(search.url()).searchParams.get('embed')).toBe('1');
    expect(await part(page, 'search-tab').getAttribute('aria-selected')).toBe('true');

    // The real help center, searched as you type; "ask the chat" switches to the chat with the text
    // as the customer's first message, and the bot answers it.
    await search.locator('html[data-help-ready="true"]').waitFor();
    await search.getByLabel('Rechercher dans l’aide').pressSequentially('comment payer');
    await search.locator('.help-result').first().waitFor();
    await search.getByRole('link', { name: 'Aucune de ces réponses' }).click();
    const chat = await waitForFrame(page, '/?embed=1');
    expect(await part(page, 'chat-tab').getAttribute('aria-selected')).toBe('true');
    await chat.locator('#webchat p').filter({ hasText: 'un robot, pas une personne' }).waitFor();
    await chat.locator('#webchat p', { hasText: /^comment payer$/ }).waitFor();
    await chat.locator('#webchat p').filter({ hasText: 'Carte bancaire, virement et CESU.' }).waitFor();
    // Embedded: no page chrome around the chat.
    expect(await chat.locator('.site-header').isVisible()).toBe(false);
    expect(await chat.locator('#help-launcher').isVisible()).toBe(false);

    // Close and reopen: the chat is still there.
    await part(page, 'close').click();
    expect(await page.locator('relais-widget .panel').isHidden()).toBe(true);
    await launcher.click();
    expect(await part(page, 'chat-tab').getAttribute('aria-selected')).toBe('true');
    await context.close();
  });

  test('position and colours come from data attributes; English from <html lang>', async () => {
    const context = await newContext();
    const page = await open(
      context,
      `${site.origin}/accueil?lang=en&data-position=bottom-left&data-accent=%237a2e8c&data-text-color=%23ffff00`,
    );
    const launcher = part(page, 'launcher');
    await launcher.waitFor();
    expect((await launcher.boundingBox())?.x).toBe(20);
    expect(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(122, 46, 140)');
    expect(await launcher.evaluate((b) => getComputedStyle(b).color)).toBe('rgb(255, 255, 0)');
    expect(await launcher.getAttribute('aria-label')).toBe('Help');
    await launcher.click();
    await waitForFrame(page, '/help?');
    await context.close();
  });

  test('bad option values fall back to the defaults with one console warning', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${site.origin}/accueil?data-position=middle&data-accent=red;x&data-lang=de`);
    const launcher = part(page, 'launcher');
    await launcher.waitFor();
    expect((await launcher.boundingBox())?.x).toBe(1100 - 20 - 56);
    expect(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(11, 110, 105)');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('data-position="middle"');
    expect(warnings[0]).toContain('data-accent="red;x"');
    expect(warnings[0]).toContain('data-lang="de"');
    await context.close();
  });

  test('messages from another origin than Relais are ignored', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/accueil`);
    await part(page, 'launcher').click();
    await waitForFrame(page, '/aide?');
    await page.evaluate(() => window.postMessage({ type: 'relais:open-chat', text: 'injected' }, '*'));
    await page.waitForTimeout(300);
    expect(frameOf(page, '/?embed=1')).toBeUndefined();
    expect(await part(page, 'search-tab').getAttribute('aria-selected')).toBe('true');
    await context.close();
  });
});

describe('a site not in WIDGET_ORIGINS', () => {
  test('gets no widget at all, and cannot frame the chat page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const handshake = page.waitForEvent('requestfailed', (r) => r.url().includes('/api/widget/config'));
    await page.goto(`${elsewhere.origin}/accueil?frame=${encodeURIComponent(`${relais.url}/?embed=1`)}`);
    await handshake;
    await page.waitForTimeout(300);
    expect(await page.locator('relais-widget').count()).toBe(0);
    // frame-ancestors refuses it: Chromium shows its error page instead of the chat.
    const probe = page.frames().find((f) => f !== page.mainFrame());
    expect(probe?.url()).not.toContain(relais.url);
    await context.close();
  });

  test('whereas a listed site may frame it', async () => {
    const context = await newContext();
    const page = await open(
      context,
      `${site.origin}/accueil?frame=${encodeURIComponent(`${relais.url}/?embed=1`)}`,
    );
    await part(page, 'launcher').waitFor();
    const probe = page.frames().find((f) => f.url().startsWith(relais.url));
    await probe?.locator('#webchat').waitFor({ state: 'attached' });
    expect(probe).toBeDefined();
    await context.close();
  });
});

describe('proactive invitations', () => {
  test('time on a page: shown and counted; accept counts and opens the chat with the rule’s question; not twice a day', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/tarifs`);
    const bubble = page.locator('relais-widget .bubble');
    await bubble.waitFor();
    expect(await part(page, 'invitation-text').textContent()).toBe('Une question sur nos tarifs ?');
    await counted('prices-wait', { shown: 1, accepted: 0 });
    await part(page, 'accept').click();
    await counted('prices-wait', { shown: 1, accepted: 1, dismissed: 0 });
    expect(await bubble.isHidden()).toBe(true);
    const chat = await waitForFrame(page, '/?embed=1');
    // The rule's question is the customer's first message, and the bot answers it.
    await chat.locator('#webchat p', { hasText: /^comment payer$/ }).waitFor();
    await chat.locator('#webchat p').filter({ hasText: 'Carte bancaire, virement et CESU.' }).waitFor();

    // The same visitor, later the same day, on a page with another rule: nothing.
    const again = await open(context, `${site.origin}/tarifs`);
    await part(again, 'launcher').waitFor();
    await again.waitForTimeout(1_500);
    expect(await again.locator('relais-widget .bubble').isHidden()).toBe(true);
    await counted('prices-wait', { shown: 1 });
    await context.close();
  });

  test('dismiss closes the bubble and is counted', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/tarifs`);
    await page.locator('relais-widget .bubble').waitFor();
    await counted('prices-wait', { shown: 2 });
    await part(page, 'dismiss').click();
    expect(await page.locator('relais-widget .bubble').isHidden()).toBe(true);
    await counted('prices-wait', { shown: 2, accepted: 1, dismissed: 1 });
    expect(frameOf(page, '/?embed=1')).toBeUndefined();
    await context.close();
  });

  test('while support is open the first rule of the page fires; closed, only the botOnly one', async () => {
    const openContext = await newContext();
    const day = await open(openContext, `${site.origin}/nuit`);
    await day.locator('relais-widget .bubble').waitFor();
    expect(await part(day, 'invitation-text').textContent()).toBe('Un conseiller vous répond');
    await openContext.close();

    now = SUNDAY_NOON;
    const closedContext = await newContext();
    const night = await open(closedContext, `${site.origin}/nuit`);
    await night.locator('relais-widget .bubble').waitFor();
    expect(await part(night, 'invitation-text').textContent()).toBe('Notre assistant vous répond');
    await counted('night-bot', { shown: 1 });
    await counted('night-open', { shown: 1 });
    await closedContext.close();
  });

  test('a failed search invites, and accepting sends what was typed', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/accueil`);
    await part(page, 'launcher').click();
    const search = await waitForFrame(page, '/aide?');
    const send = (m: unknown) =>
      search.evaluate((message) => (window as unknown as { send(m: unknown): void }).send(message), m);
    // A search with results does not.
    await send({ type: 'relais:search', text: 'payer', results: [{ id: 'payment' }] });
    await part(page, 'close').click();
    await send({ type: 'relais:search', text: 'garde de chat', results: [] });
    await page.locator('relais-widget .bubble').waitFor();
    expect(await part(page, 'invitation-text').textContent()).toBe('Pas trouvé ? Demandez-nous.');
    await part(page, 'accept').click();
    const chat = await waitForFrame(page, '/?embed=1');
    await chat.locator('#webchat p', { hasText: /^garde de chat$/ }).waitFor();
    await counted('search-none', { shown: 1, accepted: 1 });
    await context.close();
  });

  test('a search that finds nothing in the real help center invites over the panel', async () => {
    const context = await newContext(false);
    const page = await open(context, `${site.origin}/accueil`);
    await part(page, 'launcher').click();
    const search = await waitForFrame(page, '/aide?');
    await search.locator('html[data-help-ready="true"]').waitFor();
    await search.getByLabel('Rechercher dans l’aide').pressSequentially('zxqw qzvk');
    await page.locator('relais-widget .bubble').waitFor();
    expect(await part(page, 'invitation-text').textContent()).toBe('Pas trouvé ? Demandez-nous.');
    await part(page, 'accept').click();
    const chat = await waitForFrame(page, '/?embed=1');
    await chat.locator('#webchat p', { hasText: /^zxqw qzvk$/ }).waitFor();
    await counted('search-none', { shown: 2, accepted: 2 });
    await context.close();
  });

  test('the same help entry opened twice invites', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/accueil?lang=en`);
    await part(page, 'launcher').click();
    const search = await waitForFrame(page, '/help?');
    const send = (m: unknown) =>
      search.evaluate((message) => (window as unknown as { send(m: unknown): void }).send(message), m);
    await part(page, 'close').click();
    await send({ type: 'relais:entry', id: 'pricing' });
    await send({ type: 'relais:entry', id: 'payment-methods' });
    await page.waitForTimeout(200);
    expect(await page.locator('relais-widget .bubble').isHidden()).toBe(true);
    await send({ type: 'relais:entry', id: 'pricing' });
    await page.locator('relais-widget .bubble').waitFor();
    expect(await part(page, 'invitation-text').textContent()).toBe('Is this answer not enough?');
    await counted('entry-again', { shown: 1 });
    await context.close();
  });

  test('leaving the booking page (pointer out through the top) invites', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/reservation/etape-1`);
    await part(page, 'launcher').waitFor();
    await page.mouse.move(500, 300);
    await page.evaluate(() =>
      document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2, relatedTarget: null, bubbles: true })),
    );
    await page.locator('relais-widget .bubble').waitFor();
    expect(await part(page, 'invitation-text').textContent()).toBe('Vous partez déjà ?');
    await counted('booking-leave', { shown: 1 });
    await context.close();
  });
});

describe('the widget by keyboard, and the tab put aside', () => {
  test('Enter on the launcher opens, Escape closes and gives the focus back to it', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/accueil`);
    const launcher = part(page, 'launcher');
    await launcher.focus();
    await page.keyboard.press('Enter');
    await waitForFrame(page, '/aide?');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    await part(page, 'close').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('relais-widget .panel').isHidden()).toBe(true);
    expect(
      await page.evaluate(() =>
        document.querySelector('relais-widget')?.shadowRoot?.activeElement?.getAttribute('data-part'),
      ),
    ).toBe('launcher');
    await context.close();
  });

  test('leaving the booking page for another tab, then coming back, invites', async () => {
    const context = await newContext();
    const page = await open(context, `${site.origin}/reservation/etape-2`);
    await part(page, 'launcher').waitFor();
    const setVisibility = (state: 'hidden' | 'visible') =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await setVisibility('hidden');
    await page.waitForTimeout(200);
    expect(await page.locator('relais-widget .bubble').isHidden()).toBe(true);
    await setVisibility('visible');
    await page.locator('relais-widget .bubble').waitFor();
    expect(await part(page, 'invitation-text').textContent()).toBe('Vous partez déjà ?');
    await counted('booking-leave', { shown: 2 });
    await context.close();
  });
});

describe('the dashboard', () => {
  test('shows one row per rule with the counts the widget sent and the acceptance rate', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await open(context, `${relais.url}/dashboard?lang=fr`);
    await page.locator('#token').fill(SUPERVISOR);
    await page.locator('#token').press('Enter');
    const row = page.locator('#invitations tr[data-rule="prices-wait"]');
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['prices-wait', 'temps sur une page', '2', '1', '1']);
    // fr-FR writes a (narrow) no-break space before %.
    expect(cells[5]).toMatch(/^50\s%$/);
    expect(await page.locator('#invitations tbody tr').count()).toBe(6);
    expect(await page.locator('#invitations tr[data-rule="night-bot"] td').nth(1).textContent()).toBe(
      'temps sur une page (aussi hors horaires)',
    );
    await context.close();
  });
});

describe('the demo site', () => {
  test('its pages load the widget with one script tag (same origin as Relais)', async () => {
    const context = await newContext(false);
    for (const path of ['/demo/', '/demo/reservation', '/demo/tarifs']) {
      const page = await open(context, `${relais.url}${path}`);
      await part(page, 'launcher').waitFor();
      expect(await page.locator('script[src*="widget.js"]').count()).toBe(1);
      await page.close();
    }
    const page = await open(context, `${relais.url}/demo/reservation`);
    await part(page, 'launcher').click();
    const search = await waitForFrame(page, '/aide?');
    await search.locator('html[data-help-ready="true"]').waitFor();
    await search.getByLabel('Rechercher dans l’aide').pressSequentially('reserver une heure');
    await search.locator('.help-result').first().waitFor();
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'widget.png') });
    }
    await part(page, 'chat-tab').click();
    const chat = await waitForFrame(page, '/?embed=1');
    await chat.locator('#webchat p').filter({ hasText: 'un robot, pas une personne' }).waitFor();
    await context.close();
  });
});
