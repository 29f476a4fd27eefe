import { type ConversationRecord } from '../conversation';
import { decodeConversation, FIELD, type ConversationFields } from '../conversation-fields';
import {
  canTransition,
  INITIAL_STATE,
  TRANSITIONS,
  type HandoffState,
  type TransitionName,
} from '../handoff-state';
import type { HandoffPolicy } from '../policy';
import { SortedIndex } from './sorted-index';

export interface AgentEntry {
  languages: string[];
  skills: string[];
  capacity: number;
  heartbeatAt: number;
  /** Online but taking no new conversations. */
  away: boolean;
  readonly conversations: Set<string>;
}

/**
 * The memory store's state, shared by its role objects (waiting line, desk, roster, tickets,
 * sweeps, records): the same data layout as the Redis keys (handoff/keys.ts), and the look-ups
 * every role needs. Each role method runs synchronously to completion, which is what makes it
 * atomic here.
 */
export class MemoryCore {
  readonly conversations = new Map<string, ConversationFields>();
  readonly queues = new Map<string, SortedIndex>();
  readonly reserved = new Map<string, SortedIndex>();
  readonly poolDue = new SortedIndex();
  readonly claims = new SortedIndex();
  /** With-agent conversation → when the customer's oldest unanswered message was written. */
  readonly unanswered = new SortedIndex();
  readonly activity = new SortedIndex();
  readonly openTickets = new SortedIndex();
  readonly answeredIndex = new SortedIndex();
  readonly agents = new Map<string, AgentEntry>();
  readonly onlineAgents = new SortedIndex();
  readonly handling: number[] = [];

  constructor(readonly policy: HandoffPolicy) {}

  stateOf(c: ConversationFields): HandoffState {
    return (c[FIELD.state] ?? INITIAL_STATE) as HandoffState;
  }

  /** The one look-up of the conversation rules: may this conversation take `name` (TRANSITIONS)? */
  allows(c: ConversationFields | undefined, name: TransitionName): boolean {
    return canTransition(c ? this.stateOf(c) : null, name);
  }

  /** Makes the move: its target state comes from the table too. */
  move(c: ConversationFields, name: TransitionName): void {
    c[FIELD.state] = TRANSITIONS[name].to;
  }

  wrongState(c: ConversationFields): { ok: false; reason: 'wrong-state'; state: HandoffState } {
    return { ok: false, reason: 'wrong-state', state: this.stateOf(c) };
  }

  done(id: string, c: ConversationFields): { ok: true; conversation: ConversationRecord } {
    return { ok: true, conversation: decodeConversation(id, c) };
  }

  indexOf(map: Map<string, SortedIndex>, key: string): SortedIndex {
    let index = map.get(key);
    if (!index) {
      index = new SortedIndex();
      map.set(key, index);
    }
    return index;
  }

  isOnline(agentId: string, cutoff: number): boolean {
    const beat = this.onlineAgents.score(agentId);
    return beat !== undefined && beat >= cutoff;
  }

  /** Online and not away: may be given new conversations. */
  isAvailable(agentId: string, cutoff: number): boolean {
    return this.isOnline(agentId, cutoff) && this.agents.get(agentId)?.away !== true;
  }

  /** The agents new conversations in this language may go to (online, not away). */
  onlineAgentsFor(language: string, cutoff: number): AgentEntry[] {
    const out: AgentEntry[] = [];
    for (const [id, a] of this.agents) {
      if (a.languages.includes(language) && !a.away && this.isOnline(id, cutoff)) out.push(a);
    }
    return out;
  }

  waitingIndex(c: ConversationFields): SortedIndex {
    const reservedFor = c[FIELD.reservedFor];
    return reservedFor
      ? this.indexOf(this.reserved, reservedFor)
      : this.indexOf(this.queues, c[FIELD.queue] ?? '');
  }

  rankIn(id: string, c: ConversationFields): number {
    return (this.waitingIndex(c).rank(id) ?? 0) + 1;
  }
}
