import type { ConversationRecord } from '../conversation';
import type { TransitionResult } from '../results';

/** Tickets: escalations nobody could take live, their answers, and the customer's reply to one. */
export interface TicketBook {
  /**
   * ticket → answered, storing the answer (sending it is the TicketDesk's job): the case stays open
   * for the customer's reply, and leaves the ticket list.
   */
  answerTicket(conversationId: string, agentId: string, answer: string): Promise<TransitionResult>;
  /**
   * The customer replied to an answered ticket: answered → queued, reserved for the answering agent
   * when they are online, not away and have room (the pool after accountManagerWaitMs, like a B2B
   * reservation); otherwise answered → ticket, back in the ticket list at its first place.
   */
  customerReplied(conversationId: string): Promise<TransitionResult>;
  /** answered → resolved: the customer confirmed the answer settled it. */
  resolveTicket(conversationId: string): Promise<TransitionResult>;
  /**
   * The agent came online: open tickets in their languages whose customer was active within
   * customerPresentMs go ticket → queued (in hours only). Returns their ids, oldest ticket first.
   */
  offerTickets(agentId: string): Promise<readonly string[]>;
  /** Open tickets, oldest first. */
  tickets(limit?: number): Promise<readonly ConversationRecord[]>;
  /** Answered tickets awaiting the customer's reply, oldest answer first (still open cases: reports). */
  answeredTickets(limit?: number): Promise<readonly ConversationRecord[]>;
}
