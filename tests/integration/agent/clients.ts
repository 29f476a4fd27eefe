import { postJson } from '../bot/app';

export interface DlActivity {
  readonly id: string;
  readonly type: string;
  readonly text?: string;
  readonly from: { readonly id: string; readonly role?: string };
}

/** Polls until `check` returns a value (an awaited outcome, not a fixed sleep); fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A Web Chat customer, speaking Direct Line 3.0 to one instance (or several: same store). */
export class Customer {
  private constructor(
    readonly conversationId: string,
    readonly token: string,
  ) {}

  /** `identity`: a customer the site's backend vouches for (signed with IDENTITY_SECRET). */
  static async start(
    url: string,
    locale = 'fr-FR',
    identity?: { readonly customer: unknown; readonly signature: string },
  ): Promise<Customer> {
    const issued = await postJson(`${url}/api/directline/token`, identity ?? {});
    if (issued.status !== 200) throw new Error(`token refused: ${JSON.stringify(issued.json)}`);
    const { token } = issued.json as { token: string };
    const started = await postJson(
      `${url}/v3/directline/conversations`,
      { locale },
      { authorization: `Bearer ${token}` },
    );
    const json = started.json as { conversationId: string; token: string };
    return new Customer(json.conversationId, json.token);
  }

  /** What Web Chat's DirectLine client posts for an upload: an activity part and one "file" part per file. */
  async upload(
    url: string,
    files: readonly { name: string; type: string; bytes: Buffer }[],
    text = '',
    clientActivityID = `c-${Math.random()}`,
  ): Promise<{ status: number; json: unknown }> {
    const form = new FormData();
    const activity = {
      type: 'message',
      text,
      from: { id: 'c', role: 'user' },
      channelData: { clientActivityID },
    };
    form.append(
      'activity',
      new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }),
    );
    for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
    const res = await fetch(`${url}/v3/directline/conversations/${this.conversationId}/upload?userId=c`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}` },
      body: form,
    });
    return { status: res.status, json: await res.json() };
  }

  async say(url: string, text: string): Promise<void> {
    const res = await postJson(
      `${url}/v3/directline/conversations/${this.conversationId}/activities`,
      {
        type: 'message',
        text,
        locale: 'fr-FR',
        from: { id: 'c', role: 'user' },
        channelData: { clientActivityID: `c-${Math.random()}` },
      },
      { authorization: `Bearer ${this.token}` },
    );
    if (res.status !== 200) throw new Error(`customer post failed: ${res.status}`);
  }

  /** The customer's channel says they are typing (Web Chat sends this while they type). */
  async typing(url: string): Promise<void> {
    const res = await postJson(
      `${url}/v3/directline/conversations/${this.conversationId}/activities`,
      { type: 'typing', from: { id: 'c', role: 'user' } },
      { authorization: `Bearer ${this.token}` },
    );
    if (res.status !== 200) throw new Error(`customer typing failed: ${res.status}`);
  }

  /** Every activity the customer's Web Chat reads, of any type. */
  async activities(url: string): Promise<DlActivity[]> {
    const res = await fetch(
      `${url}/v3/directline/conversations/${this.conversationId}/activities?watermark=`,
      { headers: { authorization: `Bearer ${this.token}` } },
    );
    return ((await res.json()) as { activities: DlActivity[] }).activities;
  }

  /** Every message text in the conversation so far, customer's and bot's, in order. */
  async texts(url: string): Promise<string[]> {
    const res = await fetch(
      `${url}/v3/directline/conversations/${this.conversationId}/activities?watermark=`,
      {
        headers: { authorization: `Bearer ${this.token}` },
      },
    );
    const page = (await res.json()) as { activities: DlActivity[] };
    return page.activities.filter((a) => a.type === 'message').flatMap((a) => (a.text ? [a.text] : []));
  }

  /** What was said after the given number of messages. */
  async textsAfter(url: string, seen: number): Promise<string[]> {
    return (await this.texts(url)).slice(seen);
  }
}

/** An agent calling /api/agent with a session token. */
export class Agent {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  static async login(url: string, agentId: string, password: string): Promise<Agent> {
    const res = await postJson(`${url}/api/agent/login`, { agentId, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.json)}`);
    return new Agent(url, (res.json as { token: string }).token);
  }

  post(path: string, body: unknown = {}): Promise<{ status: number; json: unknown }> {
    return postJson(`${this.url}/api/agent${path}`, body, { authorization: `Bearer ${this.token}` });
  }

  async get(path: string): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${this.url}/api/agent${path}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** `lastEventId`: reconnect after the event with that id (the server replays what came after). */
  events(lastEventId?: string): EventStream {
    return new EventStream(`${this.url}/api/agent/events`, this.token, lastEventId);
  }
}

export interface StreamEvent {
  readonly event: string;
  readonly id?: string;
  readonly data: unknown;
}

/** Reads a Server-Sent Events stream; `next` waits for the next event of a type. */
export class EventStream {
  private readonly abort = new AbortController();
  private readonly received: StreamEvent[] = [];
  private waiters: (() => void)[] = [];
  readonly ready: Promise<void>;

  constructor(url: string, token: string, lastEventId?: string) {
    this.ready = this.read(url, token, lastEventId);
  }

  private async read(url: string, token: string, lastEventId?: string): Promise<void> {
    const res = await fetch(url, {
      headers: {
        authorization: `Bearer ${token}`,
        ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}),
      },
      signal: this.abort.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`event stream: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let first = true;
    const pump = async (): Promise<void> => {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch {
          return;
        }
        if (chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => l.includes(': ') && !l.startsWith(':'))
              .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]),
          ) as Record<string, string | undefined>;
          if (!fields.event) continue;
          this.received.push({
            event: fields.event,
            ...(fields.id ? { id: fields.id } : {}),
            data: JSON.parse(fields.data ?? 'null') as unknown,
          });
          const waiting = this.waiters;
          this.waiters = [];
          for (const wake of waiting) wake();
        }
        if (first && this.received.some((e) => e.event === 'ready')) {
          first = false;
          resolveReady();
        }
      }
    };
    let resolveReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    void pump();
    await ready;
  }

  /** Resolves with the events of this type once there are `count` of them. */
  async take(type: string, count: number): Promise<StreamEvent[]> {
    for (;;) {
      const matching = this.received.filter((e) => e.event === type);
      if (matching.length >= count) return matching.slice(0, count);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  all(type: string): StreamEvent[] {
    return this.received.filter((e) => e.event === type);
  }

  close(): void {
    this.abort.abort();
  }
}
