import { buildTestFaq } from '../../support/test-faq';
import { OPEN_TIME } from '../../support/test-settings';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent, Customer } from './clients';

const stores: [string, () => { redisUrl?: string; prefix?: string }][] = [
  ['memory', () => ({})],
  ['redis', () => ({ redisUrl: testRedisUrl(), prefix: uniquePrefix('answer').replace(/:$/, '') })],
];

const LEFT =
  'Alice a quitté la conversation. Vous êtes de nouveau dans la file : un autre conseiller va vous répondre ici.';

describe.each(stores)('AGENT_ANSWER_TIMEOUT_MIN over real sockets (%s stores)', (_name, options) => {
  let running: AgentApp;
  let now = OPEN_TIME;

  beforeAll(async () => {
    running = await startAgentApp(buildTestFaq(), await agentsJson(), {
      ...options(),
      now: () => now,
      env: { AGENT_ANSWER_TIMEOUT_MIN: '10' },
    });
  });
  afterAll(async () => {
    await running?.close();
  });

  /** Moves the server's clock on while both consoles keep beating (they stay online). */
  async function wait(ms: number, consoles: readonly Agent[]): Promise<void> {
    for (let left = ms; left > 0; left -= 20_000) {
      now = new Date(now.getTime() + Math.min(left, 20_000));
      for (const c of consoles) expect((await c.post('/heartbeat')).status).toBe(200);
    }
  }

  test('an unanswered customer goes back to the queue at its place, the console told, the customer told Alice left', async () => {
    const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
    const bruno = await Agent.login(running.url, 'bruno', PASSWORDS.bruno);
    for (const a of [alice, bruno])
      expect((await a.post('/presence', { presence: 'online' })).status).toBe(200);
    const events = alice.events();
    await events.ready;

    const customer = await Customer.start(running.url, 'fr-FR');
    await customer.say(running.url, 'je veux parler à un conseiller');
    const id = customer.conversationId;
    expect((await alice.post(`/conversations/${id}/claim`)).status).toBe(200);
    expect((await alice.post(`/conversations/${id}/messages`, { text: 'Bonjour, je regarde.' })).status).toBe(
      200,
    );
    // Someone who escalated later waits in the queue.
    now = new Date(now.getTime() + 1_000);
    const later = await Customer.start(running.url, 'fr-FR');
    await later.say(running.url, 'je veux parler à un conseiller');

    // Answered: no timer. Ten minutes on, nothing happens.
    await wait(11 * 60_000, [alice, bruno]);
    expect((await running.side.sweep()).requeued).toEqual([]);

    await customer.say(running.url, 'Vous êtes toujours là ?');
    const seen = (await customer.texts(running.url)).length;
    await wait(10 * 60_000, [alice, bruno]); // exactly ten minutes: not more yet
    expect((await running.side.sweep()).requeued).toEqual([]);
    expect((await running.side.agent.queue.get(id))?.state).toBe('with-agent');

    await wait(1_000, [alice, bruno]);
    const report = await running.side.sweep();
    expect(report.unanswered).toEqual([{ conversationId: id, agentId: 'alice' }]);
    const [told] = await events.take('answer-timeout', 1);
    expect(told?.data).toEqual({ type: 'answer-timeout', conversationId: id, agentId: 'alice' });
    expect(await customer.textsAfter(running.url, seen)).toEqual([LEFT]);
    // Its place kept: ahead of the customer who escalated after it.
    expect(await running.side.agent.queue.position(id)).toEqual({ ok: true, position: 1, queueLength: 2 });
    expect((await alice.get('/queue')).status).toBe(200);
    const next = await bruno.post('/claim-next');
    expect(next.json).toMatchObject({ id });

    // A second sweep finds nothing more to requeue and tells nobody again.
    await wait(20_000, [alice, bruno]);
    expect((await running.side.sweep()).unanswered).toEqual([]);
    expect(events.all('answer-timeout')).toHaveLength(1);
    events.close();
  });
});
