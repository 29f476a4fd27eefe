import type { ConversationReference } from 'botbuilder';
import type { HandoffQueue } from '../../handoff/index';
import { toLocale } from '../../knowledge-base/index';
import { waitMinutes } from '../conversation/escalate';
import type { Log } from '../log';
import { textFor } from '../text/index';
import { readReference } from './customer-relay';
import type { WaitNotices } from './wait-notices';

/** Writes one message to a waiting customer on their own channel (CustomerRelay.say). */
export type CustomerSay = (
  reference: Partial<ConversationReference>,
  text: string,
  locale: string | undefined,
) => Promise<void>;

/** How many waiting conversations one pass looks at (the queue's serving order). */
const PASS_LIMIT = 500;

/** "position|minutes": what the customer reads, so an unchanged sentence is never sent twice. */
export function waitSignature(position: number, waitMs: number | null): string {
  return `${position}|${waitMinutes(waitMs) ?? '-'}`;
}

export interface WaitNotifierOptions {
  readonly queue: HandoffQueue;
  readonly notices: WaitNotices;
  /** The least time between two notices to one customer (QUEUE_UPDATE_INTERVAL_MS). */
  readonly gapMs: number;
  readonly log: Log;
}

/**
 * Tells waiting customers, without them writing, when their position or estimated wait changed.
 * Every instance may run one: the shared notices decide which instance sends each update, so no
 * customer reads the same notice twice. Conversations no longer queued are no longer looked at.
 */
export class WaitNotifier {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private passes = 0;
  private passWaiters: { after: number; resolve: () => void }[] = [];

  constructor(private readonly options: WaitNotifierOptions) {}

  get gapMs(): number {
    return this.options.gapMs;
  }

  /** One look at the queue; returns the number of customers told. */
  async pass(say: CustomerSay): Promise<number> {
    const { queue, notices, gapMs } = this.options;
    let told = 0;
    for (const entry of await queue.peek(PASS_LIMIT)) {
      const id = entry.conversationId;
      const record = await queue.get(id);
      const reference = readReference(record?.context.reference);
      if (!record || record.state !== 'queued' || !reference) continue;
      const wait = await queue.estimatedWait(id);
      if (!wait.ok) continue;
      if (!(await notices.claim(id, waitSignature(wait.position, wait.waitMs), gapMs))) continue;
      const locale = toLocale(record.language ?? '') ?? 'fr';
      await say(
        reference,
        textFor(locale).handoffWaitUpdate(wait.position, waitMinutes(wait.waitMs)),
        locale,
      );
      told += 1;
    }
    return told;
  }

  /** Checks a few times per gap (at least every 5 s), so a change is told soon after the gap allows. */
  start(say: CustomerSay): void {
    if (this.timer) return;
    const every = Math.min(5_000, Math.max(50, Math.floor(this.options.gapMs / 3)));
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = true;
      this.pass(say)
        .catch((error: unknown) => this.options.log.error('queue position update failed', error))
        .finally(() => {
          this.running = false;
          this.passes += 1;
          this.wakePassWaiters();
        });
    }, every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const waiter of this.passWaiters) waiter.resolve();
    this.passWaiters = [];
  }

  /** Resolves once `count` more timed passes have finished (tests: "nothing more was sent"). */
  passesDone(count: number): Promise<void> {
    const after = this.passes + count;
    return new Promise((resolve) => this.passWaiters.push({ after, resolve }));
  }

  private wakePassWaiters(): void {
    const due = this.passWaiters.filter((w) => w.after <= this.passes);
    this.passWaiters = this.passWaiters.filter((w) => w.after > this.passes);
    for (const waiter of due) waiter.resolve();
  }
}
