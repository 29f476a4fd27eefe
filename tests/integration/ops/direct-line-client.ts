/** A bare Direct Line customer for fault tests: every answer is returned, never thrown. */
export interface Answer {
  readonly status: number;
  readonly text: string;
  readonly retryAfter: string | null;
}

export interface LoggedActivity {
  readonly id: string;
  readonly type: string;
  readonly text?: string;
  readonly from: { readonly role?: string };
  readonly channelData?: { readonly clientActivityID?: string };
}

async function call(url: string, init: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  return { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') };
}

export class DirectLineCustomer {
  private constructor(
    readonly url: string,
    readonly conversationId: string,
    readonly token: string,
  ) {}

  /** Token then conversation; undefined when either step was refused (e.g. 503 during an outage). */
  static async start(url: string): Promise<DirectLineCustomer | undefined> {
    const issued = await call(`${url}/api/directline/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (issued.status !== 200) return undefined;
    const { token } = JSON.parse(issued.text) as { token: string };
    const started = await call(`${url}/v3/directline/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ locale: 'fr-FR' }),
    });
    if (started.status !== 201 && started.status !== 200) return undefined;
    const json = JSON.parse(started.text) as { conversationId: string; token: string };
    return new DirectLineCustomer(url, json.conversationId, json.token);
  }

  /** On another instance sharing the same stores (and token secret). */
  on(url: string): DirectLineCustomer {
    return new DirectLineCustomer(url, this.conversationId, this.token);
  }

  say(text: string, clientActivityID: string): Promise<Answer> {
    return call(`${this.url}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({
        type: 'message',
        text,
        locale: 'fr-FR',
        from: { id: 'customer', role: 'user' },
        channelData: { clientActivityID },
      }),
    });
  }

  async activities(): Promise<LoggedActivity[]> {
    const page = await call(
      `${this.url}/v3/directline/conversations/${this.conversationId}/activities?watermark=`,
      {
        headers: { authorization: `Bearer ${this.token}` },
      },
    );
    if (page.status !== 200) throw new Error(`polling failed: ${page.status} ${page.text}`);
    return (JSON.parse(page.text) as { activities: LoggedActivity[] }).activities;
  }

  /** The bot's (or agent's) message texts so far. */
  async replies(): Promise<string[]> {
    return (await this.activities())
      .filter((a) => a.type === 'message' && a.from.role !== 'user')
      .flatMap((a) => (a.text ? [a.text] : []));
  }
}
