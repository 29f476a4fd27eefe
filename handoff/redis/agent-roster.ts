import type { AgentPresence, AgentProfile, AgentStatus } from '../agent';
import { HEAD_BAND } from '../priority';
import type { HeartbeatResult, PresenceResult } from '../results';
import type { AgentRoster } from '../roles/agent-roster';
import { asString, asStrings } from './replies';
import type { RedisCore } from './core';

const spaced = (list: readonly string[]): string => list.join(' ');

/** The Redis store's roster: agents' login, away, heartbeats, logout and status. */
export class RedisAgentRoster implements AgentRoster {
  constructor(private readonly core: RedisCore) {}

  async agentOnline(profile: AgentProfile): Promise<void> {
    const p = this.core.policy.agentProfile(profile);
    await this.core.run(
      'agentOnline',
      [this.core.keys.agent(p.agentId), this.core.keys.onlineAgents],
      [p.agentId, spaced(p.languages), spaced(p.skills), p.capacity, this.core.policy.now()],
    );
  }

  async heartbeat(agentId: string): Promise<HeartbeatResult> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const reply = await this.core.run(
      'heartbeat',
      [this.core.keys.agent(aid), this.core.keys.onlineAgents],
      [aid, this.core.policy.now()],
    );
    return asString(reply[0]) === 'ok' ? { ok: true } : { ok: false, reason: 'agent-offline' };
  }

  async setPresence(agentId: string, presence: AgentPresence): Promise<PresenceResult> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const p = this.core.policy.presence(presence);
    const reply = await this.core.run(
      'setPresence',
      [this.core.keys.agent(aid), this.core.keys.onlineAgents],
      [aid, p, this.core.policy.now()],
    );
    if (asString(reply[0]) !== 'ok') return { ok: false, reason: 'agent-offline' };
    return { ok: true, toPool: asStrings(reply[1]) };
  }

  async agentOffline(agentId: string): Promise<readonly string[]> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const reply = await this.core.run(
      'agentOffline',
      [this.core.keys.onlineAgents, this.core.keys.agentConversations(aid)],
      [aid, this.core.policy.now(), HEAD_BAND],
    );
    return reply.map(asString);
  }

  async agent(agentId: string): Promise<AgentStatus | null> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const result = await this.core.guard('agent', () =>
      this.core.redis
        .multi()
        .hgetall(this.core.keys.agent(aid))
        .smembers(this.core.keys.agentConversations(aid))
        .zscore(this.core.keys.onlineAgents, aid)
        .exec(),
    );
    const profile = (result?.[0]?.[1] ?? {}) as Record<string, string>;
    const conversations = (result?.[1]?.[1] ?? []) as string[];
    const beat = result?.[2]?.[1];
    if (!profile.languages) return null;
    const online =
      typeof beat === 'string' && Number(beat) >= this.core.policy.heartbeatCutoff(this.core.policy.now());
    return {
      agentId: aid,
      languages: profile.languages.split(' ').filter(Boolean),
      skills: (profile.skills ?? '').split(' ').filter(Boolean),
      capacity: Number(profile.capacity),
      lastHeartbeatAt: Number(profile.heartbeatAt),
      presence: !online ? 'offline' : profile.away === '1' ? 'away' : 'online',
      conversations: [...conversations].sort(),
    };
  }
}
