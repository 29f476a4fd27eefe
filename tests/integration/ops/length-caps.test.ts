import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { postJson } from '../bot/app';
import { FakeConnector } from '../bot/fake-connector';
import { agentsJson, startAgentApp, type AgentApp } from '../agent/agent-app';
import { Customer } from '../agent/clients';

/*
 * Issue 14, item 2: every string kept from a request has a cap, checked at the edge. Over it is a
 * 400 naming the field, and nothing is stored: not in the bot's state, the queue or the log.
 */

const long = (n: number) => 'a'.repeat(n + 1);

describe.each([
  ['memory', false],
  ['redis', true],
])('length caps at the edge (%s stores)', (_name, useRedis) => {
  let running: AgentApp;
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await new FakeConnector().start();
    running = await startAgentApp(
      buildTestFaq(),
      await agentsJson(),
      useRedis ? { redisUrl: testRedisUrl(), prefix: uniquePrefix('caps') } : {},
    );
  });
  afterAll(async () => {
    await running?.close();
    await connector?.stop();
  });

  let n = 0;
  const botFramework = (overrides: Record<string, unknown>) => ({
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: `caps-${++n}` },
    from: { id: 'user-1', name: 'Client' },
    recipient: { id: 'relais', name: 'Relais' },
    locale: 'fr-FR',
    text: 'je veux parler à un conseiller',
    ...overrides,
  });

  test.each([
    [{ channelId: long(32) }, 'activity.channelId must be 1–32 letters'],
    [{ channelId: 'ms teams' }, 'activity.channelId must be 1–32 letters'],
    [{ conversation: { id: long(160) } }, 'activity.conversation.id is longer than 160 characters'],
    [{ conversation: { id: 'a b' } }, 'activity.conversation.id must not contain spaces'],
    [{ conversation: { id: 'a{b}' } }, 'activity.conversation.id must not contain spaces'],
    [{ id: long(256) }, 'activity.id is longer than 256 characters'],
    [{ from: { id: long(256) } }, 'activity.from.id is longer than 256 characters'],
    [{ from: { id: 'u', name: long(200) } }, 'activity.from.name is longer than 200 characters'],
    [
      { recipient: { id: 'relais', name: long(200) } },
      'activity.recipient.name is longer than 200 characters',
    ],
    [{ locale: long(35) }, 'activity.locale is longer than 35 characters'],
    [{ text: long(10_000) }, 'activity.text is longer than 10,000 characters'],
    [{ type: long(64) }, 'activity.type is longer than 64 characters'],
    [{ name: long(200) }, 'activity.name is longer than 200 characters'],
    [
      { serviceUrl: `${'http://127.0.0.1:1/'}${long(2048)}` },
      'activity.serviceUrl is longer than 2,048 characters',
    ],
  ])('/api/messages %j → 400, nothing kept', async (overrides, message) => {
    connector.replies.length = 0;
    const body = botFramework(overrides);
    const res = await postJson(`${running.url}/api/messages`, body);
    expect(res.status).toBe(400);
    expect((res.json as { error: { message: string } }).error.message).toContain(message);
    expect(connector.replies).toEqual([]);
    expect(await running.side.agent.queue.peek(100)).toEqual([]);
  });

  test('/api/messages at every cap exactly is answered', async () => {
    connector.replies.length = 0;
    const res = await postJson(
      `${running.url}/api/messages`,
      botFramework({
        channelId: 'c'.repeat(32),
        conversation: { id: 'i'.repeat(160) },
        from: { id: 'f'.repeat(256), name: 'n'.repeat(200) },
        text: `conseiller ${'t'.repeat(9_989)}`,
      }),
    );
    expect(res.status).toBe(200);
    expect(connector.replies.length).toBeGreaterThan(0);
    const key = `bf:${'c'.repeat(32)}:${'i'.repeat(160)}`;
    // Nobody is online: a ticket, under the full-length key.
    expect(await running.side.agent.queue.get(key)).toMatchObject({ id: key, state: 'ticket' });
  });

  test.each([
    [{ type: long(64) }, 'activity.type is longer than 64 characters'],
    [{ from: { id: 'c', name: long(200) } }, 'activity.from.name is longer than 200 characters'],
    [{ name: long(200) }, 'activity.name is longer than 200 characters'],
    [{ value: { blob: long(4096) } }, 'activity.value is larger than 4,096 characters of JSON'],
    [
      { channelData: { clientActivityID: 'c-1', junk: long(4096) } },
      'activity.channelData is larger than 4,096',
    ],
    [
      { entities: Array.from({ length: 11 }, () => ({ type: 'x' })) },
      'activity.entities holds more than 10 items',
    ],
    [{ text: long(10_000) }, 'activity.text is longer than 10,000 characters'],
  ])('Direct Line %j → 400, nothing appended', async (overrides, message) => {
    const customer = await Customer.start(running.url);
    const before = await customer.activities(running.url);
    const res = await postJson(
      `${running.url}/v3/directline/conversations/${customer.conversationId}/activities`,
      { type: 'message', text: 'bonjour', from: { id: 'c', role: 'user' }, ...overrides },
      { authorization: `Bearer ${customer.token}` },
    );
    expect(res.status).toBe(400);
    expect((res.json as { error: { message: string } }).error.message).toContain(message);
    expect(await customer.activities(running.url)).toEqual(before);
  });
});
