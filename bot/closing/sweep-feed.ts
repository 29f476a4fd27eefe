/** The closes a handoff sweep made: conversations closed on customer silence, answered tickets left quiet. */
export interface SweptClosings {
  readonly expired: readonly string[];
  readonly quietTickets: readonly string[];
}

export type SweptClosingsListener = (closings: SweptClosings) => Promise<void>;

/**
 * The sweeper runs on the agent side, built before the server; the server subscribes the closing
 * service once it exists. Each id comes out of one atomic sweep transition, so one instance hears it.
 */
export class SweepFeed {
  private readonly listeners = new Set<SweptClosingsListener>();

  subscribe(listener: SweptClosingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(closings: SweptClosings): Promise<void> {
    if (closings.expired.length === 0 && closings.quietTickets.length === 0) return;
    for (const listener of this.listeners) await listener(closings);
  }
}
