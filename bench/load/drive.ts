import { runCustomer, type BaseUrl } from './customer';

export interface DriveOptions {
  readonly baseUrl: BaseUrl;
  /** Customers talking at once; each starts a new conversation when the last one ends. */
  readonly concurrency: number;
  /** No new conversation starts after this many ms. */
  readonly durationMs: number;
  /** No new conversation starts after this many in total. */
  readonly maxConversations: number;
  /** The n-th conversation's messages. */
  readonly messages: (n: number) => readonly string[];
  /** Think time before each message, in ms. */
  readonly think: () => number;
  readonly label: string;
}

export interface DriveResult {
  readonly conversations: number;
  readonly latencies: number[];
  readonly unanswered: number;
  readonly failures: number;
  readonly firstFailure?: string;
  readonly elapsedMs: number;
}

/** Runs `concurrency` customer loops until the time or conversation bound, then lets them finish. */
export async function drive(options: DriveOptions): Promise<DriveResult> {
  const began = performance.now();
  const latencies: number[] = [];
  let started = 0;
  let unanswered = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const loop = async (worker: number): Promise<void> => {
    while (performance.now() - began < options.durationMs && started < options.maxConversations) {
      const n = started++;
      try {
        const run = await runCustomer(
          options.baseUrl,
          options.messages(n),
          options.think,
          `${options.label}-${worker}-${n}`,
        );
        latencies.push(...run.latencies);
        unanswered += run.unanswered;
      } catch (error) {
        failures++;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => loop(w)));
  return {
    conversations: started,
    latencies,
    unanswered,
    failures,
    ...(firstFailure ? { firstFailure } : {}),
    elapsedMs: performance.now() - began,
  };
}
