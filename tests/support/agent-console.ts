import type { Page } from 'playwright-core';

/** The console's login labels in each language (it follows the browser's). */
export const CONSOLE_LABELS = {
  fr: { id: 'Identifiant', password: 'Mot de passe', button: 'Se connecter' },
  en: { id: 'Agent id', password: 'Password', button: 'Log in' },
} as const;

/** Logs in on an open /agent page and waits until the agent is online with its event stream open. */
export async function logInToConsole(
  page: Page,
  agentId: string,
  password: string,
  labels: { readonly id: string; readonly password: string; readonly button: string } = CONSOLE_LABELS.fr,
): Promise<void> {
  await page.getByLabel(labels.id).fill(agentId);
  await page.getByLabel(labels.password).fill(password);
  const online = page.waitForResponse((r) => r.url().endsWith('/api/agent/presence') && r.ok());
  const stream = page.waitForResponse((r) => r.url().endsWith('/api/agent/events'));
  await page.getByRole('button', { name: labels.button }).click();
  await Promise.all([online, stream]);
}
