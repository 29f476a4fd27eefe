import type { AgentPresence, AgentProfile, AgentStatus } from '../agent';
import { systemClock, type Clock } from '../clock';
import { parseHandoffConfig, type HandoffConfigInput } from '../config';
import { GENERAL_SKILL, type ConversationRecord, type Escalation } from '../conversation';
import { decodeConversation, encodeCard, FIELD, type ConversationFields } from '../conversation-fields';
import {
  canTransition,
  HELD_STATES,
  INITIAL_STATE,
  LIVE_STATES,
  SILENCE_STATES,
  TRANSITIONS,
  WAITING_STATES,
  type ConversationState,
  type TransitionName,
} from '../conversation-state';
import { estimateWaitMs, averageHandlingMs } from '../estimated-wait';
import type { HandoffQueue, QueuedEntry } from '../handoff-queue';
import { HandoffPolicy } from '../policy';
import { headScore } from '../priority';
import type {
  ClaimResult,
  ContactResult,
  EnqueueResult,
  ForgetResult,
  HeartbeatResult,
  PositionResult,
  PresenceResult,
  SweepResult,
  TransitionResult,
  UnansweredRequeue,
  WaitEstimateResult,
} from '../results';
import type { TransferTarget } from '../transfer';
import { SortedIndex } from './sorted-index';

interface AgentEntry {
  languages: string[];
  skills: string[];
  capacity: number;
  heartbeatAt: number;
  /** Online but taking no new conversations. */
  away: boolean;
  readonly conversations: Set<string>;
}

export interface MemoryHandoffQueueOptions {
  readonly config?: HandoffConfigInput;
  readonly clock?: Clock;
}

/**
 * The embedded default: the same data layout and rules as the Redis store, in one process.
 * Each method runs synchronously to completion, which is what makes it atomic here.
 * Nothing survives a restart.
 */
export class MemoryHandoffQueue implements HandoffQueue {
  private readonly policy: HandoffPolicy;
  private readonly conversations = new Map<string, ConversationFields>();
  private readonly queues = new Map<string, SortedIndex>();
  private readonly reserved = new Map<string, SortedIndex>();
  private readonly poolDue = new SortedIndex();
  private readonly claims = new SortedIndex();
  /** With-agent conversation → when the customer's oldest unanswered message was written. */
  private readonly unanswered = new SortedIndex();
  private readonly activity = new SortedIndex();
  private readonly openTickets = new SortedIndex();
  private readonly answeredIndex = new SortedIndex();
  private readonly agents = new Map<string, AgentEntry>();
  private readonly onlineAgents = new SortedIndex();
  private readonly handling: number[] = [];

  constructor(options: MemoryHandoffQueueOptions = {}) {
    this.policy = new HandoffPolicy(parseHandoffConfig(options.config), options.clock ?? systemClock);
  }

  async touch(conversationId: string): Promise<void> {
    const id = this.policy.id(conversationId);
    const now = this.policy.now();
    let c = this.conversations.get(id);
    if (!c) {
      c = { [FIELD.state]: INITIAL_STATE };
      this.conversations.set(id, c);
    }
    c[FIELD.lastActivityAt] = String(now);
    c[FIELD.updatedAt] = String(now);
    if (SILENCE_STATES.includes(this.stateOf(c))) this.activity.add(id, now);
    // The customer now waits for the agent's answer, since their oldest message not answered yet.
    if (HELD_STATES.includes(this.stateOf(c)) && c[FIELD.awaitingSince] === undefined) {
      c[FIELD.awaitingSince] = String(now);
      this.unanswered.add(id, now);
    }
  }

  async enqueue(input: Escalation): Promise<EnqueueResult> {
    const p = this.policy.prepareEscalation(input);
    const e = p.escalation;
    const id = e.conversationId;
    const existing = this.conversations.get(id);
    const state = existing ? this.stateOf(existing) : INITIAL_STATE;
    if (WAITING_STATES.includes(state)) return { ok: false, reason: 'already-queued' };
    const cutoff = this.policy.heartbeatCutoff(p.now);
    const ticket = !p.open || this.onlineAgentsFor(e.language, cutoff).length === 0;
    // Each outcome checks its own row of the table, before anything is written.
    if (!this.allows(existing, ticket ? 'openTicket' : 'enqueue'))
      return { ok: false, reason: 'wrong-state', state };

    const c: ConversationFields = {
      [FIELD.card]: encodeCard(e),
      [FIELD.language]: e.language,
      [FIELD.skill]: e.skill,
      [FIELD.escalatedAt]: String(p.now),
      [FIELD.queue]: p.queue,
      [FIELD.score]: String(p.score),
      [FIELD.updatedAt]: String(p.now),
    };
    const lastActivity = existing?.[FIELD.lastActivityAt];
    if (lastActivity) c[FIELD.lastActivityAt] = lastActivity;
    this.conversations.set(id, c);
    this.activity.remove(id);

    if (ticket) {
      this.move(c, 'openTicket');
      c[FIELD.ticketAt] = String(p.now);
      c[FIELD.promisedAt] = String(p.promisedReplyAt);
      this.openTickets.add(id, p.now);
      return {
        ok: true,
        outcome: 'ticket',
        why: p.open ? 'no-agent-online' : 'outside-hours',
        promisedReplyAt: p.promisedReplyAt,
      };
    }
    this.move(c, 'enqueue');
    const manager = e.accountManagerId;
    if (manager && this.isAvailable(manager, cutoff)) {
      c[FIELD.reservedFor] = manager;
      this.indexOf(this.reserved, manager).add(id, p.score);
      this.poolDue.add(id, p.poolAt);
      return { ok: true, outcome: 'queued', position: this.rankIn(id, c), reservedFor: manager };
    }
    this.indexOf(this.queues, p.queue).add(id, p.score);
    return { ok: true, outcome: 'queued', position: this.rankIn(id, c) };
  }

  async position(conversationId: string): Promise<PositionResult> {
    const id = this.policy.id(conversationId);
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    const state = this.stateOf(c);
    if (!WAITING_STATES.includes(state)) return { ok: false, reason: 'wrong-state', state };
    return { ok: true, position: this.rankIn(id, c), queueLength: this.waitingIndex(c).size };
  }

  async estimatedWait(conversationId: string): Promise<WaitEstimateResult> {
    const pos = await this.position(conversationId);
    if (!pos.ok) return pos;
    const c = this.conversations.get(conversationId);
    const language = c?.[FIELD.language] ?? '';
    const cutoff = this.policy.heartbeatCutoff(this.policy.now());
    const onlineSlots = this.onlineAgentsFor(language, cutoff).reduce((sum, a) => sum + a.capacity, 0);
    const recent = [...this.handling];
    return {
      ok: true,
      position: pos.position,
      waitMs: estimateWaitMs({
        position: pos.position,
        onlineSlots,
        recentHandlingMs: recent,
        defaultHandlingMs: this.policy.config.defaultHandlingMs,
      }),
      basis: {
        onlineSlots,
        averageHandlingMs: averageHandlingMs(recent, this.policy.config.defaultHandlingMs),
        samples: recent.length,
      },
    };
  }

  async cancel(conversationId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.allows(c, 'cancel')) return this.wrongState(c);
    const now = this.policy.now();
    this.unqueue(id, c);
    this.openTickets.remove(id);
    this.answeredIndex.remove(id);
    this.move(c, 'cancel');
    c[FIELD.updatedAt] = String(now);
    this.activity.add(id, now);
    return this.done(id, c);
  }

  async claimNext(agentId: string): Promise<ClaimResult> {
    const aid = this.policy.id(agentId, 'agentId');
    const now = this.policy.now();
    const agent = this.agents.get(aid);
    if (!agent || !this.isOnline(aid, this.policy.heartbeatCutoff(now)))
      return { ok: false, reason: 'agent-offline' };
    if (agent.away) return { ok: false, reason: 'agent-unavailable' };
    if (agent.conversations.size >= agent.capacity)
      return { ok: false, reason: 'at-capacity', capacity: agent.capacity };
    this.promoteDue(now, [] as string[]);

    let best: { id: string; score: number } | undefined;
    const consider = (index: SortedIndex | undefined): void => {
      const head = index?.first();
      if (head && (!best || head.score < best.score || (head.score === best.score && head.id < best.id)))
        best = head;
    };
    consider(this.reserved.get(aid));
    for (const language of agent.languages) {
      for (const skill of [GENERAL_SKILL, ...agent.skills]) consider(this.queues.get(`${language}:${skill}`));
    }
    if (!best) return { ok: false, reason: 'queue-empty' };
    const c = this.conversations.get(best.id);
    // The queues only hold waiting conversations; a stale entry is dropped, never claimed.
    if (!c || !this.allows(c, 'claim')) {
      this.poolDue.remove(best.id);
      for (const index of [...this.queues.values(), ...this.reserved.values()]) index.remove(best.id);
      return { ok: false, reason: 'queue-empty' };
    }
    return this.take(best.id, c, aid, agent, now);
  }

  async claim(conversationId: string, agentId: string): Promise<ClaimResult> {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    const now = this.policy.now();
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (HELD_STATES.includes(this.stateOf(c)))
      return { ok: false, reason: 'already-claimed', agentId: c[FIELD.agent] ?? '' };
    if (!this.allows(c, 'claim')) return this.wrongState(c);
    const agent = this.agents.get(aid);
    if (!agent || !this.isOnline(aid, this.policy.heartbeatCutoff(now)))
      return { ok: false, reason: 'agent-offline' };
    if (agent.away) return { ok: false, reason: 'agent-unavailable' };
    if (!agent.languages.includes(c[FIELD.language] ?? ''))
      return { ok: false, reason: 'not-routable', detail: 'language' };
    const skill = c[FIELD.skill] ?? GENERAL_SKILL;
    if (skill !== GENERAL_SKILL && !agent.skills.includes(skill)) {
      return { ok: false, reason: 'not-routable', detail: 'skill' };
    }
    const reservedFor = c[FIELD.reservedFor];
    const poolAt = this.poolDue.score(id);
    if (reservedFor && reservedFor !== aid && poolAt !== undefined && poolAt > now) {
      return { ok: false, reason: 'reserved-for-account-manager', until: poolAt };
    }
    if (agent.conversations.size >= agent.capacity)
      return { ok: false, reason: 'at-capacity', capacity: agent.capacity };
    return this.take(id, c, aid, agent, now);
  }

  async agentReplied(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.withOwner(conversationId, agentId, null, (id, c, now) => {
      c[FIELD.repliedAt] = String(now);
      this.claims.remove(id);
      this.stopAnswerTimer(id, c);
    });
  }

  async release(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.withOwner(conversationId, agentId, 'release', (id, c) => this.requeueHead(id, c, 'release'));
  }

  async transfer(
    conversationId: string,
    fromAgentId: string,
    target: TransferTarget,
  ): Promise<TransitionResult> {
    const t = this.policy.transferTarget(target);
    const id = this.policy.id(conversationId);
    const from = this.policy.id(fromAgentId, 'agentId');
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.allows(c, t.kind === 'queue' ? 'transferToQueue' : 'transfer')) return this.wrongState(c);
    const owner = c[FIELD.agent] ?? '';
    if (owner !== from) return { ok: false, reason: 'not-owner', agentId: owner };
    const now = this.policy.now();
    const cutoff = this.policy.heartbeatCutoff(now);

    if (t.kind === 'queue') {
      const language = t.language ?? c[FIELD.language] ?? '';
      const skill = t.skill ?? c[FIELD.skill] ?? GENERAL_SKILL;
      if (this.onlineAgentsFor(language, cutoff).length === 0)
        return { ok: false, reason: 'not-routable', detail: 'language' };
      this.agents.get(owner)?.conversations.delete(id);
      this.claims.remove(id);
      this.stopAnswerTimer(id, c);
      this.activity.remove(id);
      const queue = `${language}:${skill}`;
      // Its class score from the first escalation: ahead of everyone who escalated later.
      this.indexOf(this.queues, queue).add(id, Number(c[FIELD.score] ?? 0));
      this.move(c, 'transferToQueue');
      Object.assign(c, {
        [FIELD.language]: language,
        [FIELD.skill]: skill,
        [FIELD.queue]: queue,
        [FIELD.updatedAt]: String(now),
      });
      delete c[FIELD.agent];
      delete c[FIELD.claimedAt];
      delete c[FIELD.repliedAt];
      return this.done(id, c);
    }

    if (t.agentId === from) return this.done(id, c);
    const agent = this.agents.get(t.agentId);
    if (!agent || !this.isOnline(t.agentId, cutoff)) return { ok: false, reason: 'agent-offline' };
    if (agent.away) return { ok: false, reason: 'agent-unavailable' };
    if (!agent.languages.includes(c[FIELD.language] ?? ''))
      return { ok: false, reason: 'not-routable', detail: 'language' };
    if (agent.conversations.size >= agent.capacity)
      return { ok: false, reason: 'at-capacity', capacity: agent.capacity };
    this.agents.get(from)?.conversations.delete(id);
    agent.conversations.add(id);
    this.move(c, 'transfer');
    c[FIELD.agent] = t.agentId;
    c[FIELD.claimedAt] = String(now);
    delete c[FIELD.repliedAt];
    // The colleague's claim timeout now measures the wait; their own answer timer starts afresh.
    this.stopAnswerTimer(id, c);
    c[FIELD.updatedAt] = String(now);
    // The target must answer within the claim timeout, like any claim.
    this.claims.add(id, this.policy.claimDeadline(now));
    return this.done(id, c);
  }

  async handBack(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.withOwner(conversationId, agentId, 'handBack', (id, c, now) => {
      this.leaveAgent(id, c, now, 'handBack');
      delete c[FIELD.agent];
    });
  }

  async resolve(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.withOwner(conversationId, agentId, 'resolve', (id, c, now) =>
      this.leaveAgent(id, c, now, 'resolve'),
    );
  }

  async answerTicket(conversationId: string, agentId: string, answer: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.allows(c, 'answerTicket')) return this.wrongState(c);
    const now = this.policy.now();
    this.openTickets.remove(id);
    this.move(c, 'answerTicket');
    Object.assign(c, {
      [FIELD.agent]: aid,
      [FIELD.answer]: answer,
      [FIELD.answeredBy]: aid,
      [FIELD.answeredAt]: String(now),
      [FIELD.updatedAt]: String(now),
    });
    // No silence timer: the answer may reach the customer by e-mail, days later (the quiet sweep).
    this.answeredIndex.add(id, now);
    return this.done(id, c);
  }

  async customerReplied(conversationId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    const now = this.policy.now();
    const agentId = c[FIELD.answeredBy] ?? '';
    const agent = this.agents.get(agentId);
    const room =
      agent !== undefined &&
      this.isAvailable(agentId, this.policy.heartbeatCutoff(now)) &&
      agent.conversations.size < agent.capacity;
    // Each of the two moves checks its own row of the table.
    if (!this.allows(c, room ? 'replyToAnswer' : 'reopenTicket')) return this.wrongState(c);
    this.answeredIndex.remove(id);
    delete c[FIELD.agent];
    c[FIELD.updatedAt] = String(now);
    if (room) {
      this.move(c, 'replyToAnswer');
      c[FIELD.reservedFor] = agentId;
      this.indexOf(this.reserved, agentId).add(id, Number(c[FIELD.score] ?? 0));
      this.poolDue.add(id, now + this.policy.config.accountManagerWaitMs);
      return this.done(id, c);
    }
    this.move(c, 'reopenTicket');
    this.openTickets.add(id, Number(c[FIELD.ticketAt] ?? now));
    return this.done(id, c);
  }

  async resolveTicket(conversationId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (!this.allows(c, 'resolveTicket')) return this.wrongState(c);
    this.resolveAnswered(id, c, this.policy.now(), 'resolveTicket');
    return this.done(id, c);
  }

  async resolveQuietTickets(): Promise<readonly string[]> {
    const now = this.policy.now();
    const resolved: string[] = [];
    const cutoff = this.policy.ticketQuietCutoff(now);
    for (const e of this.answeredIndex.upTo(cutoff, this.policy.config.sweepLimit)) {
      const c = this.conversations.get(e.id);
      this.answeredIndex.remove(e.id);
      if (!c || !this.allows(c, 'resolveQuietTicket')) continue;
      this.resolveAnswered(e.id, c, now, 'resolveQuietTicket');
      resolved.push(e.id);
    }
    return resolved;
  }

  async offerTickets(agentId: string): Promise<readonly string[]> {
    const aid = this.policy.id(agentId, 'agentId');
    const now = this.policy.now();
    const agent = this.agents.get(aid);
    if (!this.policy.hours.isOpen(now) || !agent || !this.isAvailable(aid, this.policy.heartbeatCutoff(now)))
      return [];
    const present = this.policy.presentCutoff(now);
    const offered: string[] = [];
    for (const e of this.openTickets.head(this.policy.config.sweepLimit)) {
      const c = this.conversations.get(e.id);
      if (!c || !this.allows(c, 'offerTicket')) continue;
      if (!agent.languages.includes(c[FIELD.language] ?? '')) continue;
      const lastSeen = Math.max(Number(c[FIELD.lastActivityAt] ?? 0), Number(c[FIELD.ticketAt] ?? 0));
      if (lastSeen < present) continue;
      this.openTickets.remove(e.id);
      this.indexOf(this.queues, c[FIELD.queue] ?? '').add(e.id, Number(c[FIELD.score] ?? 0));
      this.move(c, 'offerTicket');
      c[FIELD.updatedAt] = String(now);
      offered.push(e.id);
    }
    return offered;
  }

  async tickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.openTickets.head(limit).flatMap((e) => {
      const c = this.conversations.get(e.id);
      return c ? [decodeConversation(e.id, c)] : [];
    });
  }

  async answeredTickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.answeredIndex.head(limit).flatMap((e) => {
      const c = this.conversations.get(e.id);
      return c ? [decodeConversation(e.id, c)] : [];
    });
  }

  async requeueExpired(): Promise<SweepResult> {
    const now = this.policy.now();
    const limit = this.policy.config.sweepLimit;
    const requeued: string[] = [];
    const toPool: string[] = [];
    const agentsOffline: string[] = [];
    for (const stale of this.onlineAgents.upTo(this.policy.heartbeatCutoff(now) - 1, limit)) {
      agentsOffline.push(stale.id);
      const r = this.dropAgent(stale.id);
      requeued.push(...r.requeued);
      toPool.push(...r.toPool);
    }
    for (const due of this.claims.upTo(now, limit)) {
      const c = this.conversations.get(due.id);
      if (c && this.allows(c, 'requeueExpired')) {
        this.requeueHead(due.id, c, 'requeueExpired');
        requeued.push(due.id);
      } else this.claims.remove(due.id);
    }
    const unanswered: UnansweredRequeue[] = [];
    const answerCutoff = this.policy.answerCutoff(now);
    // Strictly before the cutoff: "more than" the timeout.
    for (const due of answerCutoff === null ? [] : this.unanswered.upTo(answerCutoff - 1, limit)) {
      const c = this.conversations.get(due.id);
      if (!c || !this.allows(c, 'requeueExpired')) {
        this.unanswered.remove(due.id);
        continue;
      }
      unanswered.push({ conversationId: due.id, agentId: c[FIELD.agent] ?? '' });
      this.requeueHead(due.id, c, 'requeueExpired');
      requeued.push(due.id);
    }
    this.promoteDue(now, toPool);
    return { requeued, toPool, agentsOffline, unanswered };
  }

  async closeSilent(): Promise<readonly string[]> {
    const now = this.policy.now();
    const closed: string[] = [];
    for (const e of this.activity.upTo(this.policy.silenceCutoff(now), this.policy.config.sweepLimit)) {
      const c = this.conversations.get(e.id);
      this.activity.remove(e.id);
      if (!c || !this.allows(c, 'closeSilent')) continue;
      if (HELD_STATES.includes(this.stateOf(c))) {
        this.agents.get(c[FIELD.agent] ?? '')?.conversations.delete(e.id);
        this.claims.remove(e.id);
        this.stopAnswerTimer(e.id, c);
      }
      this.move(c, 'closeSilent');
      c[FIELD.closedReason] = 'customer-silence';
      c[FIELD.updatedAt] = String(now);
      closed.push(e.id);
    }
    return closed;
  }

  async agentOnline(profile: AgentProfile): Promise<void> {
    const p = this.policy.agentProfile(profile);
    const now = this.policy.now();
    const existing = this.agents.get(p.agentId);
    this.agents.set(p.agentId, {
      languages: p.languages,
      skills: p.skills,
      capacity: p.capacity,
      heartbeatAt: now,
      away: false,
      conversations: existing?.conversations ?? new Set(),
    });
    this.onlineAgents.add(p.agentId, now);
  }

  async heartbeat(agentId: string): Promise<HeartbeatResult> {
    const aid = this.policy.id(agentId, 'agentId');
    const agent = this.agents.get(aid);
    if (!agent || this.onlineAgents.score(aid) === undefined) return { ok: false, reason: 'agent-offline' };
    const now = this.policy.now();
    agent.heartbeatAt = now;
    this.onlineAgents.add(aid, now);
    return { ok: true };
  }

  async setPresence(agentId: string, presence: AgentPresence): Promise<PresenceResult> {
    const aid = this.policy.id(agentId, 'agentId');
    const away = this.policy.presence(presence) === 'away';
    const agent = this.agents.get(aid);
    if (!agent || this.onlineAgents.score(aid) === undefined) return { ok: false, reason: 'agent-offline' };
    const now = this.policy.now();
    agent.away = away;
    agent.heartbeatAt = now;
    this.onlineAgents.add(aid, now);
    const toPool: string[] = [];
    if (away) {
      for (const e of this.reserved.get(aid)?.head(Number.MAX_SAFE_INTEGER) ?? []) {
        this.moveToPool(e.id);
        toPool.push(e.id);
      }
    }
    return { ok: true, toPool };
  }

  async agentOffline(agentId: string): Promise<readonly string[]> {
    const aid = this.policy.id(agentId, 'agentId');
    return this.dropAgent(aid).requeued;
  }

  async agent(agentId: string): Promise<AgentStatus | null> {
    const aid = this.policy.id(agentId, 'agentId');
    const a = this.agents.get(aid);
    if (!a) return null;
    return {
      agentId: aid,
      languages: [...a.languages],
      skills: [...a.skills],
      capacity: a.capacity,
      lastHeartbeatAt: a.heartbeatAt,
      presence: !this.isOnline(aid, this.policy.heartbeatCutoff(this.policy.now()))
        ? 'offline'
        : a.away
          ? 'away'
          : 'online',
      conversations: [...a.conversations].sort(),
    };
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const id = this.policy.id(conversationId);
    const c = this.conversations.get(id);
    return c ? decodeConversation(id, c) : null;
  }

  async forget(conversationId: string): Promise<ForgetResult> {
    const id = this.policy.id(conversationId);
    const c = this.conversations.get(id);
    if (!c) return { ok: true, forgotten: false };
    const state = this.stateOf(c);
    if (LIVE_STATES.includes(state)) return { ok: false, reason: 'active', state };
    this.conversations.delete(id);
    this.activity.remove(id);
    return { ok: true, forgotten: true };
  }

  async peek(limit = 50): Promise<readonly QueuedEntry[]> {
    const all: QueuedEntry[] = [];
    for (const index of [...this.queues.values(), ...this.reserved.values()]) {
      for (const e of index.head(limit)) {
        const c = this.conversations.get(e.id);
        const reservedFor = c?.[FIELD.reservedFor];
        all.push({
          conversationId: e.id,
          queue: c?.[FIELD.queue] ?? '',
          score: e.score,
          ...(reservedFor ? { reservedFor } : {}),
        });
      }
    }
    all.sort((a, b) => a.score - b.score || (a.conversationId < b.conversationId ? -1 : 1));
    return all.slice(0, limit);
  }

  async setContactEmail(
    conversationId: string,
    email: string,
    options: { readonly onlyIfEmpty?: boolean } = {},
  ): Promise<ContactResult> {
    const id = this.policy.id(conversationId);
    const address = this.policy.email(email);
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (options.onlyIfEmpty && decodeConversation(id, c).contact.email)
      return { ok: true, stored: false, conversation: decodeConversation(id, c) };
    c[FIELD.contactEmail] = address;
    c[FIELD.updatedAt] = String(this.policy.now());
    return { ok: true, stored: true, conversation: decodeConversation(id, c) };
  }

  async dispose(): Promise<void> {}

  // ---- internals -------------------------------------------------------------------------

  private stateOf(c: ConversationFields): ConversationState {
    return (c[FIELD.state] ?? INITIAL_STATE) as ConversationState;
  }

  /** The one look-up of the conversation rules: may this conversation take `name` (TRANSITIONS)? */
  private allows(c: ConversationFields | undefined, name: TransitionName): boolean {
    return canTransition(c ? this.stateOf(c) : null, name);
  }

  /** Makes the move: its target state comes from the table too. */
  private move(c: ConversationFields, name: TransitionName): void {
    c[FIELD.state] = TRANSITIONS[name].to;
  }

  private wrongState(c: ConversationFields): { ok: false; reason: 'wrong-state'; state: ConversationState } {
    return { ok: false, reason: 'wrong-state', state: this.stateOf(c) };
  }

  private done(id: string, c: ConversationFields): { ok: true; conversation: ConversationRecord } {
    return { ok: true, conversation: decodeConversation(id, c) };
  }

  private indexOf(map: Map<string, SortedIndex>, key: string): SortedIndex {
    let index = map.get(key);
    if (!index) {
      index = new SortedIndex();
      map.set(key, index);
    }
    return index;
  }

  private isOnline(agentId: string, cutoff: number): boolean {
    const beat = this.onlineAgents.score(agentId);
    return beat !== undefined && beat >= cutoff;
  }

  /** Online and not away: may be given new conversations. */
  private isAvailable(agentId: string, cutoff: number): boolean {
    return this.isOnline(agentId, cutoff) && this.agents.get(agentId)?.away !== true;
  }

  /** The agents new conversations in this language may go to (online, not away). */
  private onlineAgentsFor(language: string, cutoff: number): AgentEntry[] {
    const out: AgentEntry[] = [];
    for (const [id, a] of this.agents) {
      if (a.languages.includes(language) && !a.away && this.isOnline(id, cutoff)) out.push(a);
    }
    return out;
  }

  private waitingIndex(c: ConversationFields): SortedIndex {
    const reservedFor = c[FIELD.reservedFor];
    return reservedFor
      ? this.indexOf(this.reserved, reservedFor)
      : this.indexOf(this.queues, c[FIELD.queue] ?? '');
  }

  private rankIn(id: string, c: ConversationFields): number {
    return (this.waitingIndex(c).rank(id) ?? 0) + 1;
  }

  /** Takes a waiting conversation out of its queue (pool or reservation). */
  private unqueue(id: string, c: ConversationFields): void {
    this.waitingIndex(c).remove(id);
    this.poolDue.remove(id);
    delete c[FIELD.reservedFor];
  }

  private take(
    id: string,
    c: ConversationFields,
    agentId: string,
    agent: AgentEntry,
    now: number,
  ): ClaimResult {
    this.unqueue(id, c);
    this.move(c, 'claim');
    c[FIELD.agent] = agentId;
    c[FIELD.claimedAt] = String(now);
    delete c[FIELD.repliedAt];
    c[FIELD.updatedAt] = String(now);
    agent.conversations.add(id);
    this.claims.add(id, this.policy.claimDeadline(now));
    this.activity.add(id, now);
    return this.done(id, c);
  }

  /** with-agent → the head band of its queue, for `name` (release, requeueExpired). */
  private requeueHead(id: string, c: ConversationFields, name: 'release' | 'requeueExpired'): void {
    const now = this.policy.now();
    this.agents.get(c[FIELD.agent] ?? '')?.conversations.delete(id);
    this.claims.remove(id);
    this.stopAnswerTimer(id, c);
    this.activity.remove(id);
    const queue = c[FIELD.queue] ?? '';
    this.indexOf(this.queues, queue).add(id, headScore(Number(c[FIELD.escalatedAt] ?? now)));
    this.move(c, name);
    delete c[FIELD.agent];
    delete c[FIELD.claimedAt];
    delete c[FIELD.repliedAt];
    c[FIELD.updatedAt] = String(now);
  }

  private stopAnswerTimer(id: string, c: ConversationFields): void {
    this.unanswered.remove(id);
    delete c[FIELD.awaitingSince];
  }

  private leaveAgent(id: string, c: ConversationFields, now: number, name: 'handBack' | 'resolve'): void {
    this.agents.get(c[FIELD.agent] ?? '')?.conversations.delete(id);
    this.claims.remove(id);
    this.stopAnswerTimer(id, c);
    this.handling.unshift(now - Number(c[FIELD.claimedAt] ?? now));
    this.handling.length = Math.min(this.handling.length, this.policy.config.handlingSamples);
    this.activity.add(id, now);
    this.move(c, name);
    c[FIELD.updatedAt] = String(now);
  }

  private resolveAnswered(
    id: string,
    c: ConversationFields,
    now: number,
    name: 'resolveTicket' | 'resolveQuietTicket',
  ): void {
    this.answeredIndex.remove(id);
    this.move(c, name);
    c[FIELD.updatedAt] = String(now);
    this.activity.add(id, now);
  }

  private moveToPool(id: string): void {
    const c = this.conversations.get(id);
    this.poolDue.remove(id);
    if (!c || !WAITING_STATES.includes(this.stateOf(c))) return;
    const manager = c[FIELD.reservedFor];
    if (manager) this.reserved.get(manager)?.remove(id);
    delete c[FIELD.reservedFor];
    this.indexOf(this.queues, c[FIELD.queue] ?? '').add(id, Number(c[FIELD.score] ?? 0));
  }

  private promoteDue(now: number, into: string[]): void {
    for (const due of this.poolDue.upTo(now, this.policy.config.sweepLimit)) {
      this.moveToPool(due.id);
      into.push(due.id);
    }
  }

  private dropAgent(agentId: string): { requeued: string[]; toPool: string[] } {
    const agent = this.agents.get(agentId);
    const requeued: string[] = [];
    const toPool: string[] = [];
    this.onlineAgents.remove(agentId);
    if (!agent) return { requeued, toPool };
    for (const id of [...agent.conversations].sort()) {
      const c = this.conversations.get(id);
      if (c) this.requeueHead(id, c, 'requeueExpired');
      requeued.push(id);
    }
    agent.conversations.clear();
    for (const e of this.reserved.get(agentId)?.head(Number.MAX_SAFE_INTEGER) ?? []) {
      this.moveToPool(e.id);
      toPool.push(e.id);
    }
    return { requeued, toPool };
  }

  /**
   * An owner's move: `name` is checked against the table; null for a move that keeps the state
   * (the agent's reply), allowed wherever an agent holds the conversation.
   */
  private withOwner(
    conversationId: string,
    agentId: string,
    name: TransitionName | null,
    apply: (id: string, c: ConversationFields, now: number) => void,
  ): TransitionResult {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    const c = this.conversations.get(id);
    if (!c) return { ok: false, reason: 'not-found' };
    if (name ? !this.allows(c, name) : !HELD_STATES.includes(this.stateOf(c))) return this.wrongState(c);
    const owner = c[FIELD.agent] ?? '';
    if (owner !== aid) return { ok: false, reason: 'not-owner', agentId: owner };
    const now = this.policy.now();
    apply(id, c, now);
    c[FIELD.updatedAt] = String(now);
    return this.done(id, c);
  }
}
