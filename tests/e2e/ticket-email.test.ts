import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../integration/agent/agent-app';
import { eventually } from '../integration/agent/clients';
import { buildTestFaq } from '../support/test-faq';
import { launchChromium } from '../support/chromium';
import { SmtpInbox, type ReceivedMail } from '../support/smtp-inbox';

/** Wednesday 11 March 2026, 23:00 in Paris: support is closed until tomorrow 08:00. */
const NIGHT = new Date('2026-03-11T22:00:00Z');
/** Where the e-mail's links point; the test opens the same path and query on the test server. */
const PUBLIC_URL = 'https://aide.example.fr';
/** RELAIS_SCREENSHOT=1 refreshes docs/ticket-email.png; ordinary runs leave the repo untouched. */
const SCREENSHOTS = Boolean(process.env.RELAIS_SCREENSHOT);

let running: AgentApp;
let inbox: SmtpInbox;
let browser: Browser;

beforeAll(async () => {
  inbox = await SmtpInbox.start();
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    now: () => NIGHT,
    env: { ...inbox.env(), PUBLIC_URL },
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await running?.close();
  await inbox?.close();
});

function watched(page: Page, errors: string[]): Page {
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

const bubbles = (page: Page, text: string) => page.locator('#webchat p').filter({ hasText: text });

/** The mail as a reader sees it: headers and text, in a plain page (the screenshot's left half). */
function mailPage(mail: ReceivedMail, chatPng: Buffer | undefined): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Headers unfolded; adjacent encoded words join without the space between them (RFC 2047).
  const headers = mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const subject = (/^Subject: (.*)$/m.exec(headers)?.[1] ?? '').replace(/\?=\s+=\?/g, '?==?');
  const decodedSubject = subject.replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_m, q: string) =>
    decodeURIComponent(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  );
  return `<!doctype html><meta charset="utf-8"><body style="margin:0;font:14px system-ui,sans-serif;display:flex;gap:24px;padding:24px;background:#f3f3f3">
<article style="background:#fff;border:1px solid #ccc;border-radius:6px;padding:16px;width:560px">
<p style="color:#555;margin:0 0 4px">À : ${escape(mail.to.join(', '))}</p>
<p style="margin:0 0 12px"><b>${escape(decodedSubject.replace(/\s+/g, ' '))}</b></p>
<pre style="white-space:pre-wrap;word-break:break-all;font:13px/1.45 system-ui,sans-serif;margin:0">${escape(mail.text)}</pre>
</article>
${chatPng ? `<img alt="" style="border:1px solid #ccc;border-radius:6px;width:420px" src="data:image/png;base64,${chatPng.toString('base64')}">` : ''}
</body>`;
}

test('at night: the customer gives an e-mail, the agent answers the ticket, the link reopens the conversation', async () => {
  const errors: string[] = [];
  const customerContext = await browser.newContext();
  const chat = watched(await customerContext.newPage(), errors);
  await chat.goto(`${running.url}/`);
  await chat.getByRole('button', { name: 'Aide' }).click();
  await bubbles(chat, 'il ouvre demain à 08:00').waitFor();
  const input = chat.locator('[data-id="webchat-sendbox-input"]');
  await input.fill('Ma facture de février est fausse, je veux parler à un conseiller');
  await input.press('Enter');
  await bubbles(chat, 'écrivez-moi votre adresse').waitFor();
  await input.fill('mon mail c jean.dupont@example.com');
  await input.press('Enter');
  await bubbles(chat, 'la réponse vous sera envoyée par e-mail à jean.dupont@example.com').waitFor();

  // The agent, in a browser of their own, answers the ticket from the console.
  // The console speaks the browser's language: French here.
  const agentContext = await browser.newContext({ locale: 'fr-FR' });
  const console = watched(await agentContext.newPage(), errors);
  await console.goto(`${running.url}/agent`);
  await console.getByLabel('Identifiant').fill('alice');
  await console.getByLabel('Mot de passe').fill(PASSWORDS.alice);
  await console.getByRole('button', { name: 'Se connecter' }).click();
  const ticket = console.locator('#tickets li').filter({ hasText: 'Ma facture de février est fausse' });
  await ticket.waitFor();
  await ticket.click();
  await console
    .locator('#ticket-answer')
    .fill('Bonjour, votre facture de février est corrigée : 3 h au lieu de 4 h.');
  await console.getByRole('button', { name: 'Répondre au ticket' }).click();
  await console
    .locator('#status')
    .getByText(/Ticket répondu/)
    .waitFor();

  const mail = await eventually(
    async () => inbox.mails.find((m) => m.to.includes('jean.dupont@example.com')),
    'the ticket answer e-mail',
  );
  expect(mail.text).toContain('votre facture de février est corrigée');
  const link = /https:\/\/aide\.example\.fr\/\?\S+/.exec(mail.text)?.[0] ?? '';
  expect(link).toMatch(/\?reprise=[A-Za-z0-9_-]{100,}$/);

  // A fresh browser (no session storage, no cookie): the link alone reopens the conversation.
  const laterContext = await browser.newContext();
  const reopened = watched(await laterContext.newPage(), errors);
  const opened = new URL(link);
  await reopened.goto(`${running.url}${opened.pathname}${opened.search}`);
  await bubbles(reopened, 'votre facture de février est corrigée').waitFor();
  await bubbles(reopened, 'Ma facture de février est fausse').waitFor();
  expect(new URL(reopened.url()).searchParams.has('reprise')).toBe(false);
  expect(await reopened.locator('#chat-error').isHidden()).toBe(true);

  if (SCREENSHOTS) {
    // The picture shows the agent's answer, once Web Chat has settled (no "Connexion en cours").
    await reopened
      .getByText('Connexion en cours...', { exact: true })
      .waitFor({ state: 'hidden', timeout: 10_000 });
    await bubbles(reopened, 'votre facture de février est corrigée').last().scrollIntoViewIfNeeded();
    await reopened.waitForTimeout(500);
    const chatPng = await reopened.locator('#chat-panel').screenshot();
    const shot = await laterContext.newPage();
    await shot.setViewportSize({ width: 1080, height: 760 });
    await shot.setContent(mailPage(mail, chatPng));
    await shot.screenshot({ path: join(__dirname, '..', '..', 'docs', 'ticket-email.png'), fullPage: true });
  }

  // A tampered link: said so, and a new conversation starts.
  const strangerContext = await browser.newContext();
  const stranger = watched(await strangerContext.newPage(), errors);
  const bent = link.replace(
    /reprise=(.{30})(.)/,
    (_m, head: string, c: string) => `reprise=${head}${c === 'A' ? 'B' : 'A'}`,
  );
  await stranger.goto(`${running.url}${new URL(bent).pathname}${new URL(bent).search}`);
  await stranger
    .locator('#chat-error')
    .getByText('Ce lien de reprise a expiré ou n’est plus valable')
    .waitFor();
  await bubbles(stranger, 'un robot, pas une personne').waitFor();
  expect(await bubbles(stranger, 'votre facture de février est corrigée').count()).toBe(0);

  expect(errors).toEqual([]);
  await Promise.all([customerContext, agentContext, laterContext, strangerContext].map((c) => c.close()));
});
