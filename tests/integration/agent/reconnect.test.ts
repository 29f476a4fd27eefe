import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer, type StreamEvent } from './clients';

const texts = (events: readonly StreamEvent[]) =>
  events.map((e) => (e.data as { line: { text: string } }).line.text);

describe('event stream reconnect (Last-Event-ID)', () => {
  let a: AgentApp;
  let agents: string;
  let prefix: string;

  beforeAll(async () => {
    agents = await agentsJson();
    prefix = uniquePrefix('replay').replace(/:$/, '');
    a = await startAgentApp(buildTestFaq(), agents, { redisUrl: testRedisUrl(), prefix });
  });
  afterAll(async () => {
    await a?.close();
  });

  test('a stream that reconnects gets what it missed, once, then live events', async () => {
    const alice = await Agent.login(a.url, 'alice', PASSWORDS.alice);
    await alice.post('/presence', { presence: 'online' });
    const customer = await Customer.start(a.url);
    await customer.say(a.url, 'je veux parler à un conseiller');
    await alice.post(`/conversations/${customer.conversationId}/claim`);

    const first = alice.events();
    await first.ready;
    await customer.say(a.url, 'un');
    const [seen] = await first.take('customer-message', 1);
    first.close();

    // Dropped: the customer goes on writing.
    await customer.say(a.url, 'deux');
    await customer.say(a.url, 'trois');

    const again = alice.events(seen!.id);
    await again.ready;
    expect(texts(await again.take('customer-message', 2))).toEqual(['deux', 'trois']);
    await customer.say(a.url, 'quatre');
    const all = await again.take('customer-message', 3);
    expect(texts(all)).toEqual(['deux', 'trois', 'quatre']);
    expect(new Set(all.map((e) => e.id)).size).toBe(3);
    expect(again.all('reset')).toEqual([]);
    again.close();

    // Up to date: nothing replayed, no reset.
    const current = alice.events(all[2]!.id);
    await current.ready;
    await customer.say(a.url, 'cinq');
    expect(texts(await current.take('customer-message', 1))).toEqual(['cinq']);
    expect(current.all('reset')).toEqual([]);
    current.close();
    await alice.post(`/conversations/${customer.conversationId}/hand-back`);
    await alice.post('/presence', { presence: 'offline' });
  });

  test('reconnecting to an instance that cannot prove it has every missed event: reset (reload)', async () => {
    const alice = await Agent.login(a.url, 'alice', PASSWORDS.alice);
    await alice.post('/presence', { presence: 'online' });
    const customer = await Customer.start(a.url);
    await customer.say(a.url, 'je veux parler à un conseiller');
    await alice.post(`/conversations/${customer.conversationId}/claim`);
    const stream = alice.events();
    await stream.ready;
    await customer.say(a.url, 'un');
    const [seen] = await stream.take('customer-message', 1);
    stream.close();
    await customer.say(a.url, 'deux');

    // A second instance started after those events: it never saw them.
    const b = await startAgentApp(buildTestFaq(), agents, { redisUrl: testRedisUrl(), prefix });
    try {
      const onB = new Agent(b.url, alice.token).events(seen!.id);
      await onB.ready;
      await onB.take('reset', 1);
      expect(onB.all('customer-message')).toEqual([]);
      // The transcript holds what the reset asks the console to reload.
      const transcript = (await alice.get(`/conversations/${customer.conversationId}`)).json as {
        lines: { text: string }[];
      };
      expect(transcript.lines.map((l) => l.text)).toEqual(['un', 'deux']);
      onB.close();
    } finally {
      await b.close();
    }
    await alice.post(`/conversations/${customer.conversationId}/hand-back`);
    await alice.post('/presence', { presence: 'offline' });
  });
});
