import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { AgentPresence, AgentProfile, AgentStatus } from '../agent';
import { systemClock, type Clock } from '../clock';
import { parseHandoffConfig, type HandoffConfigInput } from '../config';
import type { ConversationRecord, Escalation } from '../conversation';
import { decodeConversation, encodeCard, type ConversationFields, type FIELD } from '../conversation-fields';
import { isConversationState } from '../conversation-state';
import { HandoffError } from '../errors';
import { averageHandlingMs, estimateWaitMs } from '../estimated-wait';
import type { HandoffQueue, QueuedEntry } from '../handoff-queue';
import { handoffKeys, type HandoffKeys } from '../keys';
import { HandoffPolicy } from '../policy';
import { HEAD_BAND } from '../priority';
import type {
  ClaimResult,
  ContactResult,
  EnqueueResult,
  ForgetResult,
  HeartbeatResult,
  PositionResult,
  PresenceResult,
  Refusal,
  SweepResult,
  TransitionResult,
  UnansweredRequeue,
  WaitEstimateResult,
} from '../results';
import { asArray, asFields, asString, asStrings, splitClaimedView, toRefusal, type Reply } from './replies';
import type { TransferTarget } from '../transfer';
import { HANDOFF_SCRIPTS, type ScriptName } from './scripts';

export interface RedisHandoffQueueOptions {
  /**
   * A connection the caller owns (not closed by dispose): a Redis (standalone or Sentinel) or a
   * Cluster; or a URL / options to open one.
   */
  readonly redis: Redis | Cluster | string | RedisOptions;
  readonly config?: HandoffConfigInput;
  readonly clock?: Clock;
}

type ScriptFn = (...args: (string | number)[]) => Promise<unknown>;

const spaced = (list: readonly string[]): string => list.join(' ');
/** Joins enqueue's scalar arguments (languages, skills and numbers: never a control character). */
const UNIT_SEPARATOR = '\x1f';

function storeFailed(what: string, cause: unknown): HandoffError {
  if (cause instanceof HandoffError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new HandoffError('STORE_FAILED', `redis ${what} failed: ${message}`, { cause });
}

/**
 * The production store: every state change is one Lua script (see scripts/), so N bot instances
 * and the agent API can share one Redis (or Sentinel / Cluster: all keys share one hash tag).
 */
export class RedisHandoffQueue implements HandoffQueue {
  private readonly policy: HandoffPolicy;
  private readonly keys: HandoffKeys;
  private readonly redis: Redis | Cluster;
  private readonly ownsConnection: boolean;

  constructor(options: RedisHandoffQueueOptions) {
    const config = parseHandoffConfig(options.config);
    this.policy = new HandoffPolicy(config, options.clock ?? systemClock);
    this.keys = handoffKeys(config.keyPrefix);
    if (options.redis instanceof Redis || options.redis instanceof Cluster) {
      this.redis = options.redis;
      this.ownsConnection = false;
    } else {
      this.redis = typeof options.redis === 'string' ? new Redis(options.redis) : new Redis(options.redis);
      this.ownsConnection = true;
    }
    for (const s of Object.values(HANDOFF_SCRIPTS)) {
      // defineCommand is idempotent per connection: a shared connection may already have them.
      if (!(s.name in this.redis))
        this.redis.defineCommand(s.name, { numberOfKeys: s.numberOfKeys, lua: s.lua });
    }
  }

  /** The connection, for callers that share it (pub/sub needs its own). */
  get connection(): Redis | Cluster {
    return this.redis;
  }

  async touch(conversationId: string): Promise<void> {
    const id = this.policy.id(conversationId);
    await this.run('touch', [this.keys.conversation(id), this.keys.activity], [id, this.policy.now()]);
  }

  async enqueue(input: Escalation): Promise<EnqueueResult> {
    const p = this.policy.prepareEscalation(input);
    const e = p.escalation;
    const id = e.conversationId;
    let reply: unknown;
    try {
      reply = await this.send(
        'enqueue',
        [
          this.keys.conversation(id),
          this.keys.activity,
          this.keys.tickets,
          this.keys.languageAgents(e.language),
        ],
        [
          id,
          p.now,
          encodeCard(e),
          e.accountManagerId ?? '',
          [
            e.language,
            e.skill,
            p.score,
            p.poolAt,
            this.policy.heartbeatCutoff(p.now),
            p.open ? '1' : '0',
            p.promisedReplyAt,
          ].join(UNIT_SEPARATOR),
        ],
      );
    } catch (cause) {
      throw storeFailed('enqueue', cause);
    }
    // The usual case, queued in the pool, comes back as the bare position.
    if (typeof reply === 'number') return { ok: true, outcome: 'queued', position: reply };
    const parts = asArray(reply, 'enqueue');
    const code = asString(parts[0]);
    if (code === 'queued') {
      const reservedFor = asString(parts[2]);
      return {
        ok: true,
        outcome: 'queued',
        position: Number(parts[1]),
        ...(reservedFor ? { reservedFor } : {}),
      };
    }
    if (code === 'ticket') {
      const why = asString(parts[1]) === 'outside-hours' ? 'outside-hours' : 'no-agent-online';
      return { ok: true, outcome: 'ticket', why, promisedReplyAt: p.promisedReplyAt };
    }
    return this.refusal<Extract<EnqueueResult, { ok: false }>>(parts, 'enqueue');
  }

  async position(conversationId: string): Promise<PositionResult> {
    const inputs = await this.waitInputs(conversationId);
    if (!inputs.ok) return inputs;
    return { ok: true, position: inputs.position, queueLength: inputs.queueLength };
  }

  async estimatedWait(conversationId: string): Promise<WaitEstimateResult> {
    const inputs = await this.waitInputs(conversationId);
    if (!inputs.ok) return inputs;
    const fallback = this.policy.config.defaultHandlingMs;
    return {
      ok: true,
      position: inputs.position,
      waitMs: estimateWaitMs({
        position: inputs.position,
        onlineSlots: inputs.onlineSlots,
        recentHandlingMs: inputs.recent,
        defaultHandlingMs: fallback,
      }),
      basis: {
        onlineSlots: inputs.onlineSlots,
        averageHandlingMs: averageHandlingMs(inputs.recent, fallback),
        samples: inputs.recent.length,
      },
    };
  }

  async cancel(conversationId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    return this.transition(
      'cancel',
      id,
      [this.keys.conversation(id), this.keys.activity, this.keys.poolDue],
      [id, this.policy.now()],
    );
  }

  async claimNext(agentId: string): Promise<ClaimResult> {
    const aid = this.policy.id(agentId, 'agentId');
    const now = this.policy.now();
    let reply: unknown;
    try {
      reply = await this.send(
        'claimNext',
        [this.keys.agent(aid), this.keys.agentConversations(aid), this.keys.reserved(aid)],
        [
          aid,
          now,
          this.policy.claimDeadline(now),
          this.policy.heartbeatCutoff(now),
          this.policy.config.sweepLimit,
        ],
      );
    } catch (cause) {
      throw storeFailed('claimNext', cause);
    }
    return this.claimed(reply, 'claimNext', aid, now);
  }

  async claim(conversationId: string, agentId: string): Promise<ClaimResult> {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    const now = this.policy.now();
    let reply: unknown;
    try {
      reply = await this.send(
        'claim',
        [
          this.keys.conversation(id),
          this.keys.agent(aid),
          this.keys.agentConversations(aid),
          this.keys.claims,
        ],
        [id, aid, now, this.policy.claimDeadline(now), this.policy.heartbeatCutoff(now)],
      );
    } catch (cause) {
      throw storeFailed('claim', cause);
    }
    return this.claimed(reply, 'claim', aid, now);
  }

  async agentReplied(conversationId: string, agentId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    return this.transition(
      'agentReplied',
      id,
      [this.keys.conversation(id), this.keys.claims],
      [id, aid, this.policy.now()],
    );
  }

  async release(conversationId: string, agentId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    return this.transition(
      'release',
      id,
      [this.keys.conversation(id), this.keys.claims, this.keys.activity],
      [id, aid, this.policy.now(), HEAD_BAND],
    );
  }

  async transfer(
    conversationId: string,
    fromAgentId: string,
    target: TransferTarget,
  ): Promise<TransitionResult> {
    const t = this.policy.transferTarget(target);
    const id = this.policy.id(conversationId);
    const from = this.policy.id(fromAgentId, 'agentId');
    const now = this.policy.now();
    return this.transition(
      'transfer',
      id,
      [this.keys.conversation(id), this.keys.claims, this.keys.activity],
      [
        id,
        from,
        now,
        t.kind,
        t.kind === 'agent' ? t.agentId : '',
        t.kind === 'queue' ? (t.language ?? '') : '',
        t.kind === 'queue' ? (t.skill ?? '') : '',
        this.policy.claimDeadline(now),
        this.policy.heartbeatCutoff(now),
      ],
    );
  }

  async handBack(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.leave('handBack', conversationId, agentId);
  }

  async resolve(conversationId: string, agentId: string): Promise<TransitionResult> {
    return this.leave('resolve', conversationId, agentId);
  }

  async answerTicket(conversationId: string, agentId: string, answer: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    return this.transition(
      'answerTicket',
      id,
      [this.keys.conversation(id), this.keys.tickets, this.keys.answered],
      [id, aid, this.policy.now(), answer],
    );
  }

  async customerReplied(conversationId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const now = this.policy.now();
    return this.transition(
      'customerReplied',
      id,
      [this.keys.conversation(id), this.keys.tickets, this.keys.answered],
      [id, now, this.policy.heartbeatCutoff(now), now + this.policy.config.accountManagerWaitMs],
    );
  }

  async resolveTicket(conversationId: string): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    return this.transition(
      'resolveTicket',
      id,
      [this.keys.conversation(id), this.keys.answered, this.keys.activity],
      [id, this.policy.now()],
    );
  }

  async resolveQuietTickets(): Promise<readonly string[]> {
    const now = this.policy.now();
    const reply = await this.run(
      'resolveQuietTickets',
      [this.keys.answered, this.keys.activity],
      [now, this.policy.ticketQuietCutoff(now), this.policy.config.sweepLimit],
    );
    return reply.map(asString);
  }

  async offerTickets(agentId: string): Promise<readonly string[]> {
    const aid = this.policy.id(agentId, 'agentId');
    const now = this.policy.now();
    // Out of hours a ticket stays a ticket, as at escalation.
    if (!this.policy.hours.isOpen(now)) return [];
    const reply = await this.run(
      'offerTickets',
      [this.keys.agent(aid), this.keys.tickets],
      [
        aid,
        now,
        this.policy.heartbeatCutoff(now),
        this.policy.presentCutoff(now),
        this.policy.config.sweepLimit,
      ],
    );
    return reply.map(asString);
  }

  async tickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.listed(this.keys.tickets, limit);
  }

  async answeredTickets(limit = 50): Promise<readonly ConversationRecord[]> {
    return this.listed(this.keys.answered, limit);
  }

  /** The records of a sorted set of conversations (tickets, answered tickets), in its order. */
  private async listed(index: string, limit: number): Promise<readonly ConversationRecord[]> {
    const reply = await this.run('listTickets', [index], [limit]);
    const out: ConversationRecord[] = [];
    for (let i = 0; i + 1 < reply.length; i += 2)
      out.push(decodeConversation(asString(reply[i]), asFields(reply[i + 1])));
    return out;
  }

  async requeueExpired(): Promise<SweepResult> {
    const now = this.policy.now();
    const reply = await this.run(
      'requeueExpired',
      [this.keys.onlineAgents, this.keys.claims, this.keys.poolDue, this.keys.unanswered],
      [
        now,
        this.policy.heartbeatCutoff(now),
        HEAD_BAND,
        this.policy.config.sweepLimit,
        this.policy.answerCutoff(now) ?? '',
      ],
    );
    const pairs = asStrings(reply[3]);
    const unanswered: UnansweredRequeue[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2)
      unanswered.push({ conversationId: pairs[i] ?? '', agentId: pairs[i + 1] ?? '' });
    return {
      requeued: asStrings(reply[0]),
      toPool: asStrings(reply[1]),
      agentsOffline: asStrings(reply[2]),
      unanswered,
    };
  }

  async closeSilent(): Promise<readonly string[]> {
    const now = this.policy.now();
    const reply = await this.run(
      'closeSilent',
      [this.keys.activity, this.keys.claims],
      [now, this.policy.silenceCutoff(now), this.policy.config.sweepLimit],
    );
    return reply.map(asString);
  }

  async agentOnline(profile: AgentProfile): Promise<void> {
    const p = this.policy.agentProfile(profile);
    await this.run(
      'agentOnline',
      [this.keys.agent(p.agentId), this.keys.onlineAgents],
      [p.agentId, spaced(p.languages), spaced(p.skills), p.capacity, this.policy.now()],
    );
  }

  async heartbeat(agentId: string): Promise<HeartbeatResult> {
    const aid = this.policy.id(agentId, 'agentId');
    const reply = await this.run(
      'heartbeat',
      [this.keys.agent(aid), this.keys.onlineAgents],
      [aid, this.policy.now()],
    );
    return asString(reply[0]) === 'ok' ? { ok: true } : { ok: false, reason: 'agent-offline' };
  }

  async setPresence(agentId: string, presence: AgentPresence): Promise<PresenceResult> {
    const aid = this.policy.id(agentId, 'agentId');
    const p = this.policy.presence(presence);
    const reply = await this.run(
      'setPresence',
      [this.keys.agent(aid), this.keys.onlineAgents],
      [aid, p, this.policy.now()],
    );
    if (asString(reply[0]) !== 'ok') return { ok: false, reason: 'agent-offline' };
    return { ok: true, toPool: asStrings(reply[1]) };
  }

  async agentOffline(agentId: string): Promise<readonly string[]> {
    const aid = this.policy.id(agentId, 'agentId');
    const reply = await this.run(
      'agentOffline',
      [this.keys.onlineAgents, this.keys.agentConversations(aid)],
      [aid, this.policy.now(), HEAD_BAND],
    );
    return reply.map(asString);
  }

  async agent(agentId: string): Promise<AgentStatus | null> {
    const aid = this.policy.id(agentId, 'agentId');
    const result = await this.guard('agent', () =>
      this.redis
        .multi()
        .hgetall(this.keys.agent(aid))
        .smembers(this.keys.agentConversations(aid))
        .zscore(this.keys.onlineAgents, aid)
        .exec(),
    );
    const profile = (result?.[0]?.[1] ?? {}) as Record<string, string>;
    const conversations = (result?.[1]?.[1] ?? []) as string[];
    const beat = result?.[2]?.[1];
    if (!profile.languages) return null;
    const online = typeof beat === 'string' && Number(beat) >= this.policy.heartbeatCutoff(this.policy.now());
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

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const id = this.policy.id(conversationId);
    const fields = await this.guard('get', () => this.redis.hgetall(this.keys.conversation(id)));
    return Object.keys(fields).length === 0 ? null : decodeConversation(id, fields);
  }

  async forget(conversationId: string): Promise<ForgetResult> {
    const id = this.policy.id(conversationId);
    const reply = (await this.run('forget', [this.keys.conversation(id), this.keys.activity], [id])).map(
      asString,
    );
    if (reply[0] === 'ok') return { ok: true, forgotten: reply[1] === '1' };
    const state = reply[2] ?? '';
    if (!isConversationState(state))
      throw new HandoffError('STORE_FAILED', `forget: unexpected reply ${reply.join(' ')}`);
    return { ok: false, reason: 'active', state };
  }

  async peek(limit = 50): Promise<readonly QueuedEntry[]> {
    const flat = (await this.run('peek', [this.keys.queues, this.keys.onlineAgents], [limit])).map(asString);
    const all: QueuedEntry[] = [];
    for (let i = 0; i + 3 < flat.length; i += 4) {
      const reservedFor = flat[i + 3];
      all.push({
        conversationId: flat[i] ?? '',
        queue: flat[i + 1] ?? '',
        score: Number(flat[i + 2]),
        ...(reservedFor ? { reservedFor } : {}),
      });
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
    const reply = await this.run(
      'setContactEmail',
      [this.keys.conversation(id)],
      [id, address, options.onlyIfEmpty ? '1' : '0', this.policy.now()],
    );
    if (asString(reply[0]) !== 'ok') return { ok: false, reason: 'not-found' };
    return {
      ok: true,
      stored: Number(reply[1]) === 1,
      conversation: decodeConversation(id, asFields(reply[2])),
    };
  }

  async dispose(): Promise<void> {
    if (!this.ownsConnection) return;
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  // ---- internals -------------------------------------------------------------------------

  private async guard<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (cause) {
      throw storeFailed(what, cause);
    }
  }

  /**
   * Starts a script; its reply as ioredis gives it. Not async, and errors are mapped by the caller
   * (`run`, or a try around the await on the hot paths): one promise less per operation.
   */
  private send(
    name: ScriptName,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    const s = HANDOFF_SCRIPTS[name];
    const fn = (this.redis as unknown as Record<string, ScriptFn>)[s.name];
    if (!fn)
      return Promise.reject(
        new HandoffError('STORE_FAILED', `script ${s.name} is not defined on this connection`),
      );
    // ioredis turns numbers into strings itself; no closure or copy on the hot path.
    return fn.call(this.redis, ...keys, this.keys.base, ...args);
  }

  /** Runs a script whose every reply is a table. */
  private async run(
    name: ScriptName,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<Reply[]> {
    let reply: unknown;
    try {
      reply = await this.send(name, keys, args);
    } catch (cause) {
      throw storeFailed(name, cause);
    }
    return asArray(reply, name);
  }

  /** The scripts only return the codes their header lists, so the narrowing holds. */
  private refusal<R extends Refusal>(reply: Reply[], what: string): R {
    return toRefusal(reply, what) as R;
  }

  /** A claim's reply (claimedView in lua-common.ts) + what this side sent → the claimed record. */
  private claimed(reply: unknown, what: string, agentId: string, now: number): ClaimResult {
    if (typeof reply !== 'string') {
      const parts = asArray(reply, what);
      if (asString(parts[0]) !== 'ok') return this.refusal<Extract<ClaimResult, { ok: false }>>(parts, what);
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

  private async transition(
    name: ScriptName,
    id: string,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<TransitionResult> {
    const reply = await this.run(name, keys, args);
    if (asString(reply[0]) !== 'ok')
      return this.refusal<Extract<TransitionResult, { ok: false }>>(reply, name);
    return { ok: true, conversation: decodeConversation(id, asFields(reply[1])) };
  }

  private async leave(
    name: 'handBack' | 'resolve',
    conversationId: string,
    agentId: string,
  ): Promise<TransitionResult> {
    const id = this.policy.id(conversationId);
    const aid = this.policy.id(agentId, 'agentId');
    return this.transition(
      name,
      id,
      [this.keys.conversation(id), this.keys.claims, this.keys.activity],
      [id, aid, this.policy.now(), this.policy.config.handlingSamples],
    );
  }

  private async waitInputs(
    conversationId: string,
  ): Promise<
    | { ok: true; position: number; queueLength: number; onlineSlots: number; recent: number[] }
    | Extract<Refusal, { reason: 'not-found' | 'wrong-state' }>
  > {
    const id = this.policy.id(conversationId);
    const now = this.policy.now();
    const reply = await this.run(
      'waitInputs',
      [this.keys.conversation(id), this.keys.handling],
      [id, this.policy.heartbeatCutoff(now)],
    );
    if (asString(reply[0]) !== 'ok')
      return this.refusal<Extract<PositionResult, { ok: false }>>(reply, 'waitInputs');
    return {
      ok: true,
      position: Number(reply[1]),
      queueLength: Number(reply[2]),
      onlineSlots: Number(reply[3]),
      recent: asStrings(reply[4]).map(Number),
    };
  }
}
