import { MemoryHandoffQueue } from '../../../handoff/index';
import { MemoryAgentEventBus, type AgentEvent } from '../../../bot/agent/events';
import { QueueHandoffPort } from '../../../bot/agent/queue-handoff-port';
import { MemoryRelayLog } from '../../../bot/agent/relay-log';
import type { HandoffRequest } from '../../../bot/ports/handoff';
import { OPEN_TIME } from '../../support/test-settings';

function setup() {
  const queue = new MemoryHandoffQueue({ clock: { now: () => OPEN_TIME.getTime() } });
  const bus = new MemoryAgentEventBus();
  const events: AgentEvent[] = [];
  bus.subscribe((d) => {
    if (d.kind === 'event') events.push(d.event);
  });
  const port = new QueueHandoffPort({ queue, store: new MemoryRelayLog(), bus, clock: () => OPEN_TIME });
  return { queue, port, events };
}

const request = (conversationId: string, vip = false): HandoffRequest => ({
  conversationId,
  channelId: 'webchat',
  locale: 'fr',
  reason: 'customer-request',
  transcript: [{ from: 'customer', text: 'un conseiller', at: OPEN_TIME.getTime() }],
  context: {
    reason: 'customer-request',
    lastMessage: 'un conseiller',
    ...(vip ? { customer: { id: 'c1', vip: true, b2b: false } } : {}),
  },
  reference: {
    channelId: 'webchat',
    conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' },
  },
});

test('queued with position and wait; asking again tells the same place; a VIP goes first', async () => {
  const { queue, port, events } = setup();
  await queue.agentOnline({ agentId: 'alice', languages: ['fr'], capacity: 2 });
  expect(await port.requestHandoff(request('c-1'))).toEqual({
    status: 'queued',
    position: 1,
    waitMs: 150_000,
  });
  expect(await port.requestHandoff(request('c-1'))).toMatchObject({ status: 'queued', position: 1 });
  expect(await port.requestHandoff(request('c-vip', true))).toMatchObject({ status: 'queued', position: 1 });
  expect((await queue.get('c-vip'))?.priority).toBe('vip');
  expect(events.filter((e) => e.type === 'queued').map((e) => e.conversationId)).toEqual(['c-1', 'c-vip']);
  expect(await port.customerMessage('c-1', 'toujours là')).toEqual({
    route: 'waiting',
    position: 2,
    waitMs: 300_000,
  });
});

test('ownership comes from the queue: with-agent relays, handed back returns to the bot', async () => {
  const { queue, port, events } = setup();
  await queue.agentOnline({ agentId: 'alice', languages: ['fr'] });
  await port.requestHandoff(request('c-2'));
  await queue.claim('c-2', 'alice');
  expect(await port.customerMessage('c-2', 'bonjour')).toEqual({ route: 'agent' });
  expect(events.at(-1)).toMatchObject({
    type: 'customer-message',
    agentId: 'alice',
    line: { seq: 1, text: 'bonjour' },
  });
  await queue.handBack('c-2', 'alice');
  expect(await port.customerMessage('c-2', 'merci')).toEqual({ route: 'bot' });
});

test('an id the queue cannot key is not queued, and nothing throws', async () => {
  const { port } = setup();
  expect(await port.requestHandoff(request('has space'))).toEqual({ status: 'recorded' });
  expect(await port.customerMessage('has space', 'x')).toEqual({ route: 'waiting' });
  await expect(port.cancelHandoff('{brace}')).resolves.toBeUndefined();
});
