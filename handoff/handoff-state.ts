/**
 * The life of a conversation, as far as the handoff is concerned. Every transition below is one
 * atomic store operation that checks the current state first; anything else is refused.
 */
export const HANDOFF_STATES = [
  'bot',
  'queued',
  'with-agent',
  'ticket',
  /** A ticket answered by an agent: the case stays open for the customer's reply. */
  'answered',
  'resolved',
  'closed',
  'cancelled',
] as const;

export type HandoffState = (typeof HANDOFF_STATES)[number];

export type TransitionName =
  | 'enqueue'
  | 'openTicket'
  | 'claim'
  | 'release'
  | 'transfer'
  | 'transferToQueue'
  | 'requeueExpired'
  | 'handBack'
  | 'resolve'
  | 'cancel'
  | 'answerTicket'
  | 'replyToAnswer'
  | 'reopenTicket'
  | 'resolveTicket'
  | 'resolveQuietTicket'
  | 'offerTicket'
  | 'closeSilent';

interface TransitionRule {
  readonly from: readonly HandoffState[];
  readonly to: HandoffState;
  readonly why: string;
}

/**
 * The single table both stores follow: the memory store looks every move up here
 * (memory/ `transition`), and the Redis scripts get their guards and target states generated from
 * it (redis/lua-transitions.ts). A move that is not in this table is refused by both.
 */
export const TRANSITIONS: Readonly<Record<TransitionName, TransitionRule>> = Object.freeze({
  // resolved / closed: the same customer asks again later; a new handoff cycle (new escalation time).
  enqueue: {
    from: ['bot', 'cancelled', 'resolved', 'closed'],
    to: 'queued',
    why: 'customer escalated, an agent is online in hours',
  },
  openTicket: {
    from: ['bot', 'cancelled', 'resolved', 'closed'],
    to: 'ticket',
    why: 'customer escalated outside business hours or with nobody online for the language',
  },
  claim: { from: ['queued'], to: 'with-agent', why: 'an agent took it (claim or claimNext)' },
  release: { from: ['with-agent'], to: 'queued', why: 'the agent gave it back: head of the queue' },
  transfer: { from: ['with-agent'], to: 'with-agent', why: 'the owner passed it to a colleague' },
  transferToQueue: {
    from: ['with-agent'],
    to: 'queued',
    why: 'the owner sent it back to a queue (maybe another language or skill), in its class',
  },
  requeueExpired: {
    from: ['with-agent'],
    to: 'queued',
    why: 'no agent reply before the claim timeout or the answer timeout, or the agent console stopped its heartbeats',
  },
  handBack: { from: ['with-agent'], to: 'bot', why: 'the agent handed the conversation back to the bot' },
  resolve: { from: ['with-agent'], to: 'resolved', why: 'the agent resolved it' },
  cancel: {
    from: ['queued', 'ticket', 'answered'],
    to: 'cancelled',
    why: 'the customer stopped waiting, or withdrew the ticket (the bot takes over again)',
  },
  answerTicket: {
    from: ['ticket'],
    to: 'answered',
    why: "an agent answered the ticket (e-mail + chat); the case stays open for the customer's reply",
  },
  replyToAnswer: {
    from: ['answered'],
    to: 'queued',
    why: 'the customer replied to the answer: back to the answering agent (online, with room)',
  },
  reopenTicket: {
    from: ['answered'],
    to: 'ticket',
    why: 'the customer replied to the answer and its agent cannot take it now: back to the ticket list',
  },
  resolveTicket: { from: ['answered'], to: 'resolved', why: 'the customer confirmed the answer settled it' },
  resolveQuietTicket: {
    from: ['answered'],
    to: 'resolved',
    why: 'no reply to the answer within ticketQuietMs (TICKET_QUIET_HOURS)',
  },
  offerTicket: {
    from: ['ticket'],
    to: 'queued',
    why: 'an agent for its language came online while the customer was still connected',
  },
  closeSilent: {
    from: ['bot', 'with-agent', 'resolved', 'cancelled'],
    to: 'closed',
    why: 'customer silence; the timer does not run while queued, nor for offline tickets',
  },
});

/** A conversation the store has never seen is with the bot. */
export const INITIAL_STATE: HandoffState = 'bot';

/** States in which a conversation waits in a queue (position, estimate): what a claim takes. */
export const WAITING_STATES: readonly HandoffState[] = TRANSITIONS.claim.from;

/** States in which an agent holds the conversation: where every owner's move starts. */
export const HELD_STATES: readonly HandoffState[] = TRANSITIONS.release.from;

/** States in which a person is asked for or holds the conversation: its record cannot be erased. */
export const LIVE_STATES: readonly HandoffState[] = ['queued', 'with-agent', 'ticket', 'answered'];

/** States in which the customer-silence timer runs. */
export const SILENCE_STATES: readonly HandoffState[] = TRANSITIONS.closeSilent.from;

export function canTransition(from: HandoffState | null, name: TransitionName): boolean {
  return TRANSITIONS[name].from.includes(from ?? INITIAL_STATE);
}

export function isHandoffState(value: string): value is HandoffState {
  return (HANDOFF_STATES as readonly string[]).includes(value);
}
