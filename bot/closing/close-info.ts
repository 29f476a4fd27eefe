import type { CustomerFacingAgent } from '../agent/customer-relay';
import type { ConversationOutcome, ConversationPath } from '../../insights/index';

/** What the side closing the conversation knows and the bot does not (an agent's resolve). */
export interface CloseInfo {
  readonly path?: ConversationPath;
  readonly agentId?: string;
  readonly waitMs?: number;
  /** The closing agent's own times and who held it before them (per-agent figures). */
  readonly agentTimes?: AgentTimes;
  /** The customer, when the closing side knows them (a proactive turn carries no identity). */
  readonly customerId?: string;
  /** Default resolved; closed-silent when the customer stopped answering. */
  readonly outcome?: ConversationOutcome;
  /** The customer just said the answer helped: "did we answer" is not asked. */
  readonly customerConfirmedAnswer?: boolean;
}

/** An agent resolved a conversation they held: who, and how long the customer waited for them. */
export interface AgentResolve {
  readonly conversationId: string;
  /** The agent's id and the name the customer knows them by (their closing words carry it). */
  readonly agent: CustomerFacingAgent;
}

/** An agent answered a ticket: the answer in the chat when the customer still has it open. */
export interface TicketAnswerDelivery {
  readonly conversationId: string;
  readonly agent: CustomerFacingAgent;
  readonly text: string;
}

/** When the closing agent took the conversation, first answered and resolved it; who held it before. */
export interface AgentTimes {
  readonly claimedAt?: number;
  readonly firstReplyAt?: number;
  readonly resolvedAt?: number;
  readonly earlierAgentIds?: readonly string[];
}

/** The context fields of the per-agent figures (insights' ConversationContext), only those known. */
export function agentTimesFields(times: AgentTimes | undefined): {
  agentClaimedAt?: number;
  agentFirstReplyAt?: number;
  agentResolvedAt?: number;
  earlierAgentIds?: string[];
} {
  if (!times) return {};
  return {
    ...(times.claimedAt !== undefined ? { agentClaimedAt: times.claimedAt } : {}),
    ...(times.firstReplyAt !== undefined ? { agentFirstReplyAt: times.firstReplyAt } : {}),
    ...(times.resolvedAt !== undefined ? { agentResolvedAt: times.resolvedAt } : {}),
    ...(times.earlierAgentIds?.length ? { earlierAgentIds: times.earlierAgentIds.slice(0, 20) } : {}),
  };
}
