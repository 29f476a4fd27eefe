/** Every Redis key and channel of the agent side, from the deployment prefix. */
export interface AgentKeys {
  /** List of relayed lines of one conversation (customer ↔ agent), in order. */
  log(conversationId: string): string;
  /** Hash of one conversation's agent sends: `k:{clientMessageId}` → seq, `d:{seq}` → delivered. */
  sends(conversationId: string): string;
  /** Hash agentId → presence. */
  readonly presence: string;
  /** Pub/sub channel carrying agent events between instances. */
  readonly events: string;
  /** Counter numbering agent events (the SSE ids), shared by every instance. */
  readonly eventIds: string;
  /** The position/wait last told to a waiting customer ("position|minutes"). */
  waitTold(conversationId: string): string;
  /** Set with a time to live: while it exists, no new position update is sent. */
  waitGate(conversationId: string): string;
  /** Hash of one file a customer sent (metadata and bytes). */
  upload(uploadId: string): string;
  /** Set of the upload ids of one conversation (what an erasure deletes). */
  uploadsOf(conversationId: string): string;
  /** Hash `files`, `bytes`: what one conversation uploaded so far, against its quota. */
  uploadUsage(conversationId: string): string;
}

export function agentKeys(prefix: string): AgentKeys {
  const base = `${prefix}:agent`;
  return {
    log: (conversationId) => `${base}:log:${conversationId}`,
    sends: (conversationId) => `${base}:sends:${conversationId}`,
    presence: `${base}:presence`,
    events: `${base}:events`,
    eventIds: `${base}:event-ids`,
    waitTold: (conversationId) => `${base}:wait-told:${conversationId}`,
    waitGate: (conversationId) => `${base}:wait-gate:${conversationId}`,
    upload: (uploadId) => `${base}:upload:${uploadId}`,
    uploadsOf: (conversationId) => `${base}:uploads:${conversationId}`,
    uploadUsage: (conversationId) => `${base}:upload-usage:${conversationId}`,
  };
}
