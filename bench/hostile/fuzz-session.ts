import type { FuzzCredentials } from './route-fuzzer';

export interface FuzzSessionOptions {
  readonly supervisorToken: string;
  readonly metricsToken?: string;
  readonly agent: { readonly id: string; readonly password: string };
}

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

interface Chat {
  readonly conversationId: string;
  readonly token: string;
}

/** A Web Chat customer over the local Direct Line: token, conversation, optionally a first message. */
async function startChat(url: string, text?: string): Promise<Chat> {
  const issued = await post(`${url}/api/directline/token`, {});
  const { token } = issued.json as { token: string };
  const started = await post(`${url}/v3/directline/conversations`, { locale: 'fr-FR' }, token);
  const chat = started.json as Chat;
  if (text !== undefined) {
    const said = await post(
      `${url}/v3/directline/conversations/${chat.conversationId}/activities`,
      { type: 'message', text, locale: 'fr-FR', from: { id: 'c', role: 'user' } },
      chat.token,
    );
    if (said.status !== 200) throw new Error(`fuzz session: customer post failed (${said.status})`);
  }
  return chat;
}

/**
 * A real customer with an agent, another waiting, the agent online and the supervisor's token: the
 * ids and credentials the fuzzer mixes into its requests so that it also reaches what lies behind
 * each guard.
 */
export async function fuzzSession(url: string, options: FuzzSessionOptions): Promise<FuzzCredentials> {
  const claimed = await startChat(url, 'je veux parler à un conseiller');
  const login = await post(`${url}/api/agent/login`, {
    agentId: options.agent.id,
    password: options.agent.password,
  });
  if (login.status !== 200) throw new Error(`fuzz session: agent login failed (${login.status})`);
  const agentToken = (login.json as { token: string }).token;
  await post(`${url}/api/agent/presence`, { presence: 'online' }, agentToken);
  await post(`${url}/api/agent/conversations/${claimed.conversationId}/claim`, {}, agentToken);
  const waiting = await startChat(url, 'je veux parler à un conseiller');
  return {
    params: {
      conversationId: [claimed.conversationId, waiting.conversationId],
      id: [claimed.conversationId, waiting.conversationId],
      customerId: ['cust-1', 'c_cust-1'],
      uploadId: ['AAAAAAAAAAAAAAAAAAAAAA'],
    },
    owners: {
      [claimed.conversationId]: `Bearer ${claimed.token}`,
      [waiting.conversationId]: `Bearer ${waiting.token}`,
    },
    authorizations: [
      `Bearer ${claimed.token}`,
      `Bearer ${waiting.token}`,
      `Bearer ${agentToken}`,
      `Bearer ${options.supervisorToken}`,
      ...(options.metricsToken ? [`Bearer ${options.metricsToken}`] : []),
    ],
  };
}

/** The server still serves: /healthz answers 200 and a new customer gets the bot's welcome. */
export async function stillServing(url: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    if ((await fetch(`${url}/healthz`)).status !== 200) return false;
    const chat = await startChat(url);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const res = await fetch(
        `${url}/v3/directline/conversations/${chat.conversationId}/activities?watermark=`,
        {
          headers: { authorization: `Bearer ${chat.token}` },
        },
      );
      const page = (await res.json()) as { activities?: { type: string; from?: { role?: string } }[] };
      if (page.activities?.some((a) => a.type === 'message' && a.from?.role === 'bot')) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  } catch {
    return false;
  }
}
