import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

/** What a vector file holds; a file whose header differs from what the reader expects is not used. */
export interface VectorFileHeader {
  readonly kind: 'phrasings' | 'pieces';
  readonly modelId: string;
  readonly textVersion: number;
  readonly dimensions: number;
  readonly count: number;
}

export interface VectorFile {
  readonly header: VectorFileHeader;
  /** count × 32-byte keys (SHA-256 of the text) for phrasings; empty for pieces (row = piece id). */
  readonly keys: Buffer;
  /** count × dimensions, row-major. */
  readonly vectors: Float32Array;
}

const MAGIC = 'RLV1';
const KEY_BYTES = 32;

/** Binary: magic, header length (uint32 LE), header JSON, keys, float32 LE vectors. */
export async function writeVectorFile(file: string, data: VectorFile): Promise<void> {
  const header = Buffer.from(JSON.stringify(data.header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(header.length, 4);
  const body = Buffer.from(data.vectors.buffer, data.vectors.byteOffset, data.vectors.byteLength);
  await mkdir(path.dirname(file), { recursive: true });
  // Atomic: readers see the old file or the new one, never half of one.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, Buffer.concat([prefix, header, data.keys, body]));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The file's content, or undefined when it is missing, corrupt or made for another model/version. */
export async function readVectorFile(
  file: string,
  expect: Omit<VectorFileHeader, 'count'>,
): Promise<VectorFile | undefined> {
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch {
    return undefined;
  }
  try {
    if (buffer.length < 8 || buffer.toString('ascii', 0, 4) !== MAGIC) return undefined;
    const headerLength = buffer.readUInt32LE(4);
    const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength)) as VectorFileHeader;
    if (
      header.kind !== expect.kind ||
      header.modelId !== expect.modelId ||
      header.textVersion !== expect.textVersion ||
      header.dimensions !== expect.dimensions ||
      !Number.isInteger(header.count) ||
      header.count < 0
    ) {
      return undefined;
    }
    const keyBytes = expect.kind === 'phrasings' ? header.count * KEY_BYTES : 0;
    const start = 8 + headerLength;
    const vectorBytes = header.count * header.dimensions * 4;
    if (buffer.length !== start + keyBytes + vectorBytes) return undefined;
    const keys = Buffer.from(buffer.subarray(start, start + keyBytes));
    const vectors = new Float32Array(header.count * header.dimensions);
    Buffer.from(vectors.buffer).set(buffer.subarray(start + keyBytes));
    if (!vectors.every(Number.isFinite)) return undefined;
    return { header, keys, vectors };
  } catch {
    return undefined;
  }
}

/** A model id as a file-name part ("use-lite-en@0.2.0" → "use-lite-en_0.2.0"). */
export function fileSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}
