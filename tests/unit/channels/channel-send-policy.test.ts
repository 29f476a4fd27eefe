import {
  createHttpHeaders,
  createPipelineRequest,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { mayRetry, parseRetryAfter } from '../../../bot/channels/channel-send-budget';
import {
  ChannelUnavailableError,
  channelSendPolicy,
  type PolicyClock,
} from '../../../bot/channels/channel-send-policy';

/** Real time for the timeouts; pauses recorded and skipped so the tests stay fast. */
function testClock(): PolicyClock & { pauses: number[] } {
  const pauses: number[] = [];
  return { pauses, now: () => Date.now(), sleep: async (ms) => void pauses.push(ms), random: () => 0.5 };
}

function observer() {
  const seen = { retried: [] as string[], failed: [] as string[] };
  return { seen, retried: (r: string) => seen.retried.push(r), failed: (r: string) => seen.failed.push(r) };
}

/** A connector answering the given statuses in turn; 'hang' never answers (until aborted). */
function connector(script: (number | 'hang' | { status: number; retryAfter: string })[]) {
  const calls: PipelineRequest[] = [];
  const next = (request: PipelineRequest): Promise<PipelineResponse> => {
    calls.push(request);
    const step = script[Math.min(calls.length - 1, script.length - 1)]!;
    if (step === 'hang')
      return new Promise((_, reject) =>
        request.abortSignal?.addEventListener('abort', () =>
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
        ),
      );
    const status = typeof step === 'number' ? step : step.status;
    const headers = createHttpHeaders(typeof step === 'number' ? {} : { 'retry-after': step.retryAfter });
    return Promise.resolve({ request, status, headers });
  };
  return { calls, next };
}

const post = () =>
  createPipelineRequest({ url: 'http://127.0.0.1/v3/conversations/c/activities', method: 'POST' });
const put = () =>
  createPipelineRequest({ url: 'http://127.0.0.1/v3/conversations/c/activities/1', method: 'PUT' });

test('503 twice then 200: three attempts, the answer passed on, two retries counted', async () => {
  const clock = testClock();
  const seen = observer();
  const fake = connector([503, 503, 200]);
  const response = await channelSendPolicy({ timeoutMs: 1000, retries: 2 }, seen, clock).sendRequest(
    post(),
    fake.next,
  );
  expect(response.status).toBe(200);
  expect(fake.calls).toHaveLength(3);
  expect(seen.seen).toEqual({ retried: ['server_error', 'server_error'], failed: [] });
  // Backoff doubles: 250 ms then 500 ms ceilings, jitter at half-way (random 0.5).
  expect(clock.pauses).toEqual([188, 375]);
});

test('a 400 is not retried: the refusal goes back to botbuilder as answered', async () => {
  const seen = observer();
  const fake = connector([400, 200]);
  const response = await channelSendPolicy({ timeoutMs: 1000, retries: 2 }, seen, testClock()).sendRequest(
    post(),
    fake.next,
  );
  expect(response.status).toBe(400);
  expect(fake.calls).toHaveLength(1);
  expect(seen.seen).toEqual({ retried: [], failed: ['refused'] });
});

test('a post that times out is not sent again (it may have been delivered); the error says timeout', async () => {
  const seen = observer();
  const fake = connector(['hang', 200]);
  const started = Date.now();
  const sent = channelSendPolicy({ timeoutMs: 150, retries: 2 }, seen, testClock()).sendRequest(
    post(),
    fake.next,
  );
  await expect(sent).rejects.toThrow(ChannelUnavailableError);
  await expect(sent).rejects.toMatchObject({ failure: 'timeout' });
  expect(fake.calls).toHaveLength(1);
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  expect(seen.seen.failed).toEqual(['timeout']);
});

test('an update that times out is idempotent: retried, and the whole call ends by the deadline', async () => {
  const seen = observer();
  const fake = connector(['hang']);
  const started = Date.now();
  const sent = channelSendPolicy({ timeoutMs: 150, retries: 2 }, seen, testClock()).sendRequest(
    put(),
    fake.next,
  );
  await expect(sent).rejects.toMatchObject({ failure: 'timeout' });
  expect(fake.calls).toHaveLength(3);
  expect(seen.seen).toEqual({ retried: ['timeout', 'timeout'], failed: ['timeout'] });
  // The deadline: timeout × (retries + 1) plus the backoff ceilings (250 + 500 ms); generous bound.
  expect(Date.now() - started).toBeLessThan(150 * 3 + 750 + 1500);
});

test('429 waits Retry-After; a Retry-After beyond the deadline gives up at once', async () => {
  const clock = testClock();
  const fake = connector([{ status: 429, retryAfter: '1' }, 200]);
  const policy = channelSendPolicy({ timeoutMs: 1000, retries: 2 }, observer(), clock);
  expect((await policy.sendRequest(post(), fake.next)).status).toBe(200);
  expect(clock.pauses).toEqual([1000]);

  const longWait = testClock();
  const seen = observer();
  const throttled = connector([{ status: 429, retryAfter: '3600' }, 200]);
  const sent = channelSendPolicy({ timeoutMs: 1000, retries: 2 }, seen, longWait).sendRequest(
    post(),
    throttled.next,
  );
  await expect(sent).rejects.toMatchObject({ failure: 'throttled' });
  expect(throttled.calls).toHaveLength(1);
  expect(longWait.pauses).toEqual([]);
  expect(seen.seen.failed).toEqual(['throttled']);
});

test('what may be retried: posts only when the connector surely did not take them', () => {
  expect(mayRetry('POST', { status: 429 })).toBe(true);
  expect(mayRetry('POST', { status: 503 })).toBe(true);
  expect(mayRetry('POST', { status: 500 })).toBe(false);
  expect(mayRetry('PUT', { status: 500 })).toBe(true);
  expect(mayRetry('DELETE', { status: 501 })).toBe(false);
  expect(mayRetry('PUT', { status: 404 })).toBe(false);
  expect(mayRetry('POST', { networkCode: 'ECONNREFUSED' })).toBe(true);
  expect(mayRetry('POST', { networkCode: 'ECONNRESET' })).toBe(false);
  expect(mayRetry('DELETE', { networkCode: 'ECONNRESET' })).toBe(true);
  expect(mayRetry('POST', { timedOut: true })).toBe(false);
});

test('Retry-After as seconds or an HTTP date; nonsense ignored', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  expect(parseRetryAfter('2', now)).toBe(2000);
  expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
  expect(parseRetryAfter('soon', now)).toBeUndefined();
  expect(parseRetryAfter(undefined, now)).toBeUndefined();
});
