import { Redis } from 'ioredis';
import type { HistoryConversation } from '../../../bot/history/history-store';
import { historyKeys } from '../../../keyspace/index';
import { RedisHistoryStore } from '../../../bot/history/redis-history-store';
import { buildTestFaq } from '../../support/test-faq';
import { testRedisUrl, uniquePrefix } from '../../support/prefix';
import { postJson } from '../bot/app';
import { FakeConnector } from '../bot/fake-connector';
import { agentsJson, PASSWORDS, startAgentApp, type AgentApp } from './agent-app';
import { Agent } from './clients';
import { teamsCustomer } from './teams-customer';

let running: AgentApp;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await new FakeConnector().start();
  running = await startAgentApp(buildTestFaq(), await agentsJson());
});
afterAll(async () => {
  await running?.close();
  await connector?.stop();
});

test('a Bot Framework channel: the agent’s message is in the history once, as theirs; the closing words once; system lines are events "system"', async () => {
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'online' });
  const send = teamsCustomer(running.url, connector.url, 'teams-history-1');
  const id = 'bf:msteams:teams-history-1';
  expect((await send('je veux parler à un conseiller')).status).toBe(200);
  expect((await alice.post(`/conversations/${id}/claim`)).status).toBe(200);
  const said = 'Je regarde votre dossier tout de suite.';
  expect((await alice.post(`/conversations/${id}/messages`, { text: said })).status).toBe(200);
  expect((await alice.post(`/conversations/${id}/resolve`, { reason: 'réglé' })).status).toBe(200);

  // The channel got the name before the text…
  const texts = connector.replies.map((r) => r.activity.text ?? '');
  expect(texts).toContainEqual(expect.stringMatching(/^Alice\s:\sJe regarde votre dossier/u));
  // The resolve answers once the closing words are sent.
  const closing = ((await alice.get(`/history/${id}`)).json as HistoryConversation).lines;

  // …and the history has the agent's line once, as they wrote it, never as the bot's.
  const messages = closing.filter((l) => l.kind === 'message');
  expect(messages.filter((l) => l.text.includes('Je regarde votre dossier'))).toEqual([
    expect.objectContaining({ from: 'agent', agentId: 'alice', text: said }),
  ]);
  // The closing words (Relais's template, said in Alice's name) are kept once, without the prefix.
  expect(messages.filter((l) => l.from === 'agent')).toHaveLength(1);
  expect(messages.filter((l) => l.text.includes('Je clôture notre échange'))).toEqual([
    expect.objectContaining({ from: 'bot', agentId: 'alice', text: expect.stringMatching(/^Je clôture/) }),
  ]);
  expect(messages.filter((l) => l.from === 'bot' && /^Alice\s:/u.test(l.text))).toEqual([]);
  // The relay log's "resolved: réglé" is a system event, not a "note".
  expect(closing).toContainEqual(
    expect.objectContaining({ kind: 'event', event: 'system', text: 'resolved: réglé' }),
  );
  expect(closing.filter((l) => l.kind === 'event' && (l.event as string) === 'note')).toEqual([]);
});

test('system lines stored before the rename (event "note") read back as "system"', async () => {
  const redis = new Redis(testRedisUrl());
  try {
    const keys = historyKeys(uniquePrefix('history-legacy'));
    const store = new RedisHistoryStore(redis, { keys, ttlSeconds: 3600, defaultLocale: 'fr' });
    await store.append('legacy-1', [{ kind: 'message', from: 'customer', text: 'bonjour', at: 1 }]);
    // What an older Relais wrote for a relay system line.
    await redis.rpush(
      keys.lines('legacy-1'),
      JSON.stringify({ kind: 'event', at: 2, event: 'note', text: 'resolved: ok' }),
    );
    const read = await store.get('legacy-1');
    expect(read?.lines[1]).toEqual({ kind: 'event', at: 2, event: 'system', text: 'resolved: ok', seq: 2 });
  } finally {
    await redis.quit();
  }
});

test('a ticket answered while the customer is in the chat: the answer is in the history once, as the agent’s', async () => {
  const emma = await Agent.login(running.url, 'emma', PASSWORDS.emma);
  const alice = await Agent.login(running.url, 'alice', PASSWORDS.alice);
  await alice.post('/presence', { presence: 'offline' });
  const send = (text: string) =>
    postJson(`${running.url}/api/messages`, {
      type: 'message',
      id: `ticket-act-${text.length}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      conversation: { id: 'teams-history-ticket' },
      from: { id: 'user-2', name: 'Customer' },
      recipient: { id: 'relais', name: 'Relais' },
      locale: 'en-US',
      text,
    });
  const id = 'bf:msteams:teams-history-ticket';
  // Nobody speaks English online: a ticket.
  expect((await send('I want to talk to a person about my order')).status).toBe(200);
  const answer = 'Your order ships tomorrow morning.';
  const res = await emma.post(`/tickets/${id}/answer`, { text: answer });
  expect(res.status).toBe(200);
  expect((res.json as { deliveredInChat: boolean }).deliveredInChat).toBe(true);
  expect(connector.replies.map((r) => r.activity.text)).toContainEqual(`Emma: ${answer}`);
  const lines = ((await emma.get(`/history/${id}`)).json as HistoryConversation).lines;
  expect(lines.filter((l) => l.kind === 'message' && l.text.includes(answer))).toEqual([
    expect.objectContaining({ from: 'agent', agentId: 'emma', text: answer }),
  ]);
});
