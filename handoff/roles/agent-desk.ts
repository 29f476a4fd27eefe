import type { TransferTarget } from '../transfer';
import type { ClaimResult, TransitionResult } from '../results';

/**
 * What an agent does with conversations: take one, answer, give it back, pass it on, hand it to the
 * bot, resolve it. Every with-agent move is refused unless the agent owns the conversation.
 */
export interface AgentDesk {
  /** The best waiting conversation this agent may take (priority, FIFO, language, skill, account manager). */
  claimNext(agentId: string): Promise<ClaimResult>;
  /** A given conversation (the agent picked it in the console). */
  claim(conversationId: string, agentId: string): Promise<ClaimResult>;
  /** The agent answered: the claim timeout stops. */
  agentReplied(conversationId: string, agentId: string): Promise<TransitionResult>;
  /** with-agent → queued, at the head. */
  release(conversationId: string, agentId: string): Promise<TransitionResult>;
  /**
   * with-agent, by its owner only. To an agent: stays with-agent, now owned by the target (online,
   * not away, speaks the language, has room: checked in the same step), whose claim timeout starts.
   * To a queue: → queued in its class by its first escalation time, optionally in another language
   * or skill (refused as not-routable when nobody available speaks that language); frees the owner.
   */
  transfer(conversationId: string, fromAgentId: string, target: TransferTarget): Promise<TransitionResult>;
  /** with-agent → bot. */
  handBack(conversationId: string, agentId: string): Promise<TransitionResult>;
  /** with-agent → resolved. */
  resolve(conversationId: string, agentId: string): Promise<TransitionResult>;
}
