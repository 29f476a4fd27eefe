import { createHmac } from 'node:crypto';
import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { SmtpInbox } from '../../support/smtp-inbox';
import { Agent, Customer } from './clients';

const IDENTITY_SECRET = 'site-backend-secret-site-backend-secret-42';
let smtp: SmtpInbox;
let running: AgentApp;
let now = OPEN_TIME;

beforeAll(async () => {
  smtp = await SmtpInbox.start();
  running = await startAgentApp(buildTestFaq(), await agentsJson(), {
    now: () => now,
    env: { IDENTITY_SECRET, ...smtp.env() },
  });
});
afterAll(async () => {
  await running?.close();
  await smtp?.close();
});

function later(ms: number): void {
  now = new Date(now.getTime() + ms);
}

/** Nobody is online: asking for a person opens a ticket. */
async function ticket(identified?: { id: string; name: string; email: string }): Promise<Customer> {
  const identity = identified
    ? {
        customer: identified,
        signature: createHmac('sha256', IDENTITY_SECRET).update(JSON.stringify(identified)).digest('hex'),
      }
    : undefined;
  const customer = await Customer.start(running.url, 'fr-FR', identity);
  await customer.say(running.url, 'je veux parler à un conseiller');
  expect((await customer.texts(running.url)).at(-1)).toMatch(/Nos conseillers sont absents/);
  later(1_000);
  return customer;
}

test('tickets listed oldest first, read, answered once by e-mail and in the chat', async () => {
  const martin = await ticket({ id: 'C-1', name: 'Mme Martin', email: 'martin@example.com' });
  const anonymous = await ticket();
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  const emma = await Agent.login(running.url, 'emma', PASSWORDS.emma);

  const listed = (await alice.get('/tickets')).json as { tickets: { id: string; contact: unknown }[] };
  expect(listed.tickets.map((t) => t.id)).toEqual([martin.conversationId, anonymous.conversationId]);
  expect(listed.tickets[0]).toMatchObject({
    contact: { name: 'Mme Martin', email: 'martin@example.com' },
    language: 'fr',
    firstLines: ['je veux parler à un conseiller'],
  });
  // Emma speaks English only: neither listed nor answerable.
  expect(((await emma.get('/tickets')).json as { tickets: unknown[] }).tickets).toEqual([]);
  expect((await emma.post(`/tickets/${martin.conversationId}/answer`, { text: 'Hello' })).status).toBe(403);

  const read = (await alice.get(`/conversations/${martin.conversationId}`)).json as {
    conversation: { state: string };
    botTranscript: { text: string }[];
  };
  expect(read.conversation.state).toBe('ticket');
  expect(read.botTranscript.map((l) => l.text)).toContain('je veux parler à un conseiller');

  const answered = await alice.post(`/tickets/${martin.conversationId}/answer`, {
    text: 'Votre facture est corrigée.',
  });
  expect(answered.status).toBe(200);
  expect(answered.json).toMatchObject({
    id: martin.conversationId,
    state: 'answered',
    deliveredInChat: true,
    email: { sent: true },
  });
  expect(smtp.mails).toHaveLength(1);
  expect(smtp.mails[0]?.to).toEqual(['martin@example.com']);
  expect(smtp.mails[0]?.raw).toContain('Votre facture est corrig');
  expect((await martin.texts(running.url)).at(-1)).toBe('Votre facture est corrigée.');
  // Exactly once.
  const again = await alice.post(`/tickets/${martin.conversationId}/answer`, { text: 'encore' });
  expect(again.status).toBe(409);
  expect(smtp.mails).toHaveLength(1);

  // No e-mail address, and the customer left the chat long ago: stored, not delivered anywhere else.
  later(20 * 60_000);
  const quiet = await alice.post(`/tickets/${anonymous.conversationId}/answer`, { text: 'Rappelez-nous.' });
  expect(quiet.json).toMatchObject({
    state: 'answered',
    deliveredInChat: false,
    email: { sent: false, why: 'the customer left no e-mail address' },
  });
  expect(await anonymous.texts(running.url)).not.toContain('Rappelez-nous.');
  expect(((await alice.get('/tickets')).json as { tickets: unknown[] }).tickets).toEqual([]);
});

test('a bad answer body is a 400 naming the field; an unknown ticket a 404', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  expect(await alice.post('/tickets/nope/answer', { text: '' })).toMatchObject({
    status: 400,
    json: { error: { message: expect.stringMatching(/^text:/) } },
  });
  expect((await alice.post('/tickets/nope/answer', { text: 'Bonjour' })).status).toBe(404);
});
