import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer } from '../agent/clients';
import { postJson } from '../bot/app';
import { SmtpInbox } from '../../support/smtp-inbox';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { captureLog } from '../ops/log-capture';

/** Wednesday 11 March 2026, 23:00 in Paris: support is closed until tomorrow 08:00. */
const NIGHT = new Date('2026-03-11T22:00:00Z');
const PUBLIC_URL = 'https://aide.example.fr/support';
const DAY = 24 * 3600_000;

let inbox: SmtpInbox;
let agents: string;
beforeAll(async () => {
  inbox = await SmtpInbox.start();
  agents = await agentsJson();
});
afterAll(async () => {
  await inbox.close();
});

/** The reopen token in a link of the answer's e-mail. */
function linkIn(text: string): URL {
  const found = /https:\/\/aide\.example\.fr\/support\/\?\S+/.exec(text)?.[0];
  if (!found) throw new Error(`no reopen link in:\n${text}`);
  return new URL(found);
}

describe.each(['memory', 'redis'] as const)('a visitor at night, %s stores', (store) => {
  let now = NIGHT;
  let running: AgentApp;
  const logs = captureLog('debug');

  beforeAll(async () => {
    running = await startAgentApp(buildTestFaq(), agents, {
      now: () => now,
      log: logs.log,
      ...(store === 'redis' ? { redisUrl: testRedisUrl(), prefix: uniquePrefix('contact') } : {}),
      env: { ...inbox.env(), PUBLIC_URL, REOPEN_LINK_TTL_DAYS: '7' },
    });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('is told support is closed, asked for an address, and gets the answer by e-mail with a link back', async () => {
    now = NIGHT;
    const customer = await Customer.start(running.url);
    expect((await customer.texts(running.url))[0]).toMatch(
      /Le service Client est fermé en ce moment ; il ouvre demain à 08:00\.$/,
    );
    await customer.say(running.url, 'ma facture est fausse, je veux parler à un conseiller');
    expect((await customer.texts(running.url)).at(-1)).toMatch(
      /au plus tard jeudi 12 mars à 1\d:00\. Pour recevoir la réponse par e-mail, écrivez-moi votre adresse/,
    );
    await customer.say(running.url, 'mon mail c jean.dupont@example.com');
    expect((await customer.texts(running.url)).at(-1)).toMatch(
      /la réponse vous sera envoyée par e-mail à jean\.dupont@example\.com/,
    );
    const record = await running.side.agent.queue.get(customer.conversationId);
    expect(record?.state).toBe('ticket');
    expect(record?.contact).toEqual({ email: 'jean.dupont@example.com' });

    const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
    const listed = (await alice.get('/tickets')).json as { tickets: { id: string; contact: unknown }[] };
    expect(listed.tickets.find((t) => t.id === customer.conversationId)?.contact).toEqual({
      email: 'jean.dupont@example.com',
    });

    const before = inbox.mails.length;
    const answered = await alice.post(`/tickets/${customer.conversationId}/answer`, {
      text: 'Votre facture est corrigée.',
    });
    expect(answered.json).toMatchObject({ email: { sent: true } });
    const mail = inbox.mails[before];
    expect(mail?.to).toEqual(['jean.dupont@example.com']);
    expect(mail?.text).toContain('Votre facture est corrigée.');
    expect(mail?.text).toContain('Pour retrouver notre conversation et nous répondre, ouvrez ce lien :');
    // The conversation key (what the console, the logs and the CSV show) never appears in the mail.
    expect(mail?.raw).not.toContain(customer.conversationId);
    const link = linkIn(mail?.text ?? '');
    const token = link.searchParams.get('reprise') ?? '';

    // Anyone holding the link gets a Direct Line token on that conversation, and its history.
    const reopened = await postJson(`${running.url}/api/directline/reprise`, { token });
    expect(reopened.status).toBe(200);
    const body = reopened.json as { conversationId: string; token: string; userId: string };
    expect(body.conversationId).toBe(customer.conversationId);
    const page = await fetch(
      `${running.url}/v3/directline/conversations/${body.conversationId}/activities?watermark=`,
      { headers: { authorization: `Bearer ${body.token}` } },
    );
    const texts = ((await page.json()) as { activities: { type: string; text?: string }[] }).activities
      .filter((a) => a.type === 'message')
      .map((a) => a.text);
    expect(texts).toContain('ma facture est fausse, je veux parler à un conseiller');
    expect(texts).toContain('Votre facture est corrigée.');

    // Tampered, malformed, expired: a clear 4xx, never a conversation.
    const bent = `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    expect(await postJson(`${running.url}/api/directline/reprise`, { token: bent })).toMatchObject({
      status: 401,
      json: { error: { code: 'LinkInvalid' } },
    });
    expect(
      await postJson(`${running.url}/api/directline/reprise`, { token: customer.conversationId }),
    ).toMatchObject({ status: 401 });
    expect(await postJson(`${running.url}/api/directline/reprise`, {})).toMatchObject({
      status: 400,
      json: { error: { code: 'BadArgument' } },
    });
    now = new Date(NIGHT.getTime() + 7 * DAY + 1000);
    expect(await postJson(`${running.url}/api/directline/reprise`, { token })).toMatchObject({
      status: 410,
      json: { error: { code: 'LinkExpired' } },
    });
    now = NIGHT;
    // Personal data and link keys stay out of the logs: the address is masked, the token never written.
    expect(logs.raw.length).toBeGreaterThan(0);
    expect(logs.raw.join('\n')).not.toContain('jean.dupont@example.com');
    expect(logs.raw.join('\n')).not.toContain(token.slice(0, 40));
  });

  it('an address typed later fills an empty contact after a skip', async () => {
    now = NIGHT;
    const customer = await Customer.start(running.url);
    await customer.say(running.url, 'je veux parler à un conseiller');
    await customer.say(running.url, 'Pas d’e-mail');
    expect((await customer.texts(running.url)).at(-1)).toMatch(/^Entendu, sans e-mail/);
    expect((await running.side.agent.queue.get(customer.conversationId))?.contact).toEqual({});
    await customer.say(running.url, 'finalement écrivez-moi à marie@example.fr merci');
    expect((await customer.texts(running.url)).at(-1)).toMatch(/J’ai ajouté votre adresse à votre demande/);
    expect((await running.side.agent.queue.get(customer.conversationId))?.contact).toEqual({
      email: 'marie@example.fr',
    });
  });
});
