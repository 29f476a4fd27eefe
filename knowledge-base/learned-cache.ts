import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { NORMALIZER_VERSION } from './normalize';

/**
 * Version of the code that turns a KB into learned weights, calibration and cascade gate (the
 * learned scorer's training, the ranker's scorers, calibration, the gate search, and the text
 * preparation whose effects the key does not already hash). Part of every key, with
 * NORMALIZER_VERSION: bump it whenever
 * that code decides differently, or a build would load what an older version learned.
 */
export const LEARNED_CODE_VERSION = 5;

/** Files kept per folder; the oldest beyond this are removed (several KBs or versions share a folder). */
const MAX_FILES = 16;
const MAGIC = 'RLL1';

/** What a build learned, as typed arrays (weights) and a JSON part (calibration, gate). */
export interface LearnedRecord {
  readonly json: unknown;
  readonly arrays: ReadonlyArray<Int32Array | Float32Array>;
}

/** Where a build keeps what it learned from a KB; `load` gives undefined for anything not stored (or unreadable). */
export interface LearnedStore {
  load(kind: string, key: string): LearnedRecord | undefined;
  save(kind: string, key: string, record: LearnedRecord): void;
}

export interface LearnedLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Builds the key of something learned: feed it everything that determines the result. */
export class LearnedKey {
  private readonly hash = createHash('sha256');

  constructor(kind: string) {
    this.hash.update(`${kind}\0v${LEARNED_CODE_VERSION}\0n${NORMALIZER_VERSION}\0`);
  }

  text(s: string): this {
    this.hash.update(`${s.length}:`).update(s, 'utf8');
    return this;
  }

  json(value: unknown): this {
    return this.text(JSON.stringify(value) ?? 'undefined');
  }

  array(a: Int32Array | Float32Array | Float64Array): this {
    this.hash.update(`${a.constructor.name}${a.length}:`);
    this.hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return this;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * What a KB build learned (learned-scorer weights, calibration, cascade gate), one file per key in
 * the encoder's cache folder. KB-derived data only: KB phrasings, out-of-scope examples and the
 * KB's calibration files go in, never a customer's message. Synchronous, as the build is. A file
 * that is corrupt, truncated or for another key is ignored (the build re-learns and rewrites it);
 * writes go to a temp file renamed into place. Problems are logged once per store.
 */
export class LearnedFileStore implements LearnedStore {
  private warned = false;

  constructor(
    readonly dir: string,
    private readonly log?: LearnedLog,
  ) {}

  fileFor(kind: string, key: string): string {
    return path.join(this.dir, `learned-${kind}-${key.slice(0, 32)}.bin`);
  }

  load(kind: string, key: string): LearnedRecord | undefined {
    const file = this.fileFor(kind, key);
    let buffer: Buffer;
    try {
      buffer = readFileSync(file);
    } catch {
      return undefined;
    }
    const record = decode(buffer, kind, key);
    if (!record) this.warnOnce({ file }, 'learned cache file unreadable: ignored, the build re-learns it');
    return record;
  }

  save(kind: string, key: string, record: LearnedRecord): void {
    const file = this.fileFor(kind, key);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, encode(kind, key, record));
      renameSync(temp, file);
      this.prune();
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // The folder itself is unusable: nothing was left in it.
      }
      this.warnOnce(
        { file, error: error instanceof Error ? error.message : String(error) },
        'learned cache not written: the next build re-learns',
      );
    }
  }

  private prune(): void {
    const files = readdirSync(this.dir)
      .filter((f) => f.startsWith('learned-') && f.endsWith('.bin'))
      .map((f) => ({ f, at: statSync(path.join(this.dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const { f } of files.slice(MAX_FILES)) rmSync(path.join(this.dir, f), { force: true });
  }

  private warnOnce(fields: Record<string, unknown>, message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.log?.warn(fields, message);
  }
}

interface Header {
  readonly kind: string;
  readonly key: string;
  readonly json: unknown;
  readonly arrays: ReadonlyArray<{ readonly type: 'i32' | 'f32'; readonly length: number }>;
  /** SHA-256 of the body: a flipped byte is caught, not loaded as a weight. */
  readonly sha256: string;
}

/** Magic, header length (uint32 LE), header JSON, then each array's bytes (little-endian, as the platform). */
function encode(kind: string, key: string, record: LearnedRecord): Buffer {
  const body = Buffer.concat(record.arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
  const header: Header = {
    kind,
    key,
    json: record.json,
    arrays: record.arrays.map((a) => ({ type: a instanceof Int32Array ? 'i32' : 'f32', length: a.length })),
    sha256: createHash('sha256').update(body).digest('hex'),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(headerBytes.length, 4);
  return Buffer.concat([prefix, headerBytes, body]);
}

function decode(buffer: Buffer, kind: string, key: string): LearnedRecord | undefined {
  try {
    if (buffer.length < 8 || buffer.toString('ascii', 0, 4) !== MAGIC) return undefined;
    const headerLength = buffer.readUInt32LE(4);
    if (8 + headerLength > buffer.length) return undefined;
    const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as Header;
    if (header.kind !== kind || header.key !== key || !Array.isArray(header.arrays)) return undefined;
    const body = buffer.subarray(8 + headerLength);
    const bytes = header.arrays.reduce((n, a) => n + 4 * a.length, 0);
    if (!Number.isInteger(bytes) || body.length !== bytes) return undefined;
    if (createHash('sha256').update(body).digest('hex') !== header.sha256) return undefined;
    let at = 0;
    const arrays = header.arrays.map((a) => {
      const copy = new Uint8Array(4 * a.length);
      copy.set(body.subarray(at, at + copy.length));
      at += copy.length;
      return a.type === 'i32' ? new Int32Array(copy.buffer) : new Float32Array(copy.buffer);
    });
    return { json: header.json, arrays };
  } catch {
    return undefined;
  }
}
