import type { AgentPresence, AgentProfile } from './agent';
import type { Escalation } from './conversation';
import type { HandoffQueue } from './handoff-queue';
import type { AgentDesk } from './roles/agent-desk';
import type { AgentRoster } from './roles/agent-roster';
import type { ConversationRecords } from './roles/conversation-records';
import type { Sweeps } from './roles/sweeps';
import type { TicketBook } from './roles/ticket-book';
import type { WaitingLine } from './roles/waiting-line';
import type { TransferTarget } from './transfer';

/** One implementation of each role, sharing one store's state. */
export interface HandoffRoles {
  readonly line: WaitingLine;
  readonly desk: AgentDesk;
  readonly roster: AgentRoster;
  readonly book: TicketBook;
  readonly sweeps: Sweeps;
  readonly records: ConversationRecords;
}

/**
 * The roles joined into one HandoffQueue, for callers that use several: every method is its role's
 * own, nothing added. Each store's class (memory, Redis) builds its roles and disposes itself.
 */
export abstract class JoinedHandoffQueue implements HandoffQueue {
  protected constructor(private readonly roles: HandoffRoles) {}

  abstract dispose(): Promise<void>;

  // waiting line
  touch(conversationId: string) {
    return this.roles.line.touch(conversationId);
  }
  enqueue(escalation: Escalation) {
    return this.roles.line.enqueue(escalation);
  }
  position(conversationId: string) {
    return this.roles.line.position(conversationId);
  }
  estimatedWait(conversationId: string) {
    return this.roles.line.estimatedWait(conversationId);
  }
  cancel(conversationId: string) {
    return this.roles.line.cancel(conversationId);
  }
  peek(limit?: number) {
    return this.roles.line.peek(limit);
  }

  // agent desk
  claimNext(agentId: string) {
    return this.roles.desk.claimNext(agentId);
  }
  claim(conversationId: string, agentId: string) {
    return this.roles.desk.claim(conversationId, agentId);
  }
  agentReplied(conversationId: string, agentId: string) {
    return this.roles.desk.agentReplied(conversationId, agentId);
  }
  release(conversationId: string, agentId: string) {
    return this.roles.desk.release(conversationId, agentId);
  }
  transfer(conversationId: string, fromAgentId: string, target: TransferTarget) {
    return this.roles.desk.transfer(conversationId, fromAgentId, target);
  }
  handBack(conversationId: string, agentId: string) {
    return this.roles.desk.handBack(conversationId, agentId);
  }
  resolve(conversationId: string, agentId: string) {
    return this.roles.desk.resolve(conversationId, agentId);
  }

  // agent roster
  agentOnline(profile: AgentProfile) {
    return this.roles.roster.agentOnline(profile);
  }
  setPresence(agentId: string, presence: AgentPresence) {
    return this.roles.roster.setPresence(agentId, presence);
  }
  heartbeat(agentId: string) {
    return this.roles.roster.heartbeat(agentId);
  }
  agentOffline(agentId: string) {
    return this.roles.roster.agentOffline(agentId);
  }
  agent(agentId: string) {
    return this.roles.roster.agent(agentId);
  }

  // ticket book
  answerTicket(conversationId: string, agentId: string, answer: string) {
    return this.roles.book.answerTicket(conversationId, agentId, answer);
  }
  customerReplied(conversationId: string) {
    return this.roles.book.customerReplied(conversationId);
  }
  resolveTicket(conversationId: string) {
    return this.roles.book.resolveTicket(conversationId);
  }
  offerTickets(agentId: string) {
    return this.roles.book.offerTickets(agentId);
  }
  tickets(limit?: number) {
    return this.roles.book.tickets(limit);
  }
  answeredTickets(limit?: number) {
    return this.roles.book.answeredTickets(limit);
  }

  // sweeps
  requeueExpired() {
    return this.roles.sweeps.requeueExpired();
  }
  closeSilent() {
    return this.roles.sweeps.closeSilent();
  }
  resolveQuietTickets() {
    return this.roles.sweeps.resolveQuietTickets();
  }

  // conversation records
  get(conversationId: string) {
    return this.roles.records.get(conversationId);
  }
  forget(conversationId: string) {
    return this.roles.records.forget(conversationId);
  }
  setContactEmail(conversationId: string, email: string, options?: { readonly onlyIfEmpty?: boolean }) {
    return this.roles.records.setContactEmail(conversationId, email, options);
  }
}
