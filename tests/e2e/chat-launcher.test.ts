import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from '../integration/bot/app';
import { buildTestFaq } from '../support/test-faq';
import { launchChromium } from '../support/chromium';

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  running = await startApp(buildTestFaq());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await running?.app.close();
});

const bubble = (page: Page, text: string) => page.locator('#webchat p').filter({ hasText: text });
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.id || el?.getAttribute('data-id') || el?.tagName || '';
  });

async function newPage(path = '/'): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${running.url}${path}`);
  return page;
}

describe('chat launcher with the keyboard only', () => {
  test('Tab to the launcher, Enter opens with the focus in the send box, Escape closes back to it', async () => {
    const page = await newPage();
    const launcher = page.locator('#help-launcher');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.getAttribute('aria-controls')).toBe('chat-panel');
    expect(await launcher.getAttribute('aria-label')).toBe('Aide');

    for (let presses = 0; presses < 10 && (await focused(page)) !== 'help-launcher'; presses++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('help-launcher');

    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input',
    );
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#chat-panel').isVisible()).toBe(true);
    await bubble(page, 'un robot, pas une personne').waitFor();

    // Typing and sending work from there, without a mouse.
    await page.keyboard.type('comment payer');
    await page.keyboard.press('Enter');
    await bubble(page, 'Carte bancaire, virement et CESU.').waitFor();

    await page.keyboard.press('Escape');
    expect(await page.locator('#chat-panel').isHidden()).toBe(true);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toBe('help-launcher');

    // Space reopens it on the same conversation, focus in the send box again.
    await page.keyboard.press(' ');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input',
    );
    expect(await bubble(page, 'Carte bancaire, virement et CESU.').count()).toBe(1);

    // The close button by keyboard: focus goes back to the launcher too.
    await page.locator('#chat-close').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#chat-panel').isHidden()).toBe(true);
    expect(await focused(page)).toBe('help-launcher');
    await page.close();
  });

  test('the panel is a labelled dialog the launcher controls; English labels on ?lang=en', async () => {
    const page = await newPage('/?lang=en');
    await page.getByRole('button', { name: 'Help' }).click();
    const dialog = page.getByRole('dialog', { name: 'Online help' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('id')).toBe('chat-panel');
    await page.getByRole('button', { name: 'New conversation' }).waitFor();
    await page.getByRole('button', { name: 'Close the chat' }).waitFor();
    await page.close();
  });
});

/** WCAG 2.x contrast of each element's text against what is behind it, from the computed styles. */
function contrasts(page: Page, selectors: readonly string[]) {
  return page.evaluate((list) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const n = value.match(/[\d.]+/g)?.map(Number) ?? [];
      return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
    };
    /** The opaque colour behind an element: its backgrounds and its ancestors', composed. */
    const backdrop = (el: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let node = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    return list.map((selector) => {
      const el = document.querySelector(selector);
      if (!el) return { selector, ratio: 0, problem: 'not found' };
      let opacity = 1;
      for (let node: Element | null = el; node; node = node.parentElement)
        opacity *= Number(getComputedStyle(node).opacity);
      const back = backdrop(el);
      const color = parse(getComputedStyle(el).color);
      const text = over([color[0], color[1], color[2], color[3] * opacity], back);
      const [hi, lo] = [luminance(text), luminance(back)].sort((x, y) => y - x) as [number, number];
      return { selector, ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100, problem: '' };
    });
  }, selectors);
}

describe('chat page colours', () => {
  test('every text of the page and the chat window has a contrast of at least 4.5:1', async () => {
    const page = await newPage();
    await page.getByRole('button', { name: 'Aide' }).click();
    await bubble(page, 'un robot, pas une personne').waitFor();
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('comment payer');
    await input.press('Enter');
    await bubble(page, 'Carte bancaire, virement et CESU.').waitFor();
    // The error line, as it shows when the chat is unavailable.
    await page.evaluate(() => {
      const error = document.getElementById('chat-error')!;
      error.textContent = 'Le chat est indisponible';
      error.hidden = false;
    });
    // Away from the launcher: the click left the mouse on it (its hover colour is measured below).
    await page.mouse.move(0, 0);
    await page.waitForTimeout(100);
    const measured = await contrasts(page, [
      '#help-launcher',
      '#help-launcher span',
      '.site-header .brand',
      '.site-header .logo',
      '.site-header .tagline',
      '.site-main h1',
      '.site-main p',
      '#chat-title',
      '#chat-restart',
      '#chat-close',
      '#chat-error',
      '.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content p',
      '.webchat__bubble--from-user .webchat__bubble__content p',
    ]);
    expect(measured.filter((m) => m.problem !== '')).toEqual([]);
    expect(measured.filter((m) => m.ratio < 4.5)).toEqual([]);
    // The launcher as the issue measured it (white on #f28c28 was 2.45:1), at rest and under the mouse.
    expect(measured[0]!.ratio).toBeGreaterThanOrEqual(4.5);
    await page.locator('#help-launcher').hover();
    await page.waitForTimeout(100);
    const [hovered] = await contrasts(page, ['#help-launcher']);
    expect(hovered!.ratio).toBeGreaterThanOrEqual(4.5);
    expect(hovered!.ratio).not.toBe(measured[0]!.ratio);
    await page.close();
  });
});
