import { postJson } from '../bot/app';
import { FakeConnector } from '../bot/fake-connector';
import { startHostileApp, type HostileApp } from './hostile-app';
import { scrape, value } from './scrape';

/*
 * Issue 14, item 2: one IP without credentials must not grow /metrics. A request never chooses a
 * label value (unknown → "other") and every string kept from a request is capped.
 */

let running: HostileApp;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await new FakeConnector().start();
  running = await startHostileApp();
  // A scrape is counted once answered: the series of GET /metrics exists from the second one on.
  await scrape(running.url);
});
afterAll(async () => {
  await running?.close();
  await connector?.stop();
});

const activity = (channelId: string, conversationId: string) => ({
  type: 'message',
  id: 'act-1',
  channelId,
  serviceUrl: connector.url,
  conversation: { id: conversationId },
  from: { id: 'eve' },
  recipient: { id: 'relais' },
  locale: 'fr-FR',
  text: 'comment payer',
});

async function metrics(): Promise<{ series: number; bytes: number; text: string }> {
  const scraped = await scrape(running.url);
  expect(scraped.status).toBe(200);
  return { series: scraped.samples.size, bytes: scraped.text.length, text: scraped.text };
}

test('100 POSTs with a 200 KB channelId: each refused with a 400, /metrics unchanged in series and small', async () => {
  const huge = 'x'.repeat(200 * 1024);
  // One first, so the series of a refused /api/messages (status 400) exists before measuring.
  expect((await postJson(`${running.url}/api/messages`, activity(huge, 'flood-0'))).status).toBe(400);
  const before = await metrics();
  for (let i = 1; i <= 100; i++) {
    const res = await postJson(`${running.url}/api/messages`, activity(`${huge}${i}`, `flood-${i}`));
    expect(res.status).toBe(400);
  }
  const after = await metrics();
  expect(after.series).toBe(before.series);
  expect(after.text).not.toContain('xxxxxxxxxx');
  expect(after.bytes).toBeLessThan(20_000);
  expect(connector.replies).toEqual([]);
});

test('100 different, well-formed but unknown channelIds all count as channel="other"', async () => {
  expect((await postJson(`${running.url}/api/messages`, activity('evil-0', 'odd-0'))).status).toBe(200);
  const before = await metrics();
  for (let i = 1; i <= 100; i++)
    expect((await postJson(`${running.url}/api/messages`, activity(`evil-${i}`, `odd-${i}`))).status).toBe(
      200,
    );
  const after = await metrics();
  expect(after.series).toBe(before.series);
  const samples = (await scrape(running.url)).samples;
  expect(value(samples, 'relais_turns_total{channel="other"}')).toBe(101);
  expect(after.text).not.toMatch(/channel="evil-/);
  expect(running.errors).toEqual([]);
});

test('an unknown HTTP route and method count under fixed labels, not the URL', async () => {
  await fetch(`${running.url}/api/${'y'.repeat(5000)}`);
  const before = await metrics();
  for (let i = 0; i < 20; i++)
    await fetch(`${running.url}/nothing-here/${i}-${'z'.repeat(1000)}`, { method: 'DELETE' });
  const after = await metrics();
  expect(after.text).not.toContain('zzzzzzzzzz');
  expect(after.series - before.series).toBeLessThanOrEqual(1);
});
