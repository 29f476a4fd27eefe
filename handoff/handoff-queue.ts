import type { AgentPresence, AgentProfile, AgentStatus } from './agent';
import type { ConversationRecord, Escalation } from './conversation';
import type { TransferTarget } from './transfer';
import type {
  ClaimResult,
  ContactResult,
  ForgetResult,
  EnqueueResult,
  HeartbeatResult,
  PositionResult,
  PresenceResult,
  SweepResult,
  TransitionResult,
  WaitEstimateResult,
} from './results';

export interface QueuedEntry {
  readonly conversationId: string;
  /** "language:skill" */
  readonly queue: string;
  readonly score: number;
  /** Set while a B2B conversation waits for its own account manager. */
  readonly reservedFor?: string;
}

/**
 * Conversations waiting for a person, shared by every bot instance and the agent API.
 * Every method that changes state is one atomic step that checks the current state and returns a
 * typed result; refused transitions change nothing. Implementations: memory and Redis.
 */
export interface HandoffQueue {
  /** Customer activity: starts the silence timer (creates the conversation, with the bot, if new). */
  touch(conversationId: string): Promise<void>;

  /** bot|cancelled → queued, or → ticket outside business hours / with nobody online for the language. */
  enqueue(escalation: Escalation): Promise<EnqueueResult>;
  /** 1-based position in its queue; O(log n). */
  position(conversationId: string): Promise<PositionResult>;
  estimatedWait(conversationId: string): Promise<WaitEstimateResult>;
  /** queued|ticket|answered → cancelled: the customer stopped waiting (a ticket leaves the ticket list). */
  cancel(conversationId: string): Promise<TransitionResult>;

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
  /** Answered tickets with no reply for ticketQuietMs → resolved. Returns their ids. */
  resolveQuietTickets(): Promise<readonly string[]>;
  /**
   * The agent came online: open tickets in their languages whose customer was active within
   * customerPresentMs go ticket → queued (in hours only). Returns their ids, oldest ticket first.
   */
  offerTickets(agentId: string): Promise<readonly string[]>;
  /** Open tickets, oldest first. */
  tickets(limit?: number): Promise<readonly ConversationRecord[]>;
  /** Answered tickets awaiting the customer's reply, oldest answer first (still open cases: reports). */
  answeredTickets(limit?: number): Promise<readonly ConversationRecord[]>;

  /** Claim timeouts and silent agent consoles → head of the queue; due B2B reservations → pool. */
  requeueExpired(): Promise<SweepResult>;
  /** Conversations whose customer is silent too long (never queued ones) → closed. Returns their ids. */
  closeSilent(): Promise<readonly string[]>;

  /** Logs the agent in (or updates the profile): online, not away. */
  agentOnline(profile: AgentProfile): Promise<void>;
  /**
   * An online agent steps away or comes back. Away: keeps their conversations, gets no new ones
   * (claim, claimNext and transfers to them are refused; they count as nobody for routing, tickets
   * and estimated waits; their B2B reservations go to the pool). Heartbeats keep them online.
   */
  setPresence(agentId: string, presence: AgentPresence): Promise<PresenceResult>;
  heartbeat(agentId: string): Promise<HeartbeatResult>;
  /** The agent logs out: their conversations go back to the head of the queue. */
  agentOffline(agentId: string): Promise<readonly string[]>;
  agent(agentId: string): Promise<AgentStatus | null>;

  get(conversationId: string): Promise<ConversationRecord | null>;
  /**
   * Deletes a conversation's record for a customer's erasure; refused (nothing deleted) while it
   * is queued, with an agent or an open ticket. `forgotten: false` when there was none.
   */
  forget(conversationId: string): Promise<ForgetResult>;
  /** Supervisors: the next `limit` waiting conversations in serving order across all queues. */
  peek(limit?: number): Promise<readonly QueuedEntry[]>;

  /**
   * The e-mail address the customer gave in the chat, on that conversation's record (any state);
   * with `onlyIfEmpty`, kept out when an address is already on file (checked in the same step).
   */
  setContactEmail(
    conversationId: string,
    email: string,
    options?: { readonly onlyIfEmpty?: boolean },
  ): Promise<ContactResult>;

  /** Releases connections the queue opened itself (Redis); a no-op for the memory queue. */
  dispose(): Promise<void>;
}
