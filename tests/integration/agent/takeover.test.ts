import { fr } from '../../../bot/text/fr';
import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, type EventStream } from './clients';

let running: AgentApp;
let alice: Agent;
let stream: EventStream;

beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson());
  alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
  stream = alice.events();
  await stream.ready;
});
afterAll(async () => {
  stream?.close();
  await running?.close();
});

async function escalated(): Promise<Customer> {
  const customer = await Customer.start(running.url);
  await customer.say(running.url, 'je veux parler à un conseiller');
  return customer;
}

test('escalate, claim, messages both ways in order, the bot silent meanwhile, hand back, the bot answers again', async () => {
  const { url } = running;
  const customer = await escalated();
  const told = await customer.texts(url);
  expect(told.at(-1)).toMatch(/position 1 dans la file.*annuler/);

  const queued = await stream.take('queued', 1);
  expect(queued[0]?.data).toMatchObject({ conversationId: customer.conversationId, language: 'fr' });
  const queue = (await alice.get('/queue')).json as { waiting: unknown[] };
  expect(queue.waiting).toContainEqual(
    expect.objectContaining({
      id: customer.conversationId,
      state: 'queued',
      language: 'fr',
      priority: 'standard',
      reason: 'customer-request',
      firstLines: ['je veux parler à un conseiller'],
    }),
  );

  const claim = await alice.post(`/conversations/${customer.conversationId}/claim`);
  expect(claim.status).toBe(200);
  expect(claim.json).toMatchObject({ state: 'with-agent', agentId: 'alice' });

  expect(await customer.textsAfter(url, told.length)).toEqual([
    'Alice du service Client a rejoint la conversation.',
  ]);
  const seen = told.length + 1;
  await customer.say(url, 'Bonjour, ma facture est fausse');
  // A question the bot knows: while Alice has the conversation, the bot does not answer it.
  await customer.say(url, 'comment payer');
  const relayed = await stream.take('customer-message', 2);
  expect(relayed.map((e) => (e.data as { line: { text: string } }).line.text)).toEqual([
    'Bonjour, ma facture est fausse',
    'comment payer',
  ]);
  // Event ids: one sequence, increasing (what a reconnecting stream sends back as Last-Event-ID).
  const [first, second] = relayed.map((e) => Number(e.id));
  expect(second).toBeGreaterThan(first!);

  expect(
    (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'Bonjour, je regarde.' }))
      .status,
  ).toBe(200);
  expect(
    (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'C’est corrigé.' }))
      .status,
  ).toBe(200);
  expect(await customer.textsAfter(url, seen)).toEqual([
    'Bonjour, ma facture est fausse',
    'comment payer',
    'Bonjour, je regarde.',
    'C’est corrigé.',
  ]);

  const transcript = (await alice.get(`/conversations/${customer.conversationId}`)).json as {
    lines: { from: string; text: string; seq: number }[];
    botTranscript: { from: string; text: string }[];
    context: Record<string, unknown>;
  };
  expect(transcript.lines.map((l) => [l.seq, l.from, l.text])).toEqual([
    [1, 'customer', 'Bonjour, ma facture est fausse'],
    [2, 'customer', 'comment payer'],
    [3, 'agent', 'Bonjour, je regarde.'],
    [4, 'agent', 'C’est corrigé.'],
  ]);
  expect(transcript.botTranscript).toContainEqual(
    expect.objectContaining({ from: 'customer', text: 'je veux parler à un conseiller' }),
  );
  expect(transcript.context).toMatchObject({
    trigger: 'customer-request',
    language: 'fr',
    channelId: 'webchat',
  });
  expect(transcript.context).not.toHaveProperty('reference');

  expect((await alice.post(`/conversations/${customer.conversationId}/hand-back`)).status).toBe(200);
  const afterHandBack = (await customer.texts(url)).length;
  expect((await customer.texts(url)).slice(-2)).toEqual([
    'Alice vous a repassé à l’assistant.',
    'Vous parlez de nouveau à l’assistant virtuel (un robot). Avez-vous une autre question ?',
  ]);
  await customer.say(url, 'comment payer');
  expect(await customer.textsAfter(url, afterHandBack)).toEqual([
    'comment payer',
    'Carte bancaire, virement et CESU.',
    'Est-ce que cela répond à votre question ?',
  ]);
});

test('"annuler" while waiting takes the customer back to the bot and out of the queue', async () => {
  const { url } = running;
  const customer = await escalated();
  await customer.say(url, 'annuler');
  expect((await customer.texts(url)).at(-1)).toMatch(/j’annule la demande/);
  const queue = (await alice.get('/queue')).json as { waiting: { id: string }[] };
  expect(queue.waiting.map((w) => w.id)).not.toContain(customer.conversationId);
  const seen = (await customer.texts(url)).length;
  await customer.say(url, 'comment payer');
  expect((await customer.textsAfter(url, seen))[1]).toBe('Carte bancaire, virement et CESU.');
});

test('a message while waiting is kept for the agent; resolve runs the closing hook', async () => {
  const { url } = running;
  const customer = await escalated();
  await customer.say(url, 'c’est pour une facture');
  expect((await customer.texts(url)).at(-1)).toMatch(
    /déjà transmise.*Vous êtes en position 1, attente estimée : environ \d+ min\./,
  );
  expect((await alice.post('/claim-next')).json).toMatchObject({ id: customer.conversationId });
  const transcript = (await alice.get(`/conversations/${customer.conversationId}`)).json as {
    lines: { from: string; text: string }[];
  };
  expect(transcript.lines).toEqual([
    expect.objectContaining({ from: 'customer', text: 'c’est pour une facture' }),
  ]);

  const resolved = await alice.post(`/conversations/${customer.conversationId}/resolve`, {
    reason: 'facture renvoyée',
  });
  expect(resolved.json).toMatchObject({ state: 'resolved' });
  // The closing words come from the agent's side, not the bot's "ravi d'avoir pu vous aider".
  const closing = await customer.texts(url);
  expect(closing.at(-1)).toBe(fr.agentResolved);
  expect(closing.join('\n')).not.toMatch(/ravi d’avoir pu vous aider/);
  // The conversation is no longer Alice's: it cannot be written to any more.
  expect(
    (await alice.post(`/conversations/${customer.conversationId}/messages`, { text: 'encore ?' })).status,
  ).toBe(403);
});
