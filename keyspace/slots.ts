/**
 * The two kinds of Redis Cluster slot a deployment's keys live in (a key's slot is the hash of the
 * text between its first `{` and the next `}`):
 * - the deployment slot, `{prefix}`: the coordination data every multi-key script needs together
 *   (handoff queues and agents, the history index, the Direct Line turn ledger, survey indexes);
 * - one slot per conversation, `{prefix:c:<conversationId>}` (and per upload, per bot-state item,
 *   per rate-limit bucket): the bulky data, spread over every shard.
 * REDIS_PREFIX cannot hold a brace (bot/config.ts), so a tag always ends where this file says.
 */
export function trimPrefix(prefix: string): string {
  return prefix.replace(/:+$/, '');
}

/** `{prefix}`: the one slot of the deployment's coordination keys. */
export function deploymentTag(prefix: string): string {
  return `{${trimPrefix(prefix)}}`;
}

/** `{prefix:<kind>:<id>}`: a slot of its own for one conversation, upload, state item or bucket. */
export function spreadTag(prefix: string, kind: SpreadKind, id: string): string {
  // A `}` inside the id would end the tag early: still one slot per id, but not this one. Escaped.
  return `{${trimPrefix(prefix)}:${kind}:${id.replace(/[{}]/g, '_')}}`;
}

/** What a spread slot is keyed by. */
export type SpreadKind = 'c' | 'u' | 's' | 'r';
