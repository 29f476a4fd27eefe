import type { CustomerFacingAgent } from '../agent/customer-relay';
import type { ConversationOutcome, ConversationPath } from '../../insights/index';

/** What the side closing the conversation knows and the bot does not (an agent's resolve). */
export interface CloseInfo {
  readonly path?: ConversationPath;
  readonly agentId?: string;
  readonly waitMs?: number;
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
