import { GENERAL_SKILL } from '../conversation';
import { FIELD } from '../conversation-fields';
import { HELD_STATES } from '../handoff-state';
import type { ClaimResult, TransitionResult } from '../results';
import type { AgentDesk } from '../roles/agent-desk';
import type { TransferTarget } from '../transfer';
import { SortedIndex } from './sorted-index';
import type { MemoryCore } from './core';
import type { MemoryMoves } from './moves';
/** The memory store's agent desk: claims and every with-agent move, owner checked. */
export class MemoryAgentDesk implements AgentDesk {
  constructor(
    private readonly core: MemoryCore,
    private readonly moves: MemoryMoves,
  ) {}

  async claimNext(agentId: string): Promise<ClaimResult> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const now = this.core.policy.now();
    const agent = this.core.agents.get(aid);
    if (!agent || !this.core.isOnline(aid, this.core.policy.heartbeatCutoff(now)))
      return { ok: false, reason: 'agent-offline' };
    if (agent.away) return { ok: false, reason: 'agent-unavailable' };
    if (agent.conversations.size >= agent.capacity)
      return { ok: false, reason: 'at-capacity', capacity: agent.capacity };
    this.moves.promoteDue(now, [] as string[]);

    let best: { id: string; score: number } | undefined;
    const consider = (index: SortedIndex | undefined): void => {
      const head = index?.first();
      if (head && (!best || head.score < best.score || (head.score === best.score && head.id < best.id)))
        best = head;
    };
    consider(this.core.reserved.get(aid));
    for (const language of agent.languages) {
      for (const skill of [GENERAL_SKILL, ...agent.skills])
        consider(this.core.queues.get(`${language}:${skill}`));
    }
    if (!best) return { ok: false, reason: 'queue-empty' };
    const c = this.core.conversations.get(best.id);
    // The queues only hold waiting conversations; a stale entry is dropped, never claimed.
    if (!c || !this.core.allows(c, 'claim')) {
      this.core.poolDue.remove(best.id);
      for (const index of [...this.core.queues.values(), ...this.core.reserved.values()])
        index.remove(best.id);
      return { ok: false, reason: 'queue-empty' };
    }
    return this.moves.take(best.id, c, aid, agent, now);
  }

  async claim(conversationId: string, agentId: string): Promise<ClaimResult> {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    const now = this.core.policy.now();
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (HELD_STATES.includes(this.core.stateOf(c)))
      return { ok: false, reason: 'already-claimed', agentId: c[FIELD.agent] ?? '' };
    if (!this.core.allows(c, 'claim')) return this.core.wrongState(c);
    const agent = this.core.agents.get(aid);
    if (!agent || !this.core.isOnline(aid, this.core.policy.heartbeatCutoff(now)))
      return { ok: false, reason: 'agent-offline' };
    if (agent.away) return { ok: false, reason: 'agent-unavailable' };
    if (!agent.languages.includes(c[FIELD.language] ?? ''))
      return { ok: false, reason: 'not-routable', detail: 'language' };
    const skill = c[FIELD.skill] ?? GENERAL_SKILL;
    if (skill !== GENERAL_SKILL && !agent.skills.includes(skill)) {
      return { ok: false, reason: 'not-routable', detail: 'skill' };
    }
    const reservedFor = c[FIELD.reservedFor];
    const poolAt = this.core.poolDue.score(id);
    if (reservedFor && reservedFor !== aid && poolAt !== undefined && poolAt > now) {
      return { ok: false, reason: 'reserved-for-account-manager', until: poolAt };
    }
    if (agent.conversations.size >= agent.capacity)
      return { ok: false, reason: 'at-capacity', capacity: agent.capacity };
    return this.moves.take(id, c, aid, agent, now);
  }

  async agentReplied(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.moves.withOwner(conversationId, agentId, null, (id, c, now) => {
      c[FIELD.repliedAt] = String(now);
      this.core.claims.remove(id);
      this.moves.stopAnswerTimer(id, c);
    });
  }

  async release(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.moves.withOwner(conversationId, agentId, 'release', (id, c) =>
      this.moves.requeueHead(id, c, 'release'),
    );
  }

  async transfer(
    conversationId: string,
    fromAgentId: string,
    target: TransferTarget,
  ): Promise<TransitionResult> {
    const t = this.core.policy.transferTarget(target);
    const id = this.core.policy.id(conversationId);
    const from = this.core.policy.id(fromAgentId, 'agentId');
    const c = this.core.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.core.allows(c, t.kind === 'queue' ? 'transferToQueue' : 'transfer'))
      return this.core.wrongState(c);
    const owner = c[FIELD.agent] ?? '';
    if (owner !== from) return { ok: false, reason: 'not-owner', agentId: owner };
    const now = this.core.policy.now();
    const cutoff = this.core.policy.heartbeatCutoff(now);

    if (t.kind === 'queue') {
      const language = t.language ?? c[FIELD.language] ?? '';
      const skill = t.skill ?? c[FIELD.skill] ?? GENERAL_SKILL;
      if (this.core.onlineAgentsFor(language, cutoff).length === 0)
        return { ok: false, reason: 'not-routable', detail: 'language' };
      this.core.agents.get(owner)?.conversations.delete(id);
      this.core.claims.remove(id);
      this.moves.stopAnswerTimer(id, c);
      this.core.activity.remove(id);
      const queue = `${language}:${skill}`;
      // Its class score from the first escalation: ahead of everyone who escalated later.
      this.core.indexOf(this.core.queues, queue).add(id, Number(c[FIELD.score] ?? 0));
      this.core.move(c, 'transferToQueue');
      Object.assign(c, {
        [FIELD.language]: language,
        [FIELD.skill]: skill,
        [FIELD.queue]: queue,
        [FIELD.updatedAt]: String(now),
      });
      delete c[FIELD.agent];
      delete c[FIELD.claimedAt];
      delete c[FIELD.repliedAt];
      return this.core.done(id, c);
    }

    if (t.agentId === from) return this.core.done(id, c);
    const agent = this.core.agents.get(t.agentId);
    if (!agent || !this.core.isOnline(t.agentId, cutoff)) return { ok: false, reason: 'agent-offline' };
    if (agent.away) return { ok: false, reason: 'agent-unavailable' };
    if (!agent.languages.includes(c[FIELD.language] ?? ''))
      return { ok: false, reason: 'not-routable', detail: 'language' };
    if (agent.conversations.size >= agent.capacity)
      return { ok: false, reason: 'at-capacity', capacity: agent.capacity };
    this.core.agents.get(from)?.conversations.delete(id);
    agent.conversations.add(id);
    this.core.move(c, 'transfer');
    c[FIELD.agent] = t.agentId;
    c[FIELD.claimedAt] = String(now);
    delete c[FIELD.repliedAt];
    // The colleague's claim timeout now measures the wait; their own answer timer starts afresh.
    this.moves.stopAnswerTimer(id, c);
    c[FIELD.updatedAt] = String(now);
    // The target must answer within the claim timeout, like any claim.
    this.core.claims.add(id, this.core.policy.claimDeadline(now));
    return this.core.done(id, c);
  }

  async handBack(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.moves.withOwner(conversationId, agentId, 'handBack', (id, c, now) => {
      this.moves.leaveAgent(id, c, now, 'handBack');
      delete c[FIELD.agent];
    });
  }

  async resolve(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.moves.withOwner(conversationId, agentId, 'resolve', (id, c, now) =>
      this.moves.leaveAgent(id, c, now, 'resolve'),
    );
  }
}
