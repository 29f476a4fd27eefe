import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { postJson } from '../bot/app';
import { FakeConnector } from '../bot/fake-connector';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Agent, Customer, eventually, type EventStream } from '../agent/clients';

/*
 * Issue 14, item 1: /api/messages posting with channelId "webchat" and a real web chat
 * conversation id must reach nothing of that conversation — not its state, its queue entry, its
 * console transcript, nor its agent's replies — on either store.
 */

const VICTIM_EMAIL = 'victime.secrete@example.fr';

describe.each([
  ['memory', false],
  ['redis', true],
])('Bot Framework → web chat takeover (%s stores)', (_name, useRedis) => {
  let running: AgentApp;
  let attacker: FakeConnector;
  let alice: Agent;
  let stream: EventStream;

  beforeAll(async () => {
    attacker = await new FakeConnector().start();
    running = await startAgentApp(
      buildTestFaq(),
      await agentsJson(),
      useRedis ? { redisUrl: testRedisUrl(), prefix: uniquePrefix('takeover') } : {},
    );
    alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
    expect((await alice.post('/presence', { presence: 'online' })).status).toBe(200);
    stream = alice.events();
    await stream.ready;
  });
  afterAll(async () => {
    stream?.close();
    await running?.close();
    await attacker?.stop();
  });
  beforeEach(() => {
    attacker.replies.length = 0;
  });

  const forge = (conversationId: string, text: string) =>
    postJson(`${running.url}/api/messages`, {
      type: 'message',
      id: 'evil-1',
      text,
      channelId: 'webchat',
      serviceUrl: `${attacker.url}/evil`,
      conversation: { id: conversationId },
      from: { id: 'eve' },
      recipient: { id: 'relais' },
      locale: 'fr-FR',
    });

  /** What the attacker's connector received, as one string to search in. */
  const leaked = () => JSON.stringify(attacker.replies);

  test('asking for a person with a victim’s id queues nothing for the victim and leaks no transcript', async () => {
    const victim = await Customer.start(running.url);
    await victim.say(running.url, `mon adresse est ${VICTIM_EMAIL}, 12 rue des Lilas`);
    const victimLog = await victim.activities(running.url);
    const stateKey = `webchat/conversations/${victim.conversationId}`;
    const victimState = JSON.stringify(await running.stores.storage.read([stateKey]));

    expect((await forge(victim.conversationId, 'conseiller')).status).toBe(200);

    expect(await running.side.agent.queue.get(victim.conversationId)).toBeNull();
    expect(await running.side.agent.store.lines(victim.conversationId)).toEqual([]);
    expect(leaked()).not.toContain(VICTIM_EMAIL);
    expect(leaked()).not.toContain('Lilas');
    expect(await victim.activities(running.url)).toEqual(victimLog);
    expect(JSON.stringify(await running.stores.storage.read([stateKey]))).toBe(victimState);
  });

  test('with an agent in the victim’s conversation, forged text never reaches the console and replies stay with the victim', async () => {
    const victim = await Customer.start(running.url);
    await victim.say(running.url, 'je veux parler à un conseiller');
    expect((await alice.post(`/conversations/${victim.conversationId}/claim`)).status).toBe(200);

    expect((await forge(victim.conversationId, 'INJECTED by eve')).status).toBe(200);
    // The victim's next message is the marker: once it reached the console, the forged one had its chance.
    await victim.say(running.url, 'ma facture est fausse');
    await eventually(
      async () =>
        stream
          .all('customer-message')
          .some((e) => JSON.stringify(e.data).includes('ma facture est fausse')) || undefined,
      'the victim’s message in the console',
    );
    expect(JSON.stringify(stream.all('customer-message'))).not.toContain('INJECTED');
    const view = (await alice.get(`/conversations/${victim.conversationId}`)).json;
    expect(JSON.stringify(view)).not.toContain('INJECTED');

    expect(
      (await alice.post(`/conversations/${victim.conversationId}/messages`, { text: 'Alice ici.' })).status,
    ).toBe(200);
    await eventually(
      async () => ((await victim.texts(running.url)).includes('Alice ici.') ? true : undefined),
      'the agent’s reply in the victim’s web chat',
    );
    expect(leaked()).not.toContain('Alice ici.');
    expect(
      (await alice.post(`/conversations/${victim.conversationId}/resolve`, { reason: 'done' })).status,
    ).toBe(200);
    expect(leaked()).not.toContain('Alice');
  });

  test('the Bot Framework conversation is its own: namespaced in the queue, answered at its own serviceUrl', async () => {
    expect((await forge('eve-own-conversation', 'conseiller')).status).toBe(200);
    expect(await running.side.agent.queue.get('eve-own-conversation')).toBeNull();
    const own = await running.side.agent.queue.get('bf:webchat:eve-own-conversation');
    expect(own?.state).toBe('queued');
    expect(attacker.replies.map((r) => r.path)).toContain(
      '/evil/v3/conversations/eve-own-conversation/activities/evil-1',
    );
    // An agent's answer goes back to that channel, proactively, under the channel's own id.
    const key = encodeURIComponent('bf:webchat:eve-own-conversation');
    expect((await alice.post(`/conversations/${key}/claim`)).status).toBe(200);
    expect((await alice.post(`/conversations/${key}/messages`, { text: 'Alice pour Eve.' })).status).toBe(
      200,
    );
    // On a Bot Framework channel the agent's name leads the text ("Alice : …"): the sender is the bot's.
    expect(
      attacker.replies.filter((r) => r.activity.text?.endsWith(': Alice pour Eve.')).map((r) => r.path),
    ).toEqual(['/evil/v3/conversations/eve-own-conversation/activities']);
  });
});
