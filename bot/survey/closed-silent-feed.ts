/** Who hears about conversations the handoff sweeper closed on customer silence. */
export type ClosedSilentListener = (conversationIds: readonly string[]) => Promise<void>;

/**
 * The sweeper runs on the agent side, built before the server; the server subscribes the survey
 * recorder once it exists. Each id comes out of one atomic closeSilent, so one instance hears it.
 */
export class ClosedSilentFeed {
  private readonly listeners = new Set<ClosedSilentListener>();

  subscribe(listener: ClosedSilentListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async publish(conversationIds: readonly string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    for (const listener of this.listeners) await listener(conversationIds);
  }
}
