import { performance } from 'node:perf_hooks';
import { isMap, isSet } from 'node:util/types';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PACKED, type Packed, type PackedNode, type StringRun } from './snapshot-pack';

/**
 * How long one slice may hold the thread. A turn is a chain of callbacks (HTTP, Redis replies) and
 * each link waits out one slice: at 4 ms, turns during a 10,000-entry restore took 150–250 ms;
 * at 1 ms the restore takes as long (about 360 ms) and those turns stay under 100 ms.
 */
export const DEFAULT_SLICE_MS = 1;
/** Items between two looks at the clock (a look costs more than adding one Map entry). */
const CHECK_EVERY = 512;

/** Gives the event loop back once the current slice has used its time. */
class Slicer {
  private started = performance.now();
  private count = 0;
  longestMs = 0;

  constructor(private readonly sliceMs: number) {}

  /** Whether this slice is over (checked on every CHECK_EVERY-th item; awaiting each item would cost more). */
  due(weight = 1): boolean {
    this.count += weight;
    if (this.count < CHECK_EVERY) return false;
    this.count = 0;
    return performance.now() - this.started >= this.sliceMs;
  }

  async pause(): Promise<void> {
    this.end();
    await nextTurn();
    this.started = performance.now();
  }

  end(): void {
    this.longestMs = Math.max(this.longestMs, performance.now() - this.started);
  }
}

class Unpacker {
  /** A packed node reached twice gives one object (as structured clone would). */
  private readonly done = new Map<object, unknown>();

  constructor(
    private readonly table: string,
    private readonly ends: Int32Array,
    readonly slicer: Slicer,
  ) {}

  private string(i: number): string {
    return this.table.slice(i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]!);
  }

  private async strings([start, count]: StringRun): Promise<string[]> {
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      out[i] = this.string(start + i);
      if (this.slicer.due()) await this.slicer.pause();
    }
    return out;
  }

  async unpack(value: unknown): Promise<unknown> {
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
    if (isMap(value) || isSet(value)) return value;
    const known = this.done.get(value);
    if (known !== undefined) return known;
    const out = await this.unpackNew(value);
    this.done.set(value, out);
    return out;
  }

  private async unpackNew(value: object): Promise<unknown> {
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const v of value) out.push(await this.unpack(v));
      return out;
    }
    if (PACKED in value) return this.node(value as PackedNode);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await this.unpack(v);
    return out;
  }

  private async node(n: PackedNode): Promise<unknown> {
    switch (n[PACKED]) {
      case 'strs':
        return this.strings(n.items);
      case 'set-str':
        return this.set(n.keys);
      case 'sets':
        return this.groups(n.ends, await this.strings(n.items), (part) => new Set(part));
      case 'json': {
        const out: unknown[] = [];
        for (const chunk of n.chunks) {
          out.push(...(JSON.parse(chunk) as unknown[]));
          // A chunk is hundreds of entries: look at the clock after each.
          if (this.slicer.due(CHECK_EVERY)) await this.slicer.pause();
        }
        return out;
      }
      case 'map-num':
        return this.map(n.keys, (i) => n.values[i]!);
      case 'map-str': {
        const values = await this.strings(n.values);
        return this.map(n.keys, (i) => values[i]!);
      }
      case 'map-strs': {
        const values = await this.groups(n.ends, await this.strings(n.values), (part) => part);
        return this.map(n.keys, (i) => values[i]!);
      }
      case 'map-i32':
        // Views on one buffer: no copy, and each word's ids read as before.
        return this.map(n.keys, (i) => n.values.subarray(i === 0 ? 0 : n.ends[i - 1]!, n.ends[i]!));
    }
  }

  private async map(keys: StringRun, valueAt: (i: number) => unknown): Promise<Map<string, unknown>> {
    const names = await this.strings(keys);
    const map = new Map<string, unknown>();
    for (let i = 0; i < names.length; i++) {
      map.set(names[i]!, valueAt(i));
      if (this.slicer.due()) await this.slicer.pause();
    }
    return map;
  }

  /** Filled item by item: one `new Set(array)` of a vocabulary held the thread 5–10 ms. */
  private async set(keys: StringRun): Promise<Set<string>> {
    const names = await this.strings(keys);
    const set = new Set<string>();
    for (const name of names) {
      set.add(name);
      if (this.slicer.due()) await this.slicer.pause();
    }
    return set;
  }

  private async groups<G>(ends: Int32Array, items: string[], make: (part: string[]) => G): Promise<G[]> {
    const out: G[] = [];
    for (let i = 0; i < ends.length; i++) {
      out.push(make(items.slice(i === 0 ? 0 : ends[i - 1]!, ends[i]!)));
      if (this.slicer.due()) await this.slicer.pause();
    }
    return out;
  }
}

/**
 * The value `pack` was given, rebuilt in slices of at most about `sliceMs` with the event loop
 * free in between. Resolves with the value and the longest slice (ms).
 */
export async function unpack<T>(
  packed: Packed<T>,
  sliceMs = DEFAULT_SLICE_MS,
): Promise<{ readonly value: T; readonly longestSliceMs: number }> {
  const unpacker = new Unpacker(packed.table, packed.ends, new Slicer(sliceMs));
  const value = (await unpacker.unpack(packed.tree)) as T;
  unpacker.slicer.end();
  return { value, longestSliceMs: unpacker.slicer.longestMs };
}
