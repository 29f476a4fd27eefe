import type { ConversationRecord } from '../../../handoff/index';
import type { RelayLine } from '../../../bot/agent/relay-log';
import { agentTimesOf } from '../../../bot/closing/agent-times';
import { agentTimesFields } from '../../../bot/closing/close-info';
import { recordFromQueue } from '../../../bot/closing/record-from-queue';
import { silentLog } from '../../../bot/log';
import { MemorySurveyStore } from '../../../insights/index';

const record = (claimedAt?: number): ConversationRecord => ({
  id: 'c1',
  state: 'resolved',
  agentId: 'bruno',
  ...(claimedAt !== undefined ? { claimedAt } : {}),
  contact: {},
  transcript: [],
  context: {},
  updatedAt: 0,
});

let seq = 0;
const line = (from: RelayLine['from'], agentId: string | undefined, at: number): RelayLine => ({
  seq: ++seq,
  from,
  text: 'x',
  at,
  ...(agentId ? { agentId } : {}),
});

describe('the closing agent’s times', () => {
  test('first reply after their own claim; earlier holders in order, once each; customers and the closer left out', () => {
    const lines = [
      line('customer', undefined, 100),
      line('agent', 'alice', 200),
      line('agent', 'bruno', 250), // Bruno held it once before: not his first reply this time
      line('system', 'emma', 300), // Emma transferred it without writing
      line('agent', 'alice', 350),
      line('agent', 'bruno', 900),
      line('agent', 'bruno', 950),
    ];
    expect(agentTimesOf(record(800), 'bruno', lines, 1000)).toEqual({
      claimedAt: 800,
      firstReplyAt: 900,
      resolvedAt: 1000,
      earlierAgentIds: ['alice', 'emma'],
    });
  });

  test('no reply yet, and no claim time: only what is known', () => {
    expect(agentTimesOf(record(800), 'bruno', [], 1000)).toEqual({ claimedAt: 800, resolvedAt: 1000 });
    expect(agentTimesOf(record(), 'bruno', [line('agent', 'bruno', 5)], 1000)).toEqual({ resolvedAt: 1000 });
  });

  test('the context fields carry only known times', () => {
    expect(agentTimesFields(undefined)).toEqual({});
    expect(agentTimesFields({ claimedAt: 1, resolvedAt: 3, earlierAgentIds: [] })).toEqual({
      agentClaimedAt: 1,
      agentResolvedAt: 3,
    });
  });
});

test('a conversation recorded from the queue alone (its channel refused the closing turn) keeps the agent times and the wait', async () => {
  const surveys = new MemorySurveyStore();
  const closedAt = 2_000;
  await recordFromQueue(
    { surveys, clock: () => new Date(closedAt), log: silentLog },
    'fr',
    { ...record(800), language: 'fr', escalatedAt: 500 },
    {
      agentId: 'bruno',
      waitMs: 300,
      agentTimes: { claimedAt: 800, firstReplyAt: 900, resolvedAt: 1000, earlierAgentIds: ['alice'] },
    },
  );
  expect((await surveys.get('c1'))?.context).toMatchObject({
    path: 'escalated',
    agentId: 'bruno',
    waitMs: 300,
    agentClaimedAt: 800,
    agentFirstReplyAt: 900,
    agentResolvedAt: 1000,
    earlierAgentIds: ['alice'],
  });
});
