import type { HandoffQueue } from './handoff-queue';
import type { SweepResult } from './results';

export interface SweepReport extends SweepResult {
  readonly closedSilent: readonly string[];
  /** Answered tickets resolved because the customer did not reply within ticketQuietMs. */
  readonly quietTickets: readonly string[];
}

export interface HandoffSweeperOptions {
  readonly queue: HandoffQueue;
  /** How often the timers are checked; every instance may run one (the sweeps are atomic). */
  readonly intervalMs?: number;
  readonly onSweep?: (report: SweepReport) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs the timer-driven transitions (claim timeout, silent agent console, B2B wait, customer
 * silence, answered tickets left without a reply). Time itself comes from the queue's Clock: tests call sweep() after moving a ManualClock.
 */
export class HandoffSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(private readonly options: HandoffSweeperOptions) {}

  async sweep(): Promise<SweepReport> {
    const expired = await this.options.queue.requeueExpired();
    const closedSilent = await this.options.queue.closeSilent();
    const quietTickets = await this.options.queue.resolveQuietTickets();
    const report = { ...expired, closedSilent, quietTickets };
    this.options.onSweep?.(report);
    return report;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return; // a slow sweep is never overlapped by the next one
      this.running = true;
      this.sweep()
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running = false;
        });
    }, this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
