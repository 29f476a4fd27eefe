import { randomUUID } from 'node:crypto';
import type { ConversationRecord, HandoffQueue } from '../../handoff/index';
import type { ClaimResult, TransferTarget, TransitionResult } from '../../handoff/index';
import type { Log } from '../log';
import type { AgentAccount } from './accounts';
import type { AgentResolve } from '../closing/close-info';
import { readReference, type CustomerRelay } from './customer-relay';
import type { AgentEventBus } from './events';
import { mentionedAgents } from './mentions';
import { PresenceNotices } from './presence-notices';
import type { Presence, RelayLine, RelayLog } from './relay-log';

/** A refused request, already in HTTP terms: the routes send it as is. */
export interface Failure {
  readonly ok: false;
  readonly status: 400 | 403 | 404 | 409;
  readonly code: string;
  readonly message: string;
}
export type Result<T> = { readonly ok: true; readonly value: T } | Failure;

const fail = (status: Failure['status'], code: string, message: string): Failure => ({
  ok: false,
  status,
  code,
  message,
});
const done = <T>(value: T): Result<T> => ({ ok: true, value });

/** How a conversation appears in the queue and in "mine". */
export interface ConversationSummary {
  readonly id: string;
  readonly state: string;
  readonly language?: string;
  readonly priority?: string;
  readonly reason?: string;
  readonly agentId?: string;
  readonly waitMs?: number;
  /** The name the customer is known by (signed identity or contact left): the console's title. */
  readonly customerName?: string;
  readonly firstLines: readonly string[];
}

export interface AgentServiceDeps {
  readonly queue: HandoffQueue;
  readonly store: RelayLog;
  readonly bus: AgentEventBus;
  readonly relay: CustomerRelay;
  readonly clock: () => Date;
  /** Every agent account (transfer targets). */
  readonly accounts: readonly AgentAccount[];
  /** The closing service (bot/closing/): a resolve is a close, and a ticket offered live is told there. */
  readonly closing?: AgentClosing;
  /** Where a presence notice the channel refused is reported (the agent's action stands). */
  readonly log?: Log;
}

/** What the agent side asks of the closing service. */
export interface AgentClosing {
  agentResolved(resolve: AgentResolve): Promise<void>;
  ticketOffered(conversationId: string): Promise<void>;
}

const QUEUE_VIEW_LIMIT = 200;
/** The console sends typing every few seconds; more often would only fill the customer's log. */
const AGENT_TYPING_EVERY_MS = 1_000;

/** What an agent can do, each check made here once; the routes only translate HTTP. */
export class AgentService {
  /** Agent messages of one conversation go out one after the other (order kept). */
  private readonly sending = new Map<string, Promise<unknown>>();
  private readonly typingRelayed = new Map<string, number>();

  /** Join, leave and hand-back notices to the customer. */
  private readonly presence: PresenceNotices;

  constructor(private readonly deps: AgentServiceDeps) {
    this.presence = new PresenceNotices(deps.relay, (error) =>
      deps.log?.error('presence notice not delivered', error),
    );
  }

  async setPresence(agent: AgentAccount, presence: Presence): Promise<Result<{ presence: Presence }>> {
    const { queue, store, bus } = this.deps;
    if (presence === 'offline') {
      const requeued = await queue.agentOffline(agent.id);
      for (const conversationId of requeued) {
        await bus.publish({ type: 'queue-changed', conversationId });
        await this.presence.tell(await queue.get(conversationId), { kind: 'left', agent });
      }
    } else {
      await queue.agentOnline({
        agentId: agent.id,
        languages: [...agent.languages],
        skills: [...agent.skills],
        capacity: agent.capacity,
      });
      if (presence === 'online') await this.offerTickets(agent);
      // Away in the queue too: keeps their conversations, counts as nobody for new ones.
      if (presence === 'away') {
        const away = await queue.setPresence(agent.id, 'away');
        for (const conversationId of away.ok ? away.toPool : [])
          await bus.publish({ type: 'queue-changed', conversationId });
      }
    }
    await store.setPresence(agent.id, presence);
    return done({ presence });
  }

  /** Waiting tickets whose customer is still here become live conversations; each customer is told. */
  private async offerTickets(agent: AgentAccount): Promise<void> {
    const offered = await this.deps.queue.offerTickets(agent.id);
    for (const conversationId of offered) {
      await this.deps.bus.publish({ type: 'queue-changed', conversationId });
      const language = (await this.deps.queue.get(conversationId))?.language;
      if (language) await this.deps.bus.publish({ type: 'queued', conversationId, language });
      await this.deps.closing?.ticketOffered(conversationId);
    }
  }

  async heartbeat(agent: AgentAccount): Promise<Result<{ presence: Presence }>> {
    const beat = await this.deps.queue.heartbeat(agent.id);
    if (!beat.ok) return fail(409, 'AgentOffline', 'you are offline: set your presence to online first');
    return done({ presence: await this.deps.store.presence(agent.id) });
  }

  async queueView(
    agent: AgentAccount,
  ): Promise<Result<{ waiting: ConversationSummary[]; mine: ConversationSummary[] }>> {
    const { queue } = this.deps;
    const entries = await queue.peek(QUEUE_VIEW_LIMIT);
    const waiting: ConversationSummary[] = [];
    for (const entry of entries) {
      if (entry.reservedFor && entry.reservedFor !== agent.id) continue;
      const record = await queue.get(entry.conversationId);
      if (record && this.inMyQueue(agent, record)) waiting.push(this.summary(record));
    }
    const status = await queue.agent(agent.id);
    const mine: ConversationSummary[] = [];
    for (const id of status?.conversations ?? []) {
      const record = await queue.get(id);
      if (record) mine.push(this.summary(record));
    }
    return done({ waiting, mine });
  }

  async claimNext(agent: AgentAccount): Promise<Result<ConversationSummary>> {
    if ((await this.deps.store.presence(agent.id)) === 'away')
      return fail(409, 'Away', 'you are away: set your presence to online to take conversations');
    return this.claimed(agent, await this.deps.queue.claimNext(agent.id));
  }

  async claim(agent: AgentAccount, conversationId: string): Promise<Result<ConversationSummary>> {
    const record = await this.deps.queue.get(conversationId);
    if (!record) return fail(404, 'NotFound', `no conversation ${conversationId}`);
    if (record.state === 'with-agent' && record.agentId !== agent.id)
      return fail(
        409,
        'AlreadyClaimed',
        `conversation ${conversationId} is already taken by ${record.agentId ?? 'another agent'}`,
      );
    if (!this.readable(agent, record))
      return fail(403, 'Forbidden', 'this conversation is not in your queue');
    if ((await this.deps.store.presence(agent.id)) === 'away')
      return fail(409, 'Away', 'you are away: set your presence to online to take conversations');
    return this.claimed(agent, await this.deps.queue.claim(conversationId, agent.id));
  }

  /**
   * Logged once and delivered once per `clientMessageId`: a retry after a failed delivery sends the
   * logged line again (not a second copy); a retry after a delivery returns the line, sending nothing.
   */
  async send(
    agent: AgentAccount,
    conversationId: string,
    text: string,
    clientMessageId: string = randomUUID(),
  ): Promise<Result<RelayLine>> {
    const owned = await this.owned(agent, conversationId);
    if (!owned.ok) return owned;
    const previous = this.sending.get(conversationId) ?? Promise.resolve();
    const run = previous.then(async () => {
      const { store } = this.deps;
      const { line, created } = await store.appendOnce(conversationId, clientMessageId, {
        from: 'agent',
        text,
        at: this.deps.clock().getTime(),
        agentId: agent.id,
      });
      if (created) await this.deps.queue.agentReplied(conversationId, agent.id);
      if (await store.delivered(conversationId, line.seq)) return line;
      const reference = readReference(owned.value.context.reference);
      if (reference)
        await this.deps.relay.say(
          reference,
          line.text,
          owned.value.language,
          `${conversationId}:${line.seq}`,
          { agent, logged: true },
        );
      await store.markDelivered(conversationId, line.seq);
      return line;
    });
    const settled = run.catch(() => undefined);
    this.sending.set(conversationId, settled);
    try {
      return done(await run);
    } finally {
      if (this.sending.get(conversationId) === settled) this.sending.delete(conversationId);
    }
  }

  /** The agent is typing: relayed to the customer's channel at most once a second per conversation. */
  async typing(agent: AgentAccount, conversationId: string): Promise<Result<{ relayed: boolean }>> {
    const owned = await this.owned(agent, conversationId);
    if (!owned.ok) return owned;
    const now = performance.now();
    const last = this.typingRelayed.get(conversationId);
    if (last !== undefined && now - last < AGENT_TYPING_EVERY_MS) return done({ relayed: false });
    for (const [id, at] of this.typingRelayed)
      if (now - at > AGENT_TYPING_EVERY_MS) this.typingRelayed.delete(id);
    this.typingRelayed.set(conversationId, now);
    const reference = readReference(owned.value.context.reference);
    if (reference) await this.deps.relay.typing(reference);
    return done({ relayed: reference !== undefined });
  }

  /**
   * To a colleague (online, not away, speaks the language, has room) or back to a queue (another
   * language or skill allowed): the queue checks it all in one step; refusals name the reason.
   */
  async transfer(
    agent: AgentAccount,
    conversationId: string,
    target: TransferTarget,
    note?: string,
  ): Promise<Result<ConversationSummary>> {
    if (target.kind === 'agent' && target.agentId === agent.id)
      return fail(400, 'BadRequest', 'target.agentId: the conversation is already yours');
    if (target.kind === 'agent' && !this.deps.accounts.some((a) => a.id === target.agentId))
      return fail(400, 'BadRequest', `target.agentId: no agent ${target.agentId}`);
    const owned = await this.owned(agent, conversationId);
    if (!owned.ok) return owned;
    const result = await this.deps.queue.transfer(conversationId, agent.id, target);
    if (!result.ok) return transferRefusal(result);
    const { bus, store, clock } = this.deps;
    const moved = result.conversation;
    const to =
      target.kind === 'agent'
        ? target.agentId
        : `the ${moved.language ?? '?'}${moved.skill && moved.skill !== 'general' ? `/${moved.skill}` : ''} queue`;
    await store.append(conversationId, {
      from: 'system',
      text: `transferred by ${agent.id} to ${to}`,
      at: clock().getTime(),
      agentId: agent.id,
    });
    // Written once the transfer is done, so a refused transfer leaves no note behind.
    if (note !== undefined) await this.writeNote(agent, conversationId, note);
    const colleague = this.deps.accounts.find((a) => target.kind === 'agent' && a.id === target.agentId);
    await this.presence.tell(
      moved,
      colleague ? { kind: 'took-over', agent: colleague } : { kind: 'left', agent },
    );
    if (target.kind === 'agent')
      await bus.publish({
        type: 'transferred',
        conversationId,
        fromAgentId: agent.id,
        agentId: target.agentId,
      });
    else if (result.conversation.language)
      await bus.publish({ type: 'queued', conversationId, language: result.conversation.language });
    await bus.publish({ type: 'queue-changed', conversationId });
    return done(this.summary(result.conversation));
  }

  /**
   * An internal note, for an agent who may read the conversation (same rule as its transcript):
   * kept in the agent-side log only, never relayed to the customer. Every agent who may read the
   * conversation gets it live (`note`), and each colleague it @mentions a `mention` event.
   */
  async addNote(agent: AgentAccount, conversationId: string, text: string): Promise<Result<RelayLine>> {
    const record = await this.deps.queue.get(conversationId);
    if (!record) return fail(404, 'NotFound', `no conversation ${conversationId}`);
    if (!this.readable(agent, record))
      return fail(403, 'Forbidden', 'this conversation is not in your queue nor yours');
    const line = await this.writeNote(agent, conversationId, text);
    // The readers are decided here, with the record in hand: the stream only filters by id.
    const readers = this.deps.accounts.filter((a) => this.readable(a, record)).map((a) => a.id);
    await this.deps.bus.publish({ type: 'note', conversationId, readers, line });
    return done(line);
  }

  private async writeNote(agent: AgentAccount, conversationId: string, text: string): Promise<RelayLine> {
    const mentioned = mentionedAgents(text, this.deps.accounts);
    const line = await this.deps.store.append(conversationId, {
      from: 'note',
      text,
      at: this.deps.clock().getTime(),
      agentId: agent.id,
      ...(mentioned.length > 0 ? { mentions: mentioned.map((a) => a.id) } : {}),
    });
    for (const colleague of mentioned) {
      if (colleague.id === agent.id) continue;
      await this.deps.bus.publish({
        type: 'mention',
        conversationId,
        agentId: colleague.id,
        fromAgentId: agent.id,
        fromName: agent.name,
        seq: line.seq,
        excerpt: text.slice(0, 200),
      });
    }
    return line;
  }

  /** Where the agent can transfer to: colleagues online now (not away), and the queues of the languages agents speak. */
  async colleagues(
    agent: AgentAccount,
  ): Promise<
    Result<{ agents: { id: string; name: string; languages: readonly string[] }[]; queues: string[] }>
  > {
    const agents: { id: string; name: string; languages: readonly string[] }[] = [];
    for (const account of this.deps.accounts) {
      if (account.id === agent.id) continue;
      const status = await this.deps.queue.agent(account.id);
      if (status?.presence === 'online')
        agents.push({ id: account.id, name: account.name, languages: account.languages });
    }
    const queues = [...new Set(this.deps.accounts.flatMap((a) => a.languages))].sort();
    return done({ agents, queues });
  }

  /**
   * The sweeper put these back in the queue (claim timeout, console gone silent): the queue no
   * longer names the agent, so the leave notice names the last one who wrote, if any.
   */
  async requeuedBySweep(conversationIds: readonly string[]): Promise<void> {
    for (const conversationId of conversationIds) {
      const lines = await this.deps.store.lines(conversationId);
      const lastAgentId = [...lines].reverse().find((l) => l.from === 'agent' && l.agentId)?.agentId;
      const agent = this.deps.accounts.find((a) => a.id === lastAgentId);
      await this.presence.tell(await this.deps.queue.get(conversationId), {
        kind: 'left',
        ...(agent ? { agent } : {}),
      });
    }
  }

  async release(agent: AgentAccount, conversationId: string): Promise<Result<ConversationSummary>> {
    const result = await this.transition(agent, conversationId, (id) =>
      this.deps.queue.release(id, agent.id),
    );
    if (result.ok)
      await this.presence.tell(await this.deps.queue.get(conversationId), { kind: 'left', agent });
    return result;
  }

  async handBack(agent: AgentAccount, conversationId: string): Promise<Result<ConversationSummary>> {
    const result = await this.transition(agent, conversationId, (id) =>
      this.deps.queue.handBack(id, agent.id),
    );
    if (result.ok) {
      // The person says goodbye first, then the bot says it is the bot again.
      await this.presence.tell(await this.deps.queue.get(conversationId), { kind: 'handed-back', agent });
      await this.handedBack(conversationId);
    }
    return result;
  }

  async resolve(
    agent: AgentAccount,
    conversationId: string,
    reason: string,
  ): Promise<Result<ConversationSummary>> {
    const result = await this.transition(agent, conversationId, (id) =>
      this.deps.queue.resolve(id, agent.id),
    );
    if (result.ok) {
      await this.deps.store.append(conversationId, {
        from: 'system',
        text: `resolved: ${reason}`,
        at: this.deps.clock().getTime(),
        agentId: agent.id,
      });
      // The queue already says resolved: a channel that refuses the closing turn changes nothing here.
      await this.deps.closing?.agentResolved({ conversationId, agent }).catch(() => undefined);
    }
    return result;
  }

  /** The whole conversation with the bot's context, for an agent allowed to read it. */
  async transcript(agent: AgentAccount, conversationId: string) {
    const record = await this.deps.queue.get(conversationId);
    if (!record) return fail(404, 'NotFound', `no conversation ${conversationId}`);
    if (!this.readable(agent, record))
      return fail(403, 'Forbidden', 'this conversation is not in your queue nor yours');
    const { reference: _reference, ...context } = record.context;
    return done({
      conversation: this.summary(record),
      botTranscript: record.transcript,
      lines: await this.deps.store.lines(conversationId),
      context,
    });
  }

  /** Whether the agent may read this conversation now (its files too). */
  async mayRead(agent: AgentAccount, conversationId: string): Promise<boolean> {
    const record = await this.deps.queue.get(conversationId);
    return record !== null && this.readable(agent, record);
  }

  /** Queued or an open ticket in a language the agent speaks, or theirs. */
  readable(agent: AgentAccount, record: ConversationRecord): boolean {
    if (record.state === 'with-agent') return record.agentId === agent.id;
    if (record.state === 'ticket')
      return record.language === undefined || agent.languages.includes(record.language);
    return this.inMyQueue(agent, record);
  }

  private inMyQueue(agent: AgentAccount, record: ConversationRecord): boolean {
    return (
      record.state === 'queued' && record.language !== undefined && agent.languages.includes(record.language)
    );
  }

  private async owned(agent: AgentAccount, conversationId: string): Promise<Result<ConversationRecord>> {
    const record = await this.deps.queue.get(conversationId);
    if (!record) return fail(404, 'NotFound', `no conversation ${conversationId}`);
    if (record.state !== 'with-agent' || record.agentId !== agent.id) {
      if (this.readable(agent, record)) return fail(409, 'NotClaimed', 'claim the conversation first');
      return fail(403, 'Forbidden', 'this conversation is not yours');
    }
    return done(record);
  }

  private async transition(
    agent: AgentAccount,
    conversationId: string,
    change: (id: string) => Promise<TransitionResult>,
  ): Promise<Result<ConversationSummary>> {
    const owned = await this.owned(agent, conversationId);
    if (!owned.ok) return owned;
    const result = await change(conversationId);
    if (!result.ok) return fail(409, 'Conflict', refusalMessage(result.reason));
    await this.deps.bus.publish({ type: 'queue-changed', conversationId });
    return done(this.summary(result.conversation));
  }

  private async handedBack(conversationId: string): Promise<void> {
    const record = await this.deps.queue.get(conversationId);
    const reference = readReference(record?.context.reference);
    if (!reference) return;
    // The queue already says "bot": if the channel refuses this proactive turn, the customer's
    // next message finds the bot answering anyway. The agent's action stands.
    await this.deps.relay.handBack(reference).catch(() => undefined);
  }

  private async claimed(agent: AgentAccount, result: ClaimResult): Promise<Result<ConversationSummary>> {
    if (!result.ok) {
      const status = result.reason === 'not-found' || result.reason === 'queue-empty' ? 404 : 409;
      const code = result.reason === 'already-claimed' ? 'AlreadyClaimed' : 'ClaimRefused';
      const detail = {
        ...('agentId' in result ? { agentId: result.agentId } : {}),
        ...('capacity' in result ? { capacity: result.capacity } : {}),
      };
      return fail(status, code, refusalMessage(result.reason, detail));
    }
    await this.deps.bus.publish({ type: 'queue-changed', conversationId: result.conversation.id });
    await this.presence.tell(result.conversation, { kind: 'joined', agent });
    return done(this.summary(result.conversation));
  }

  private summary(record: ConversationRecord): ConversationSummary {
    const now = this.deps.clock().getTime();
    return {
      id: record.id,
      state: record.state,
      ...(record.language ? { language: record.language } : {}),
      ...(record.priority ? { priority: record.priority } : {}),
      ...(record.reason ? { reason: record.reason } : {}),
      ...(record.agentId ? { agentId: record.agentId } : {}),
      ...(record.escalatedAt !== undefined ? { waitMs: Math.max(0, now - record.escalatedAt) } : {}),
      ...(record.contact.name ? { customerName: record.contact.name } : {}),
      firstLines: record.transcript
        .filter((l) => l.from === 'customer')
        .slice(0, 3)
        .map((l) => l.text.slice(0, 200)),
    };
  }
}

function transferRefusal(result: Extract<TransitionResult, { ok: false }>): Failure {
  switch (result.reason) {
    case 'not-found':
      return fail(404, 'NotFound', 'no such conversation');
    case 'not-owner':
      return fail(403, 'Forbidden', 'this conversation is not yours');
    case 'wrong-state':
      return fail(409, 'Conflict', refusalMessage('wrong-state'));
    case 'agent-offline':
      return fail(409, 'TargetOffline', 'that agent is offline');
    case 'agent-unavailable':
      return fail(409, 'TargetAway', 'that agent is away and takes no new conversations');
    case 'at-capacity':
      return fail(409, 'TargetAtCapacity', `that agent already holds ${result.capacity} conversations`);
    case 'not-routable':
      return fail(
        409,
        'NotRoutable',
        result.detail === 'language'
          ? 'nobody available speaks that language'
          : 'nobody available has that skill',
      );
  }
}

function refusalMessage(reason: string, detail: { agentId?: string; capacity?: number } = {}): string {
  switch (reason) {
    case 'already-claimed':
      return `already taken by ${detail.agentId ?? 'another agent'}`;
    case 'at-capacity':
      return `you already hold ${detail.capacity ?? 'your maximum of'} conversations`;
    case 'agent-offline':
      return 'you are offline: set your presence to online first';
    case 'not-routable':
      return 'this conversation needs a language or skill you do not have';
    case 'reserved-for-account-manager':
      return 'reserved for the customer’s account manager for now';
    case 'queue-empty':
      return 'nobody is waiting in your queues';
    case 'not-owner':
      return 'this conversation is not yours';
    case 'wrong-state':
      return 'the conversation is no longer in a state that allows this';
    default:
      return `refused (${reason})`;
  }
}
