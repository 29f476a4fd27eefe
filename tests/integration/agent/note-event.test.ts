import { buildTestFaq } from '../../support/test-faq';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';

/** A note reaches, live, every agent who may read its conversation, and nobody else. */
let running: AgentApp;
beforeAll(async () => {
  running = await startAgentApp(buildTestFaq(), await agentsJson());
});
afterAll(() => running?.close());

test('a note on a queued French conversation: Alice and Bruno get `note` with the line, Emma (English only) does not', async () => {
  const url = running.url;
  const [alice, bruno, emma] = await Promise.all([
    Agent.login(url, 'alice', PASSWORDS.alice),
    Agent.login(url, 'bruno', PASSWORDS.bruno),
    Agent.login(url, 'emma', PASSWORDS.emma),
  ]);
  for (const a of [alice, bruno, emma])
    expect((await a.post('/presence', { presence: 'online' })).status).toBe(200);
  const streams = [alice.events(), bruno.events(), emma.events()];
  await Promise.all(streams.map((s) => s.ready));
  const customer = await Customer.start(url);
  await customer.say(url, 'je veux parler à un conseiller');

  const written = await alice.post(`/conversations/${customer.conversationId}/notes`, {
    text: 'NOTE-LIVE rappel',
  });
  expect(written.status).toBe(200);
  const line = written.json as { seq: number };
  for (const stream of streams.slice(0, 2)) {
    const [event] = await stream.take('note', 1);
    expect(event?.data).toEqual({
      type: 'note',
      conversationId: customer.conversationId,
      readers: ['alice', 'bruno'],
      line: expect.objectContaining({
        seq: line.seq,
        from: 'note',
        text: 'NOTE-LIVE rappel',
        agentId: 'alice',
      }),
    });
  }
  // Emma's stream carries what came after (the claim), never the note: she may not read it.
  const emmaStream = streams[2];
  const before = emmaStream?.all('queue-changed').length ?? 0;
  expect((await bruno.post(`/conversations/${customer.conversationId}/claim`)).status).toBe(200);
  await emmaStream?.take('queue-changed', before + 1);
  expect(emmaStream?.all('note')).toEqual([]);
  for (const stream of streams) stream.close();
});
