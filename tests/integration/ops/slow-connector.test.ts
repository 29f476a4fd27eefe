import { randomUUID } from 'node:crypto';
import { FlakyConnector } from './flaky-connector';
import { startHostileApp, type HostileApp } from './hostile-app';

const connector = new FlakyConnector();
let running: HostileApp;
/** Short enough for the suite, long enough that a loaded machine answers a healthy send within it. */
const TIMEOUT_MS = 1500;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  await connector.start();
  running = await startHostileApp({
    env: { CHANNEL_SEND_TIMEOUT_MS: String(TIMEOUT_MS), CHANNEL_SEND_RETRIES: '2' },
  });
});
beforeEach(() => void (running.errors.length = 0));
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await running?.close();
  await connector.stop();
});

function attemptsOf(conversationId: string) {
  return connector.attempts.filter((a) => a.conversationId === conversationId);
}

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

test('a connector answering 503 twice gets the reply on the third attempt, after a growing pause, once', async () => {
  const id = `flaky-${randomUUID()}`;
  connector.set(id, { failFirst: 2, status: 503 });
  expect(await post(id)).toBe(200);
  const attempts = attemptsOf(id);
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

test("a connector hanging on conversation A neither holds conversation B nor A's own request past the budget", async () => {
  const a = `stalled-${randomUUID()}`;
  const b = `fine-${randomUUID()}`;
  connector.set(a, 'stall');
  let aDone = false;
  const aPosted = post(a).then((status) => {
    aDone = true;
    return status;
  });
  while (attemptsOf(a).length === 0) await new Promise((r) => setTimeout(r, 10));
  const aSentAt = attemptsOf(a)[0]!.at;
  // B, on the same instance and the same connector, is answered while A's send is still held.
  expect(await post(b)).toBe(200);
  expect(connector.delivered(b)).toEqual([
    expect.stringMatching(/Réserver/),
    expect.stringMatching(/répond/),
  ]);
  expect(aDone).toBe(false);
  // A's turn ends once its send times out: the channel still gets its HTTP answer (not a 5xx).
  expect(await aPosted).toBe(200);
  expect(Date.now() - aSentAt).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
  // One attempt: a post that timed out may have been delivered, so it is not sent again, and no
  // apology goes to a connector that just hung.
  expect(attemptsOf(a).map((x) => x.answered)).toEqual(['stalled']);
  expect(running.errors).toEqual([expect.stringMatching(/turn failed .*did not answer in time/)]);
  expect(unhandled).toEqual([]);
});

test('a 400 from the connector is not retried: the turn fails once and the customer gets the apology', async () => {
  const id = `refused-${randomUUID()}`;
  connector.set(id, { failFirst: 1, status: 400 });
  expect(await post(id)).toBe(200);
  // The refused answer, then the apology of the turn error handler: nothing sent twice.
  expect(attemptsOf(id).map((a) => a.answered)).toEqual([400, 200]);
  expect(connector.delivered(id)).toHaveLength(1);
  expect(running.errors).toEqual([expect.stringMatching(/turn failed/)]);
});

test('a 429 with Retry-After is retried after that pause, and the reply delivered once', async () => {
  const id = `throttled-${randomUUID()}`;
  connector.set(id, { failFirst: 1, status: 429, retryAfter: '1' });
  expect(await post(id)).toBe(200);
  const attempts = attemptsOf(id);
  expect(attempts.map((a) => a.answered)).toEqual([429, 200, 200]);
  expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  expect(connector.delivered(id)).toEqual([
    expect.stringMatching(/Réserver/),
    expect.stringMatching(/répond/),
  ]);
  expect(running.errors).toEqual([]);
});

test('the metrics count the retries and the given-up calls of the tests above, by reason', async () => {
  const text = await (await fetch(`${running.url}/metrics`)).text();
  const value = (series: string) => Number(new RegExp(`^${series} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  expect(value('relais_channel_send_retries_total\\{reason="server_error"\\}')).toBe(2);
  expect(value('relais_channel_send_retries_total\\{reason="throttled"\\}')).toBe(1);
  expect(value('relais_channel_send_failures_total\\{reason="timeout"\\}')).toBe(1);
  expect(value('relais_channel_send_failures_total\\{reason="refused"\\}')).toBe(1);
});
