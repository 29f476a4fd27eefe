import { isArrayBuffer, isInt32Array, isMap, isSet } from 'node:util/types';

/**
 * A snapshot in the form that crosses threads cheaply. Structured clone of a 10,000-entry index
 * (Maps of 100,000 string keys, thousands of Sets and small typed arrays) held the bot's thread
 * 150–1,350 ms per message; here every string sits in one joined table, every number in a typed
 * array moved (transferred, not copied), and the receiver rebuilds the Maps in slices
 * (snapshot-unpack.ts) between turns.
 */
export const PACKED = '\u0000packed';

/*
 * Kinds are told by `node:util/types`, not instanceof: a Map from another realm (a vm context, as
 * under jest) failed instanceof and was sent as an empty object.
 */

/** Strings of the table: `start` and how many. */
export type StringRun = readonly [start: number, count: number];

/** A collection replaced by columns; anything else in the tree is sent as is. */
export type PackedNode =
  | { readonly [PACKED]: 'map-num'; readonly keys: StringRun; readonly values: Float64Array }
  | { readonly [PACKED]: 'map-str'; readonly keys: StringRun; readonly values: StringRun }
  | {
      readonly [PACKED]: 'map-strs';
      readonly keys: StringRun;
      readonly ends: Int32Array;
      readonly values: StringRun;
    }
  | {
      readonly [PACKED]: 'map-i32';
      readonly keys: StringRun;
      readonly ends: Int32Array;
      readonly values: Int32Array;
    }
  | { readonly [PACKED]: 'set-str'; readonly keys: StringRun }
  | { readonly [PACKED]: 'strs'; readonly items: StringRun }
  | { readonly [PACKED]: 'sets'; readonly ends: Int32Array; readonly items: StringRun }
  | { readonly [PACKED]: 'json'; readonly chunks: readonly string[] };

/** `T` packed: `tree` with its collections as PackedNodes, `table` their strings end to end. */
export interface Packed<T> {
  readonly tree: unknown;
  readonly table: string;
  /** Where each string of the table ends (UTF-16 units). */
  readonly ends: Int32Array;
  /** Only for the type: what unpack returns. */
  readonly _of?: T;
}

/** Arrays of plain data this long (such as a KB's synonym groups, when it has many) are sent as JSON text, parsed in slices. */
const JSON_MIN_LENGTH = 64;
const JSON_CHUNK = 64;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** An object literal of any realm (its prototype is some realm's Object.prototype, or none). */
function isPlainObject(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Only objects, arrays, strings, finite numbers, booleans and null: what JSON gives back unchanged. */
function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(isPlainJson);
  if (typeof v !== 'object' || !isPlainObject(v)) return false;
  return Object.values(v).every((x) => x !== undefined && isPlainJson(x));
}

class Packer {
  readonly strings: string[] = [];
  readonly transfer = new Set<ArrayBuffer>();
  /** A collection reached twice is packed once (the receiver gets one object, as with structured clone). */
  private readonly seen = new Map<object, unknown>();

  run(values: Iterable<string>): StringRun {
    const start = this.strings.length;
    for (const s of values) this.strings.push(s);
    return [start, this.strings.length - start];
  }

  moved<A extends ArrayBufferView>(array: A): A {
    if (isArrayBuffer(array.buffer)) this.transfer.add(array.buffer);
    return array;
  }

  pack(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const known = this.seen.get(value);
    if (known !== undefined) return known;
    const packed = this.packNew(value);
    this.seen.set(value, packed);
    return packed;
  }

  private packNew(value: object): unknown {
    if (ArrayBuffer.isView(value)) return this.moved(value);
    if (isMap(value)) return this.packMap(value as Map<unknown, unknown>) ?? value;
    if (isSet(value)) {
      const items = [...value];
      return items.every(isString) ? { [PACKED]: 'set-str', keys: this.run(items) } : value;
    }
    if (Array.isArray(value)) return this.packArray(value);
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.pack(v)]));
  }

  private packArray(value: unknown[]): unknown {
    if (value.length === 0) return value;
    if (value.every(isString)) return { [PACKED]: 'strs', items: this.run(value) };
    if (value.every((v) => isSet(v) && [...v].every(isString))) {
      const sets = value as Array<Set<string>>;
      return {
        [PACKED]: 'sets',
        ends: this.moved(cumulative(sets.map((s) => s.size))),
        items: this.run(sets.flatMap((s) => [...s])),
      };
    }
    if (value.length >= JSON_MIN_LENGTH && isPlainJson(value)) {
      const chunks: string[] = [];
      for (let i = 0; i < value.length; i += JSON_CHUNK)
        chunks.push(JSON.stringify(value.slice(i, i + JSON_CHUNK)));
      return { [PACKED]: 'json', chunks };
    }
    return value.map((v) => this.pack(v));
  }

  /** A Map of string keys whose values are all of one packable kind; undefined: sent as is. */
  private packMap(map: Map<unknown, unknown>): PackedNode | undefined {
    if (![...map.keys()].every(isString)) return undefined;
    const keys = this.run(map.keys() as Iterable<string>);
    const values = [...map.values()];
    if (values.every((v) => typeof v === 'number'))
      return { [PACKED]: 'map-num', keys, values: this.moved(Float64Array.from(values)) };
    if (values.every(isString)) return { [PACKED]: 'map-str', keys, values: this.run(values) };
    if (values.every(isStringArray)) {
      return {
        [PACKED]: 'map-strs',
        keys,
        ends: this.moved(cumulative(values.map((v) => v.length))),
        values: this.run(values.flat()),
      };
    }
    if (values.every((v) => isInt32Array(v))) {
      const all = new Int32Array(values.reduce((n, v) => n + v.length, 0));
      let at = 0;
      for (const v of values) {
        all.set(v, at);
        at += v.length;
      }
      return {
        [PACKED]: 'map-i32',
        keys,
        ends: this.moved(cumulative(values.map((v) => v.length))),
        values: this.moved(all),
      };
    }
    this.strings.length = keys[0];
    return undefined;
  }
}

/** Running totals: where each part ends. */
function cumulative(lengths: readonly number[]): Int32Array {
  const ends = new Int32Array(lengths.length);
  let total = 0;
  lengths.forEach((n, i) => (ends[i] = total += n));
  return ends;
}

/**
 * `value` packed, and the buffers to list in postMessage's transfer (the sender's typed arrays
 * included: they are unusable afterwards, so pack only what the sender is done with).
 */
export function pack<T>(value: T): { readonly packed: Packed<T>; readonly transfer: ArrayBuffer[] } {
  const packer = new Packer();
  const tree = packer.pack(value);
  const ends = packer.moved(cumulative(packer.strings.map((s) => s.length)));
  return { packed: { tree, table: packer.strings.join(''), ends }, transfer: [...packer.transfer] };
}
