import { ManualClock, type HandoffConfigInput, type HandoffQueue } from '../../handoff';

/** What every role contract runs on: a fresh queue (memory or Redis, its own key prefix) per test. */
export type QueueFactory = (options: {
  clock: ManualClock;
  config: HandoffConfigInput;
}) => Promise<HandoffQueue>;

/** Monday 6 January 2025, 10:00 in Paris (09:00 UTC): inside business hours. */
export const MONDAY_10H_PARIS = Date.UTC(2025, 0, 6, 9, 0, 0);
/** Monday 6 January 2025, 22:00 in Paris: closed. */
export const MONDAY_22H_PARIS = Date.UTC(2025, 0, 6, 21, 0, 0);
export const SECOND = 1000;

export const CONFIG: HandoffConfigInput = {
  claimTimeoutMs: 60 * SECOND,
  heartbeatTimeoutMs: 30 * SECOND,
  silenceTimeoutMs: 600 * SECOND,
  accountManagerWaitMs: 120 * SECOND,
  handlingSamples: 3,
  defaultHandlingMs: 300 * SECOND,
  ticketReplyWithinMs: 2 * 3600 * SECOND,
};
