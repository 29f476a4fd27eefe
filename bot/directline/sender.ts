import { z } from 'zod';

/**
 * channelData field of a message an agent wrote: who the customer sees as its sender. botbuilder
 * sets every outgoing `from` to the bot, so the relay says it here and the adapter writes `from`.
 */
export const AGENT_SENDER_FIELD = 'relaisAgent';
/** channelData field of a presence notice (agent joined, left, handed back): Web Chat draws it as an event line. */
export const NOTICE_FIELD = 'relaisNotice';

export const noticeKinds = ['agent-joined', 'agent-left', 'agent-handed-back'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

const agentSenderSchema = z.strictObject({
  id: z.string().regex(/^agent:[A-Za-z0-9._-]{1,64}$/),
  name: z.string().min(1).max(40),
});
export type AgentSender = z.output<typeof agentSenderSchema>;

/**
 * The `from` of a stored bot activity written by an agent (undefined: the bot's own). Role
 * 'bot' either way: Web Chat draws 'user' activities as the customer's own, and withdraws
 * suggested actions only when the last message is from a 'bot'.
 */
export function agentFrom(channelData: unknown): { id: string; name: string; role: 'bot' } | undefined {
  const field =
    typeof channelData === 'object' && channelData !== null
      ? (channelData as Record<string, unknown>)[AGENT_SENDER_FIELD]
      : undefined;
  const agent = agentSenderSchema.safeParse(field);
  return agent.success ? { ...agent.data, role: 'bot' } : undefined;
}
