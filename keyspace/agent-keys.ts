import { deploymentTag, spreadTag } from './slots';

/**
 * Every Redis key and channel of the agent side. A conversation's relay log, send ledger, wait
 * notices and upload quota share that conversation's slot (their scripts and MULTIs touch them
 * together); each upload's bytes get a slot of their own.
 */
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
  // Not `{prefix}:agent:…`: the handoff keeps one hash per agent id there (keyspace/handoff-keys.ts).
  const shared = `${deploymentTag(prefix)}:consoles`;
  const of = (conversationId: string, name: string) =>
    `${spreadTag(prefix, 'c', conversationId)}:agent:${name}`;
  return Object.freeze({
    log: (conversationId: string) => of(conversationId, 'log'),
    sends: (conversationId: string) => of(conversationId, 'sends'),
    presence: `${shared}:presence`,
    events: `${shared}:events`,
    eventIds: `${shared}:event-ids`,
    waitTold: (conversationId: string) => of(conversationId, 'wait-told'),
    waitGate: (conversationId: string) => of(conversationId, 'wait-gate'),
    upload: (uploadId: string) => `${spreadTag(prefix, 'u', uploadId)}:agent:upload`,
    uploadsOf: (conversationId: string) => of(conversationId, 'uploads'),
    uploadUsage: (conversationId: string) => of(conversationId, 'upload-usage'),
  });
}
