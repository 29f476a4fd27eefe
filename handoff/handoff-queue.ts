import type { AgentDesk } from './roles/agent-desk';
import type { AgentRoster } from './roles/agent-roster';
import type { ConversationRecords } from './roles/conversation-records';
import type { Sweeps } from './roles/sweeps';
import type { TicketBook } from './roles/ticket-book';
import type { WaitingLine } from './roles/waiting-line';

export type { AgentDesk, AgentRoster, ConversationRecords, Sweeps, TicketBook, WaitingLine };
export type { QueuedEntry } from './roles/waiting-line';

/** Releases connections the queue opened itself (Redis); a no-op for the memory queue. */
export interface Disposable {
  dispose(): Promise<void>;
}

/**
 * Conversations waiting for a person, shared by every bot instance and the agent API: the role
 * interfaces (roles/), each with its own contract suite, joined. Every method that changes state is
 * one atomic step that checks the current state against TRANSITIONS and returns a typed result;
 * refused transitions change nothing. Implementations: memory/ and redis/, split by the same roles.
 * A caller that needs one role asks for that role only.
 */
export type HandoffQueue = WaitingLine &
  AgentDesk &
  AgentRoster &
  TicketBook &
  Sweeps &
  ConversationRecords &
  Disposable;
