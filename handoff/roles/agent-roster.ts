import type { AgentPresence, AgentProfile, AgentStatus } from '../agent';
import type { HeartbeatResult, PresenceResult } from '../results';

/** Who is there to take conversations: login, away, console heartbeats, logout, an agent's status. */
export interface AgentRoster {
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
}
