import type { AgentPresence, AgentProfile, AgentStatus } from '../agent';
import type { HeartbeatResult, PresenceResult } from '../results';
import type { AgentRoster } from '../roles/agent-roster';
import type { MemoryCore } from './core';
import type { MemoryMoves } from './moves';
/** The memory store's roster: agents' login, away, heartbeats, logout and status. */
export class MemoryAgentRoster implements AgentRoster {
  constructor(
    private readonly core: MemoryCore,
    private readonly moves: MemoryMoves,
  ) {}

  async agentOnline(profile: AgentProfile): Promise<void> {
    const p = this.core.policy.agentProfile(profile);
    const now = this.core.policy.now();
    const existing = this.core.agents.get(p.agentId);
    this.core.agents.set(p.agentId, {
      languages: p.languages,
      skills: p.skills,
      capacity: p.capacity,
      heartbeatAt: now,
      away: false,
      conversations: existing?.conversations ?? new Set(),
    });
    this.core.onlineAgents.add(p.agentId, now);
  }

  async heartbeat(agentId: string): Promise<HeartbeatResult> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const agent = this.core.agents.get(aid);
    if (!agent || this.core.onlineAgents.score(aid) === undefined)
      return { ok: false, reason: 'agent-offline' };
    const now = this.core.policy.now();
    agent.heartbeatAt = now;
    this.core.onlineAgents.add(aid, now);
    return { ok: true };
  }

  async setPresence(agentId: string, presence: AgentPresence): Promise<PresenceResult> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const away = this.core.policy.presence(presence) === 'away';
    const agent = this.core.agents.get(aid);
    if (!agent || this.core.onlineAgents.score(aid) === undefined)
      return { ok: false, reason: 'agent-offline' };
    const now = this.core.policy.now();
    agent.away = away;
    agent.heartbeatAt = now;
    this.core.onlineAgents.add(aid, now);
    const toPool: string[] = [];
    if (away) {
      for (const e of this.core.reserved.get(aid)?.head(Number.MAX_SAFE_INTEGER) ?? []) {
        this.moves.moveToPool(e.id);
        toPool.push(e.id);
      }
    }
    return { ok: true, toPool };
  }

  async agentOffline(agentId: string): Promise<readonly string[]> {
    const aid = this.core.policy.id(agentId, 'agentId');
    return this.moves.dropAgent(aid).requeued;
  }

  async agent(agentId: string): Promise<AgentStatus | null> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const a = this.core.agents.get(aid);
    if (!a) return null;
    return {
      agentId: aid,
      languages: [...a.languages],
      skills: [...a.skills],
      capacity: a.capacity,
      lastHeartbeatAt: a.heartbeatAt,
      presence: !this.core.isOnline(aid, this.core.policy.heartbeatCutoff(this.core.policy.now()))
        ? 'offline'
        : a.away
          ? 'away'
          : 'online',
      conversations: [...a.conversations].sort(),
    };
  }
}
