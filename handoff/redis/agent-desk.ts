import { FIELD, decodeConversation, type ConversationFields } from '../conversation-fields';
import { HEAD_BAND } from '../priority';
import type { ClaimResult, TransitionResult } from '../results';
import type { AgentDesk } from '../roles/agent-desk';
import type { TransferTarget } from '../transfer';
import { asArray, asFields, asString, splitClaimedView } from './replies';
import { storeFailed, type RedisCore } from './core';

/** The Redis store's agent desk: claims and every with-agent move, owner checked in the script. */
export class RedisAgentDesk implements AgentDesk {
  constructor(private readonly core: RedisCore) {}

  async claimNext(agentId: string): Promise<ClaimResult> {
    const aid = this.core.policy.id(agentId, 'agentId');
    const now = this.core.policy.now();
    let reply: unknown;
    try {
      reply = await this.core.send(
        'claimNext',
        [this.core.keys.agent(aid), this.core.keys.agentConversations(aid), this.core.keys.reserved(aid)],
        [
          aid,
          now,
          this.core.policy.claimDeadline(now),
          this.core.policy.heartbeatCutoff(now),
          this.core.policy.config.sweepLimit,
        ],
      );
    } catch (cause) {
      throw storeFailed('claimNext', cause);
    }
    return this.claimed(reply, 'claimNext', aid, now);
  }

  async claim(conversationId: string, agentId: string): Promise<ClaimResult> {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    const now = this.core.policy.now();
    let reply: unknown;
    try {
      reply = await this.core.send(
        'claim',
        [
          this.core.keys.conversation(id),
          this.core.keys.agent(aid),
          this.core.keys.agentConversations(aid),
          this.core.keys.claims,
        ],
        [id, aid, now, this.core.policy.claimDeadline(now), this.core.policy.heartbeatCutoff(now)],
      );
    } catch (cause) {
      throw storeFailed('claim', cause);
    }
    return this.claimed(reply, 'claim', aid, now);
  }

  async agentReplied(conversationId: string, agentId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    return this.core.transition(
      'agentReplied',
      id,
      [this.core.keys.conversation(id), this.core.keys.claims],
      [id, aid, this.core.policy.now()],
    );
  }

  async release(conversationId: string, agentId: string): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    return this.core.transition(
      'release',
      id,
      [this.core.keys.conversation(id), this.core.keys.claims, this.core.keys.activity],
      [id, aid, this.core.policy.now(), HEAD_BAND],
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
    const now = this.core.policy.now();
    return this.core.transition(
      'transfer',
      id,
      [this.core.keys.conversation(id), this.core.keys.claims, this.core.keys.activity],
      [
        id,
        from,
        now,
        t.kind,
        t.kind === 'agent' ? t.agentId : '',
        t.kind === 'queue' ? (t.language ?? '') : '',
        t.kind === 'queue' ? (t.skill ?? '') : '',
        this.core.policy.claimDeadline(now),
        this.core.policy.heartbeatCutoff(now),
      ],
    );
  }

  async handBack(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.leave('handBack', conversationId, agentId);
  }

  async resolve(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.leave('resolve', conversationId, agentId);
  }

  /** A claim's reply (claimedView in lua-common.ts) + what this side sent → the claimed record. */
  private claimed(reply: unknown, what: string, agentId: string, now: number): ClaimResult {
    if (typeof reply !== 'string') {
      const parts = asArray(reply, what);
      if (asString(parts[0]) !== 'ok')
        return this.core.refusal<Extract<ClaimResult, { ok: false }>>(parts, what);
      // A record older than the card: every field.
      return { ok: true, conversation: decodeConversation(asString(parts[1]), asFields(parts[2])) };
    }
    const view = splitClaimedView(reply, what);
    const at = String(now);
    // Literal keys (the FIELD names): a plain object literal is cheaper than computed keys here.
    const fields: ConversationFields = {
      state: 'with-agent',
      agent: agentId,
      claimedAt: at,
      updatedAt: at,
      card: view.card,
      language: view.language,
      skill: view.skill,
      escalatedAt: view.escalatedAt,
      lastActivityAt: view.lastActivityAt,
    } satisfies Partial<Record<(typeof FIELD)[keyof typeof FIELD], string>>;
    return { ok: true, conversation: decodeConversation(view.id, fields) };
  }

  private async leave(
    name: 'handBack' | 'resolve',
    conversationId: string,
    agentId: string,
  ): Promise<TransitionResult> {
    const id = this.core.policy.id(conversationId);
    const aid = this.core.policy.id(agentId, 'agentId');
    return this.core.transition(
      name,
      id,
      [this.core.keys.conversation(id), this.core.keys.claims, this.core.keys.activity],
      [id, aid, this.core.policy.now(), this.core.policy.config.handlingSamples],
    );
  }
}
