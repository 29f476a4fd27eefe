/**
 * Estimated wait = position × average handling time ÷ online slots, where
 * - position is 1 for the next conversation served in its queue,
 * - average handling time is the mean of the last N handling times (claim → resolve or hand back),
 *   or the configured default before any was recorded,
 * - online slots is the sum of the capacities of the online agents who speak the language.
 * With no agent online there is no estimate (null): the bot says so instead of inventing a figure.
 */
export interface WaitInputs {
  readonly position: number;
  readonly onlineSlots: number;
  readonly recentHandlingMs: readonly number[];
  readonly defaultHandlingMs: number;
}

export function averageHandlingMs(recent: readonly number[], fallback: number): number {
  if (recent.length === 0) return fallback;
  return recent.reduce((a, b) => a + b, 0) / recent.length;
}

export function estimateWaitMs(inputs: WaitInputs): number | null {
  if (inputs.onlineSlots <= 0) return null;
  const aht = averageHandlingMs(inputs.recentHandlingMs, inputs.defaultHandlingMs);
  return Math.ceil((inputs.position * aht) / inputs.onlineSlots);
}
