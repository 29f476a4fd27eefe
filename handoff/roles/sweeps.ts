import type { SweepResult } from '../results';

/** The timers, run by the HandoffSweeper on any instance: each sweep is idempotent and atomic. */
export interface Sweeps {
  /** Claim timeouts and silent agent consoles → head of the queue; due B2B reservations → pool. */
  requeueExpired(): Promise<SweepResult>;
  /** Conversations whose customer is silent too long (never queued ones) → closed. Returns their ids. */
  closeSilent(): Promise<readonly string[]>;
  /** Answered tickets with no reply for ticketQuietMs → resolved. Returns their ids. */
  resolveQuietTickets(): Promise<readonly string[]>;
}
