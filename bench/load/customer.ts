/**
 * One simulated customer on the local Direct Line, as Web Chat drives it: token, start, then each
 * message is POSTed and the reply read back with immediate GETs of the activities (watermark), the
 * way a polling page sees it. A turn's latency runs from the POST to the reply being readable.
 */
export interface CustomerRun {
  /** Milliseconds per answered turn. */
  readonly latencies: number[];
  /** Turns whose reply never became readable within the poll bound. */
  readonly unanswered: number;
}

interface Page {
  readonly activities: { readonly from?: { readonly role?: string } }[];
  readonly watermark: string;
}

const MAX_POLLS = 2_000;

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where each request goes: one instance, or the next one behind a balancer (no stickiness). */
export type BaseUrl = string | (() => string);

/** Polls until an activity not sent by the customer appears after `watermark`; the new watermark, or undefined. */
async function awaitReply(
  url: () => string,
  auth: HeadersInit,
  watermark: string,
): Promise<string | undefined> {
  let mark = watermark;
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    const page = await json<Page>(await fetch(`${url()}?watermark=${mark}`, { headers: auth }), 'poll');
    mark = page.watermark;
    if (page.activities.some((a) => a.from?.role !== 'user')) return mark;
    if (poll > 0) await sleep(Math.min(poll, 20));
  }
  return undefined;
}

/** Starts one conversation and says each message in turn, thinking `think()` ms before each. */
export async function runCustomer(
  baseUrl: BaseUrl,
  messages: readonly string[],
  think: () => number,
  id: string,
): Promise<CustomerRun> {
  const base = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
  const post = (path: string, body: unknown, auth?: string) =>
    fetch(`${base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
  const { token } = await json<{ token: string }>(await post('/api/directline/token', {}), 'token');
  const started = await json<{ conversationId: string; token: string }>(
    await post('/v3/directline/conversations', { locale: 'fr-FR' }, token),
    'start',
  );
  const auth = { authorization: `Bearer ${started.token}` };
  const activitiesPath = `/v3/directline/conversations/${started.conversationId}/activities`;
  const activities = () => `${base()}${activitiesPath}`;
  let watermark = (await awaitReply(activities, auth, '')) ?? '';
  const latencies: number[] = [];
  let unanswered = 0;
  for (const [i, text] of messages.entries()) {
    const pause = think();
    if (pause > 0) await sleep(pause);
    const began = performance.now();
    await json(
      await post(
        activitiesPath,
        { type: 'message', text, locale: 'fr-FR', channelData: { clientActivityID: `${id}-${i}` } },
        started.token,
      ),
      'post',
    );
    const next = await awaitReply(activities, auth, watermark);
    if (next === undefined) {
      unanswered++;
      continue;
    }
    latencies.push(performance.now() - began);
    watermark = next;
  }
  return { latencies, unanswered };
}
