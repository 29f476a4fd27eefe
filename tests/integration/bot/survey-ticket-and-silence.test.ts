import { TicketDesk, type Mailer, type MailMessage } from '../../../handoff/index';
import { MemorySurveyStore } from '../../../insights/index';
import { type BuiltAgentSide } from '../../../bot/root/agent-side';
import { type RelaisServer } from '../../../bot/server';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer } from '../agent/clients';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME, SUNDAY_NOON } from '../../support/test-settings';
import { postJson } from './app';
import { FakeConnector } from './fake-connector';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const SUPERVISOR_TOKEN = 'supervisor-token-for-tests-0123';
const HOURS = 3600_000;
const QUIET_HOURS = 20;
let nowMs = OPEN_TIME.getTime();
let running: AgentApp;
let app: RelaisServer;
let side: BuiltAgentSide;
let url: string;
let desk: TicketDesk;
const surveys = new MemorySurveyStore();
const mails: MailMessage[] = [];
const mailer: Mailer = {
  send: async (message) => {
    mails.push(message);
    return { messageId: `m-${mails.length}` };
  },
  close: async () => undefined,
};

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    now: () => new Date(nowMs),
    // Within the day a Direct Line token lives, so the customer still reads the chat after the quiet time.
    env: { SUPERVISOR_TOKEN, TICKET_QUIET_HOURS: String(QUIET_HOURS), TOKEN_TTL_SECONDS: '86400' },
    surveys,
  });
  ({ app, side, url } = running);
  // The console's chat side, as AgentTickets wires it: the answer said through the closing service.
  desk = new TicketDesk({
    queue: side.agent.queue,
    mailer,
    chat: {
      deliver: (conversationId, text) =>
        app.closing.ticketAnswered({ conversationId, agent: { id: 'bruno', displayName: 'Bruno' }, text }),
    },
  });
});

afterAll(() => running?.close());

/** A Bot Framework connector that refuses every post with 403, counting them. */
async function refuseOn(port: string): Promise<{ server: Server; hits: number }> {
  const state = { server: undefined as unknown as Server, hits: 0 };
  state.server = createHttpServer((_req, res) => {
    state.hits += 1;
    res.writeHead(403, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'gone' } }));
  });
  await new Promise<void>((resolve) => state.server.listen(Number(port), '127.0.0.1', resolve));
  expect((state.server.address() as AddressInfo).port).toBe(Number(port));
  return state;
}

async function summary(day: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/api/reports/summary?from=${day}&to=${day}`, {
    headers: { authorization: `Bearer ${SUPERVISOR_TOKEN}` },
  });
  return ((await res.json()) as { report: Record<string, unknown> }).report;
}

const CES = "À quel point était-ce facile d'obtenir une résolution à votre problème ?";

describe('a ticket answer leaves the case open; the survey comes when it is resolved', () => {
  test('the customer is still in the chat: the answer, no survey; "merci c\'est réglé" resolves it, then the survey once', async () => {
    nowMs = SUNDAY_NOON.getTime();
    const customer = await Customer.start(url);
    await customer.say(url, 'je veux parler à un conseiller');
    expect((await side.agent.queue.get(customer.conversationId))?.state).toBe('ticket');

    nowMs += 10 * 60_000; // an agent on duty answers ten minutes later, the customer still there
    const answered = await desk.answer(customer.conversationId, 'bruno', 'Votre avoir a été émis ce matin.');
    expect(answered).toMatchObject({ ok: true, deliveredInChat: true });
    const seen = await customer.texts(url);
    expect(seen.at(-1)).toBe('Votre avoir a été émis ce matin.');
    expect(seen).not.toContain(CES);
    expect((await side.agent.queue.get(customer.conversationId))?.state).toBe('answered');
    expect(await surveys.get(customer.conversationId)).toBeUndefined();

    await customer.say(url, "merci c'est réglé");
    expect(await customer.textsAfter(url, seen.length)).toEqual([
      "merci c'est réglé",
      'Parfait, je clôture votre demande. Merci de nous avoir répondu !',
      CES,
    ]);
    expect((await side.agent.queue.get(customer.conversationId))?.state).toBe('resolved');
    // Recorded as soon as the survey starts, before any answer.
    expect(await surveys.get(customer.conversationId)).toMatchObject({
      context: { path: 'ticket', agentId: 'bruno', escalationReason: 'customer-request' },
    });
    const asked = (await customer.texts(url)).length;
    for (const reply of ['4', '3', 'passer']) await customer.say(url, reply);
    expect(await customer.textsAfter(url, asked)).toEqual([
      '4',
      // The customer said it settled it: "did we answer" is not asked.
      'Êtes-vous satisfait du service Client ?',
      '3',
      expect.stringMatching(/^Avez-vous des commentaires/),
      'passer',
      'Merci pour votre retour ! Bonne journée.',
    ]);
    expect(await surveys.get(customer.conversationId)).toMatchObject({
      ces: 4,
      csat: 3,
      context: { path: 'ticket', language: 'fr', channel: 'webchat', agentId: 'bruno' },
    });
    // Resolved: the quiet sweep has nothing left to survey.
    nowMs += (QUIET_HOURS + 1) * HOURS;
    expect((await side.sweep()).quietTickets).toEqual([]);
    expect((await customer.texts(url)).filter((t) => t === CES)).toHaveLength(1);
  });

  test('answered from the console: the reply goes back to the same agent, who resolves it; the survey is asked once', async () => {
    nowMs = SUNDAY_NOON.getTime();
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    const customer = await Customer.start(url);
    await customer.say(url, 'je veux parler à un conseiller'); // Sunday: a ticket
    expect((await side.agent.queue.get(customer.conversationId))?.state).toBe('ticket');
    nowMs += 5 * 60_000;
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const answered = await alice.post(`/tickets/${customer.conversationId}/answer`, {
      text: 'Votre remboursement part demain.',
    });
    expect(answered.status).toBe(200);
    expect(answered.json).toMatchObject({ deliveredInChat: true, state: 'answered' });
    const tickets = (await alice.get('/tickets')).json as { tickets: { id: string }[] };
    expect(tickets.tickets.map((t) => t.id)).not.toContain(customer.conversationId);
    const seen = await customer.texts(url);
    expect(seen.at(-1)).toBe('Votre remboursement part demain.');

    await customer.say(url, 'Et celui de mars, il part aussi ?');
    const record = await side.agent.queue.get(customer.conversationId);
    expect(record).toMatchObject({ state: 'queued' });
    const queue = (await alice.get('/queue')).json as { waiting: { id: string }[] };
    expect(queue.waiting.map((c) => c.id)).toContain(customer.conversationId);
    // Bruno does not see it: it waits for Alice, who answered.
    const bruno = await Agent.login(url, 'bruno', PASSWORDS.bruno);
    expect((await bruno.post('/presence', { presence: 'online' })).status).toBe(200);
    const brunoQueue = (await bruno.get('/queue')).json as { waiting: { id: string }[] };
    expect(brunoQueue.waiting.map((c) => c.id)).not.toContain(customer.conversationId);

    expect((await alice.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
    const transcript = (await alice.get(`/conversations/${customer.conversationId}`)).json as {
      lines: { from: string; text: string }[];
    };
    expect(transcript.lines.map((l) => [l.from, l.text])).toEqual(
      expect.arrayContaining([
        ['agent', 'Votre remboursement part demain.'],
        ['customer', 'Et celui de mars, il part aussi ?'],
      ]),
    );
    const before = (await customer.texts(url)).length;
    expect(
      (await alice.post(`/conversations/${customer.conversationId}/resolve`, { reason: 'answered' })).status,
    ).toBe(200);
    // The agent's closing words, then the survey: not the bot's "ravi d'avoir pu vous aider".
    expect(await customer.textsAfter(url, before)).toEqual([
      'Je clôture notre échange : votre demande est traitée. Merci de nous avoir contactés et bonne journée !',
      CES,
    ]);
    for (const reply of ['2', 'oui', '4', 'passer']) await customer.say(url, reply);
    expect(await surveys.get(customer.conversationId)).toMatchObject({
      ces: 2,
      csat: 4,
      context: { path: 'ticket', agentId: 'alice' },
    });
    nowMs += (QUIET_HOURS + 1) * HOURS;
    await alice.post('/heartbeat');
    expect((await side.sweep()).quietTickets).toEqual([]);
    expect((await customer.texts(url)).filter((t) => t === CES)).toHaveLength(1);
    await alice.post('/presence', { presence: 'offline' });
    await bruno.post('/presence', { presence: 'offline' });
  });

  test('answered long after the customer left: nothing said; without a reply for TICKET_QUIET_HOURS it is resolved and surveyed, once', async () => {
    nowMs = SUNDAY_NOON.getTime();
    const customer = await Customer.start(url);
    await customer.say(url, 'je veux parler à un conseiller');
    const before = (await customer.texts(url)).length;
    nowMs += 20 * 60_000; // past the 15 minutes a customer counts as still in the chat
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    const answered = await alice.post(`/tickets/${customer.conversationId}/answer`, { text: 'Réglé.' });
    expect(answered.json).toMatchObject({ deliveredInChat: false, state: 'answered' });
    expect((await customer.texts(url)).length).toBe(before);
    expect(await surveys.get(customer.conversationId)).toBeUndefined();

    nowMs += (QUIET_HOURS - 1) * HOURS; // not yet TICKET_QUIET_HOURS
    expect((await side.sweep()).quietTickets).not.toContain(customer.conversationId);
    nowMs += 1 * HOURS;
    expect((await side.sweep()).quietTickets).toContain(customer.conversationId);
    expect((await side.agent.queue.get(customer.conversationId))?.state).toBe('resolved');
    const stored = await surveys.get(customer.conversationId);
    expect(stored).toMatchObject({ context: { path: 'ticket', agentId: 'alice' } });
    expect(stored?.ces).toBeUndefined();
    // The question waits in the conversation for a customer who comes back; asked once.
    expect(await customer.textsAfter(url, before)).toEqual([CES]);
    expect((await side.sweep()).quietTickets).toEqual([]);
    expect(await customer.textsAfter(url, before)).toEqual([CES]);
  });

  test('the customer is gone (their channel refuses): recorded from the queue once the ticket is quiet, path ticket, no answers', async () => {
    nowMs = SUNDAY_NOON.getTime();
    const connector = await new FakeConnector().start();
    const conversationId = `gone-${Math.random().toString(36).slice(2)}`;
    const res = await postJson(`${url}/api/messages`, {
      type: 'message',
      id: 'act-1',
      channelId: 'slack',
      serviceUrl: connector.url,
      conversation: { id: conversationId },
      from: { id: 'user-1', name: 'Client' },
      recipient: { id: 'relais', name: 'Relais' },
      locale: 'fr-FR',
      text: 'je veux parler à un conseiller',
    });
    expect(res.status).toBe(200);
    // The stores know a Bot Framework conversation by its key: entry point, channel, the channel's id.
    const key = `bf:slack:${conversationId}`;
    expect((await side.agent.queue.get(key))?.state).toBe('ticket');
    await connector.stop();
    // The channel now refuses the conversation (the customer left or blocked the bot): 403 on the same address.
    const refusing = await refuseOn(new URL(connector.url).port);

    nowMs += 20 * HOURS;
    const answered = await desk.answer(key, 'alice', 'Votre avoir a été émis.');
    expect(answered).toMatchObject({ ok: true, deliveredInChat: false });
    expect(await surveys.get(key)).toBeUndefined();
    nowMs += QUIET_HOURS * HOURS;
    expect((await side.sweep()).quietTickets).toContain(key);
    const stored = await surveys.get(key);
    expect(stored).toMatchObject({
      context: {
        conversationId: key,
        path: 'ticket',
        language: 'fr',
        channel: 'slack',
        agentId: 'alice',
        escalationReason: 'customer-request',
      },
    });
    expect(stored?.ces).toBeUndefined();
    expect(stored?.answered).toBeUndefined();
    expect(refusing.hits).toBeGreaterThan(0);
    await new Promise<void>((resolve) => refusing.server.close(() => resolve()));
  });
});

describe('conversation closed on customer silence', () => {
  test('recorded with its path, language, entries and the closed-silent outcome, no survey; counted in the reports', async () => {
    nowMs = OPEN_TIME.getTime() + 24 * 3600_000; // Thursday, open
    const alice = await Agent.login(url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    const customer = await Customer.start(url);
    await customer.say(url, 'comment payer');
    await customer.say(url, 'Non');
    expect((await alice.post('/claim-next')).json).toMatchObject({ id: customer.conversationId });
    expect(
      (
        await alice.post(`/conversations/${customer.conversationId}/messages`, {
          text: 'Bonjour, je regarde.',
        })
      ).status,
    ).toBe(200);
    const before = (await customer.texts(url)).length;

    nowMs += 16 * 60_000; // the customer said nothing for 16 minutes
    expect((await alice.post('/heartbeat')).status).toBe(200);
    const report = await side.sweep();
    expect(report.closedSilent).toEqual([customer.conversationId]);

    const stored = await surveys.get(customer.conversationId);
    expect(stored).toMatchObject({
      context: {
        path: 'escalated',
        outcome: 'closed-silent',
        language: 'fr',
        kbEntryIds: ['payment-methods'],
        escalationReason: 'answer-refused',
        agentId: 'alice',
      },
    });
    expect(stored?.ces).toBeUndefined();
    // Nothing is said to a customer who left, and no survey is pending for them.
    expect((await customer.texts(url)).length).toBe(before);
    // The web chat page is told the conversation is over: its next visit starts a new one.
    const log = (await (
      await fetch(`${url}/v3/directline/conversations/${customer.conversationId}/activities`, {
        headers: { authorization: `Bearer ${customer.token}` },
      })
    ).json()) as { activities: { type: string }[] };
    expect(log.activities.at(-1)?.type).toBe('endOfConversation');
    await customer.say(url, 'comment payer');
    expect((await customer.texts(url)).slice(-2)).toEqual([
      'Carte bancaire, virement et CESU.',
      'Est-ce que cela répond à votre question ?',
    ]);

    const day = new Date(nowMs).toISOString().slice(0, 10);
    const figures = await summary(day);
    expect(figures.conversations).toBe(1);
    expect(figures.responses).toBe(0);
    expect(figures.closedSilent).toEqual({ count: 1, total: 1, rate: 1 });
  });
});
