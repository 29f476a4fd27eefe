import type { ConversationRecord } from './conversation';
import type { HandoffState } from './handoff-state';

/** Why a transition was refused. Expected outcomes, never thrown. */
export type Refusal =
  | { readonly ok: false; readonly reason: 'not-found' }
  | { readonly ok: false; readonly reason: 'wrong-state'; readonly state: HandoffState }
  | { readonly ok: false; readonly reason: 'already-claimed'; readonly agentId: string }
  | { readonly ok: false; readonly reason: 'already-queued' }
  | { readonly ok: false; readonly reason: 'not-owner'; readonly agentId: string }
  | { readonly ok: false; readonly reason: 'at-capacity'; readonly capacity: number }
  | { readonly ok: false; readonly reason: 'agent-offline' }
  /** The agent is online but away: they keep their conversations and get no new ones. */
  | { readonly ok: false; readonly reason: 'agent-unavailable' }
  | { readonly ok: false; readonly reason: 'not-routable'; readonly detail: 'language' | 'skill' }
  | { readonly ok: false; readonly reason: 'reserved-for-account-manager'; readonly until: number }
  | { readonly ok: false; readonly reason: 'queue-empty' };

export type RefusalReason = Refusal['reason'];

export type EnqueueResult =
  | {
      readonly ok: true;
      readonly outcome: 'queued';
      readonly position: number;
      readonly reservedFor?: string;
    }
  | {
      readonly ok: true;
      readonly outcome: 'ticket';
      readonly why: 'outside-hours' | 'no-agent-online';
      readonly promisedReplyAt: number;
    }
  | Extract<Refusal, { reason: 'wrong-state' | 'already-queued' }>;

export type ClaimResult =
  | { readonly ok: true; readonly conversation: ConversationRecord }
  | Exclude<Refusal, { reason: 'already-queued' }>;

/**
 * Every with-agent / ticket / survey transition. Only `transfer` refuses for the target's sake
 * (agent-offline, agent-unavailable, not-routable, at-capacity); the others never return those.
 */
export type TransitionResult =
  | { readonly ok: true; readonly conversation: ConversationRecord }
  | Extract<
      Refusal,
      {
        reason:
          | 'not-found'
          | 'wrong-state'
          | 'not-owner'
          | 'agent-offline'
          | 'agent-unavailable'
          | 'not-routable'
          | 'at-capacity';
      }
    >;

export type PositionResult =
  | { readonly ok: true; readonly position: number; readonly queueLength: number }
  | Extract<Refusal, { reason: 'not-found' | 'wrong-state' }>;

export type WaitEstimateResult =
  | {
      readonly ok: true;
      readonly position: number;
      /** null when no agent for the language is online (nothing to base it on). */
      readonly waitMs: number | null;
      readonly basis: {
        readonly onlineSlots: number;
        readonly averageHandlingMs: number;
        readonly samples: number;
      };
    }
  | Extract<Refusal, { reason: 'not-found' | 'wrong-state' }>;

export type HeartbeatResult =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'agent-offline' };

export type PresenceResult =
  | {
      readonly ok: true;
      /** B2B conversations reserved for this agent, moved to the pool because they went away. */
      readonly toPool: readonly string[];
    }
  | { readonly ok: false; readonly reason: 'agent-offline' };

export interface UnansweredRequeue {
  readonly conversationId: string;
  readonly agentId: string;
}

export interface SweepResult {
  /** Conversations put back at the head of the queue (claim timeout, answer timeout, silent agent console). */
  readonly requeued: readonly string[];
  /** Among them, those whose online agent left the customer unanswered too long, with that agent. */
  readonly unanswered: readonly UnansweredRequeue[];
  /** B2B conversations moved from their account manager to the pool. */
  readonly toPool: readonly string[];
  /** Agents whose console stopped sending heartbeats: now offline. */
  readonly agentsOffline: readonly string[];
}

/** What forget did: deleted the record (or there was none), or refused a live conversation. */
export type ForgetResult =
  | { readonly ok: true; readonly forgotten: boolean }
  | { readonly ok: false; readonly reason: 'active'; readonly state: HandoffState };

/** setContactEmail: `stored: false` when an address was already on file and only-if-empty was asked. */
export type ContactResult =
  | { readonly ok: true; readonly stored: boolean; readonly conversation: ConversationRecord }
  | Extract<Refusal, { reason: 'not-found' }>;
