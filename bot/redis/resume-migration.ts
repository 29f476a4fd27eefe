import {
  isLiveMaster,
  liveNodes,
  owns,
  slotSchema,
  type ClusterAddress,
  type LiveNode,
} from './cluster-view';
import { read, union } from './key-union';

export type { ClusterAddress } from './cluster-view';

/**
 * Finishes a Cluster slot migration that a failover cut in half.
 *
 * Redis 7.0 keeps MIGRATING/IMPORTING on the node that was told, never on its replicas. When the
 * source primary dies mid-migration its promoted replica owns the slot as if nothing moved, while
 * the target stays IMPORTING from the dead node: it ignores the new owner's claim
 * (clusterUpdateSlotsConfigWith skips importing slots), counts the slot as uncovered and answers
 * CLUSTERDOWN for every slot it serves, which also refuses the RESTORE-ASKING of any MIGRATE, so
 * `redis-cli --cluster fix` cannot move the keys. This does what a resharding tool would: point
 * the migration at the new owner and carry on.
 *
 * Keys found on both sides (MIGRATE says BUSYKEY) are never overwritten blindly: the target's copy
 * holds what was acknowledged before the crash, the owner's what was written after the promotion.
 * They are merged where the type makes that lossless, or left in place and reported.
 */

/** What to do with a key both the owner and the target hold with different contents. */
export type ConflictPolicy = 'refuse' | 'merge';

export interface ResumeOptions {
  /** Any reachable nodes; the rest are found through CLUSTER NODES. */
  readonly nodes: readonly ClusterAddress[];
  /** Default: every slot some node imports from a node that no longer owns it. */
  readonly slots?: readonly number[];
  readonly onConflict?: ConflictPolicy;
  /** MIGRATE timeout per batch. */
  readonly timeoutMs?: number;
}

export interface KeyConflict {
  readonly key: string;
  /** Why it was not merged ("list"/"hash"… are merged unless a field differs on both sides). */
  readonly reason: string;
}

export type ResumeOutcome =
  /** No node imports the slot from anyone: nothing is half done. */
  | { readonly state: 'stable'; readonly slot: number }
  /** The importer's source is gone but no live primary claims the slot yet (promotion not done). */
  | { readonly state: 'no-owner'; readonly slot: number }
  | {
      readonly state: 'finished' | 'left-open';
      readonly slot: number;
      readonly from: ClusterAddress;
      readonly to: ClusterAddress;
      /** False when the migration was already pointed at the owner (a repair run again, or an ordinary one). */
      readonly repointed: boolean;
      readonly moved: number;
      readonly merged: readonly string[];
      /** Keys still on the owner: the slot stays MIGRATING/IMPORTING (clients still find both sides via ASK). */
      readonly conflicts: readonly KeyConflict[];
    };

/**
 * Resumes every given slot (by default every half-done one, see `halfDoneMigrations`). All are
 * re-pointed before any key moves: the target stays CLUSTERDOWN while any slot it imports still
 * names the dead node as owner, and MIGRATE into a node that is down fails.
 */
export async function resumeSlotMigrations(options: ResumeOptions): Promise<ResumeOutcome[]> {
  const nodes = await liveNodes(options.nodes);
  try {
    const slots = options.slots?.map((slot) => slotSchema.parse(slot)) ?? halfDoneOn(nodes);
    const plans = await Promise.all(slots.map((slot) => repoint(nodes, slot)));
    const outcomes: ResumeOutcome[] = [];
    for (const plan of plans)
      outcomes.push(
        'state' in plan
          ? plan
          : await finish(nodes, plan, options.onConflict ?? 'refuse', options.timeoutMs ?? 5_000),
      );
    return outcomes;
  } finally {
    for (const node of nodes) node.redis.disconnect();
  }
}

/** The slots some reachable node imports from a node that no longer owns them (or is failed). */
export async function halfDoneMigrations(seeds: readonly ClusterAddress[]): Promise<number[]> {
  const nodes = await liveNodes(seeds);
  try {
    return halfDoneOn(nodes);
  } finally {
    for (const node of nodes) node.redis.disconnect();
  }
}

function halfDoneOn(nodes: readonly LiveNode[]): number[] {
  const slots = new Set<number>();
  for (const importer of nodes)
    for (const [slot, sourceId] of importer.self.importing) {
      const source = nodes.find((node) => node.self.id === sourceId);
      if (!source || !owns(source.self, slot) || source.self.migrating.get(slot) !== importer.self.id)
        slots.add(slot);
    }
  // The other way round: an owner migrating to a node that does not import from it (the target died).
  for (const owner of nodes)
    for (const [slot, targetId] of owner.self.migrating) {
      const target = nodes.find((node) => node.self.id === targetId);
      if (!target || target.self.importing.get(slot) !== owner.self.id) slots.add(slot);
    }
  return [...slots].sort((a, b) => a - b);
}

interface Plan {
  readonly slot: number;
  readonly owner: LiveNode;
  readonly target: LiveNode;
  readonly repointed: boolean;
}

/** Points the slot's migration at its live owner; or says why there is nothing to resume. */
async function repoint(nodes: readonly LiveNode[], slot: number): Promise<Plan | ResumeOutcome> {
  const target = nodes.find((node) => node.self.importing.has(slot) && isLiveMaster(node.self));
  if (!target) return repointDeadTarget(nodes, slot);
  // The owner as it sees itself: the target's own table is stale (it ignores claims while importing).
  const owner = nodes.find((node) => node !== target && isLiveMaster(node.self) && owns(node.self, slot));
  if (!owner) return { state: 'no-owner', slot };
  // Just promoted: until the target has heard, it refuses the owner as "not a master".
  if (!knowsAsMaster(target, owner)) return { state: 'no-owner', slot };
  // Already pointed at the owner (an earlier run stopped half way): only the keys and the close remain.
  const repointed =
    target.self.importing.get(slot) !== owner.self.id || owner.self.migrating.get(slot) !== target.self.id;
  if (repointed) {
    // The owner first: from now on it ASKs clients to the target for keys it lacks, instead of
    // creating a second copy of a key already moved.
    await owner.redis.call('CLUSTER', 'SETSLOT', slot, 'MIGRATING', target.self.id);
    // A live owner in the target's table ends its CLUSTERDOWN (the dead one left the slot
    // uncovered), then IMPORTING re-points the migration at the owner.
    await target.redis.call('CLUSTER', 'SETSLOT', slot, 'NODE', owner.self.id);
    await target.redis.call('CLUSTER', 'SETSLOT', slot, 'IMPORTING', owner.self.id);
  }
  return { slot, owner, target, repointed };
}

const knowsAsMaster = (viewer: LiveNode, node: LiveNode) =>
  viewer.view.some((line) => line.id === node.self.id && line.flags.includes('master'));

/**
 * The target died instead: its promoted replica holds the keys already sent (RESTORE is
 * replicated) but not the IMPORTING mark, and the owner ASKs clients to the dead node. The
 * promoted replica is the one other primary holding keys of the slot; with none, nothing was
 * moved and the owner simply stops migrating.
 */
async function repointDeadTarget(nodes: readonly LiveNode[], slot: number): Promise<Plan | ResumeOutcome> {
  const owner = nodes.find(
    (node) => isLiveMaster(node.self) && owns(node.self, slot) && node.self.migrating.has(slot),
  );
  if (!owner) return { state: 'stable', slot };
  const deadId = owner.self.migrating.get(slot)!;
  // A replica of the dead target not promoted yet: its keys would be missed.
  const waiting = owner.view.some(
    (line) => line.primaryId === deadId && line.flags.includes('slave') && !line.flags.includes('fail'),
  );
  if (waiting) return { state: 'no-owner', slot };
  const holders: LiveNode[] = [];
  for (const node of nodes)
    if (
      node !== owner &&
      isLiveMaster(node.self) &&
      Number(await node.redis.call('CLUSTER', 'COUNTKEYSINSLOT', slot)) > 0
    )
      holders.push(node);
  if (holders.length > 1) throw new Error(`slot ${slot}: keys on several primaries besides its owner`);
  const target = holders[0];
  if (!target) {
    await owner.redis.call('CLUSTER', 'SETSLOT', slot, 'STABLE');
    return { state: 'stable', slot };
  }
  if (!knowsAsMaster(owner, target)) return { state: 'no-owner', slot };
  await owner.redis.call('CLUSTER', 'SETSLOT', slot, 'MIGRATING', target.self.id);
  await target.redis.call('CLUSTER', 'SETSLOT', slot, 'IMPORTING', owner.self.id);
  return { slot, owner, target, repointed: true };
}

/** Moves the keys left on the owner, merges or reports the doubled ones, and closes the slot. */
async function finish(
  nodes: readonly LiveNode[],
  { slot, owner, target, repointed }: Plan,
  policy: ConflictPolicy,
  timeoutMs: number,
): Promise<ResumeOutcome> {
  // The target counts the slot covered at its next event-loop turn; a MIGRATE before that is
  // refused with CLUSTERDOWN, so the first batches are retried briefly.
  const { moved, busy } = await moveKeys(owner, target, slot, timeoutMs);

  const merged: string[] = [];
  const conflicts: KeyConflict[] = [];
  for (const key of busy) {
    const reason = policy === 'merge' ? await mergeInto(owner, target, key, timeoutMs) : 'refused';
    if (reason === undefined) merged.push(key);
    else conflicts.push({ key, reason });
  }
  const outcome = {
    slot,
    from: owner.self.address,
    to: target.self.address,
    repointed,
    moved,
    merged,
    conflicts,
  };
  if (conflicts.length > 0) return { state: 'left-open', ...outcome };

  // The target first (it bumps its epoch, so its claim wins), then the owner, then everyone else.
  const masters = nodes.filter((node) => node !== target && node !== owner && isLiveMaster(node.self));
  for (const node of [target, owner, ...masters])
    await node.redis.call('CLUSTER', 'SETSLOT', slot, 'NODE', target.self.id);
  return { state: 'finished', ...outcome };
}

const isBusy = (error: unknown) => error instanceof Error && /BUSYKEY/.test(error.message);
const isDown = (error: unknown) => error instanceof Error && /CLUSTERDOWN/.test(error.message);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function migrate(
  owner: LiveNode,
  target: LiveNode,
  keys: readonly string[],
  timeoutMs: number,
  replace = false,
): Promise<void> {
  const { host, port } = target.self.address;
  const args = [host, port, '', 0, timeoutMs, ...(replace ? ['REPLACE'] : []), 'KEYS', ...keys];
  for (let attempt = 0; ; attempt++) {
    try {
      await owner.redis.call('MIGRATE', ...args);
      return;
    } catch (error) {
      if (!isDown(error) || attempt >= 50) throw error;
      await sleep(20);
    }
  }
}

/** MIGRATEs every key of the slot still on the owner; returns the keys the target already holds. */
async function moveKeys(
  owner: LiveNode,
  target: LiveNode,
  slot: number,
  timeoutMs: number,
): Promise<{ moved: number; busy: string[] }> {
  const busy = new Set<string>();
  let moved = 0;
  for (;;) {
    const keys = (
      (await owner.redis.call('CLUSTER', 'GETKEYSINSLOT', slot, 100 + busy.size)) as string[]
    ).filter((key) => !busy.has(key));
    if (keys.length === 0) return { moved, busy: [...busy] };
    try {
      await migrate(owner, target, keys, timeoutMs);
      moved += keys.length;
    } catch (error) {
      if (!isBusy(error)) throw error;
      // The batch stops at the first busy key with the others partly sent: key by key from here.
      for (const key of keys)
        try {
          await migrate(owner, target, [key], timeoutMs);
          moved++;
        } catch (one) {
          // NOKEY: already sent by the batch.
          if (isBusy(one)) busy.add(key);
          else if (!(one instanceof Error && /NOKEY/.test(one.message))) throw one;
        }
    }
  }
}

/** Writes the union on the owner (atomically, WATCHed), then MIGRATE REPLACE; a reason if not merged. */
async function mergeInto(
  owner: LiveNode,
  target: LiveNode,
  key: string,
  timeoutMs: number,
): Promise<string | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await owner.redis.watch(key);
    const mine = await read(owner.redis, key, false);
    const theirs = await read(target.redis, key, true);
    const value = union(theirs.value, mine.value);
    if (typeof value === 'string') {
      await owner.redis.unwatch();
      return value;
    }
    const multi = owner.redis.multi().del(key);
    if (value.type === 'list') multi.rpush(key, ...value.items);
    else if (value.type === 'set') multi.sadd(key, ...value.items);
    else if (value.type === 'zset') multi.zadd(key, ...[...value.items].flatMap(([m, s]) => [s, m]));
    else if (value.type === 'hash') multi.hset(key, Object.fromEntries(value.items));
    else if (value.type === 'string') multi.set(key, value.items);
    // The longer life wins; -1 (none) outlives any.
    const ttls = [mine.pttl, theirs.pttl];
    if (!ttls.includes(-1)) multi.pexpire(key, Math.max(...ttls));
    try {
      if ((await multi.exec()) === null) continue; // the owner's copy changed meanwhile: read again
      await migrate(owner, target, [key], timeoutMs, true);
      return undefined;
    } catch (error) {
      // Reported with the key, never thrown: the other keys and slots still need the repair.
      const previous = (error as { previousErrors?: Error[] }).previousErrors ?? [];
      return [error as Error, ...previous].map((e) => e.message).join(': ');
    }
  }
  return 'kept changing while merged';
}
