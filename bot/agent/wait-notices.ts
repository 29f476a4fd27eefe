/**
 * What each waiting customer was last told about their place in the queue, shared by every
 * instance: an update is sent by whichever instance claims it first, and only when the position or
 * wait changed and the previous notice is at least `gapMs` old.
 */
export interface WaitNotices {
  /** The customer was just told this (in their own turn): remember it and hold updates for `gapMs`. */
  told(conversationId: string, signature: string, gapMs: number): Promise<void>;
  /** true when the caller must send this update (and nobody else will); false when unchanged or too soon. */
  claim(conversationId: string, signature: string, gapMs: number): Promise<boolean>;
}

/** One process: the same rule with a map and the monotonic clock. */
export class MemoryWaitNotices implements WaitNotices {
  private readonly last = new Map<string, { signature: string; until: number }>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  async told(conversationId: string, signature: string, gapMs: number): Promise<void> {
    this.last.set(conversationId, { signature, until: this.now() + gapMs });
  }

  async claim(conversationId: string, signature: string, gapMs: number): Promise<boolean> {
    const previous = this.last.get(conversationId);
    if (previous && (previous.signature === signature || previous.until > this.now())) return false;
    await this.told(conversationId, signature, gapMs);
    return true;
  }
}
