import { randomUUID } from 'node:crypto';
import { FlakyConnector } from './flaky-connector';
import { startHostileApp, type HostileApp } from './hostile-app';

const connector = new FlakyConnector();
let running: HostileApp;

beforeAll(async () => {
  await connector.start();
  running = await startHostileApp();
});
afterAll(async () => {
  await running?.close();
  await connector.stop();
});

/** A Bot Framework channel posting one customer message (anonymous mode: no token). */
async function post(conversationId: string, text = 'Comment réserver une prestation ?'): Promise<number> {
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${randomUUID()}`,
      text,
      locale: 'fr-FR',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: 'user' },
      recipient: { id: 'bot' },
      conversation: { id: conversationId },
    }),
  });
  await res.text();
  return res.status;
}

test('a connector answering 503 twice gets the reply on the third attempt, after a growing pause', async () => {
  const id = `flaky-${randomUUID()}`;
  connector.set(id, { failFirst: 2, status: 503 });
  expect(await post(id)).toBe(200);
  const attempts = connector.attempts.filter((a) => a.conversationId === id);
  // The answer (refused twice, then taken), then "did this answer your question?" at once.
  expect(attempts.map((a) => a.answered)).toEqual([503, 503, 200, 200]);
  expect(connector.delivered(id)).toEqual([
    expect.stringMatching(/Réserver/),
    expect.stringMatching(/répond/),
  ]);
  const [first, second, third] = attempts.map((a) => a.at);
  expect(second! - first!).toBeGreaterThan(0);
  expect(third! - second!).toBeGreaterThan(second! - first! - 200);
  expect(running.errors).toEqual([]);
});

test("a connector holding conversation A's reply does not hold back conversation B", async () => {
  const a = `stalled-${randomUUID()}`;
  const b = `fine-${randomUUID()}`;
  connector.set(a, 'stall');
  let aDone = false;
  const aPosted = post(a).then((status) => {
    aDone = true;
    return status;
  });
  while (!connector.attempts.some((x) => x.conversationId === a)) await new Promise((r) => setTimeout(r, 10));
  expect(await post(b)).toBe(200);
  expect(connector.delivered(b)).toEqual([
    expect.stringMatching(/Réserver/),
    expect.stringMatching(/répond/),
  ]);
  expect(aDone).toBe(false);
  connector.release(a);
  expect(await aPosted).toBe(200);
  expect(connector.delivered(a)).toEqual([expect.stringMatching(/répond/)]);
  expect(running.errors).toEqual([]);
});
