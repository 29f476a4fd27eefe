/** Who hears about conversations the sweeper took from an agent and put back in the queue. */
export type RequeuedListener = (conversationIds: readonly string[]) => Promise<void>;

/**
 * The sweeper (claim timeout, a console gone silent) runs on the agent side, built before the
 * agent API; the API subscribes to tell those customers their agent left. Each id comes out of
 * one atomic requeue, so exactly one instance hears it.
 */
export class RequeuedFeed {
  private readonly listeners = new Set<RequeuedListener>();

  subscribe(listener: RequeuedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(conversationIds: readonly string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    for (const listener of this.listeners) await listener(conversationIds);
  }
}
