import type { ConversationRecord } from '../../handoff/index';
import type { RelayLine } from '../agent/relay-log';
import type { AgentTimes } from './close-info';

/**
 * The closing agent's times, from the queue's record (their claim: a transfer to them is their
 * claim) and the relayed lines (their first message after it). Every agent id on an earlier line
 * held the conversation then (only its owner writes, transfers or resolves): those who held it
 * before the closing agent, in order, are the ones who passed it on.
 */
export function agentTimesOf(
  record: ConversationRecord,
  agentId: string,
  lines: readonly RelayLine[],
  resolvedAt: number,
): AgentTimes {
  const claimedAt = record.claimedAt;
  const firstReply =
    claimedAt === undefined
      ? undefined
      : lines.find((l) => l.from === 'agent' && l.agentId === agentId && l.at >= claimedAt);
  const earlier: string[] = [];
  for (const line of lines) {
    if (!line.agentId || line.agentId === agentId || earlier.includes(line.agentId)) continue;
    if (claimedAt === undefined || line.at <= claimedAt) earlier.push(line.agentId);
  }
  return {
    ...(claimedAt !== undefined ? { claimedAt } : {}),
    ...(firstReply ? { firstReplyAt: firstReply.at } : {}),
    resolvedAt: Math.max(resolvedAt, claimedAt ?? 0),
    ...(earlier.length ? { earlierAgentIds: earlier } : {}),
  };
}
