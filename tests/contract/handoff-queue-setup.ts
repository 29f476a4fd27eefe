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

/**
 * A fresh queue before each test (Monday 10:00 in Paris, CONFIG), disposed after it; `onMade`
 * hands the suite its clock and queue. Returns `escalate`: an enqueue one second after the last
 * (FIFO is by time of escalation), in French unless `extra` says otherwise.
 */
export function freshQueueEachTest(
  makeQueue: QueueFactory,
  onMade: (made: { clock: ManualClock; q: HandoffQueue }) => void,
): (id: string, extra?: Record<string, unknown>) => ReturnType<HandoffQueue['enqueue']> {
  let made: { clock: ManualClock; q: HandoffQueue } | undefined;
  beforeEach(async () => {
    const clock = new ManualClock(MONDAY_10H_PARIS);
    made = { clock, q: await makeQueue({ clock, config: CONFIG }) };
    onMade(made);
  });
  afterEach(async () => {
    await made?.q.dispose();
  });
  return async (id, extra = {}) => {
    made!.clock.advance(SECOND);
    return made!.q.enqueue({ conversationId: id, language: 'fr', ...extra });
  };
}
