import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Faq,
  LearnedFileStore,
  loadKnowledgeBase,
  readLabelledLines,
  type Decision,
  type LearnedStore,
  type LoadedKnowledgeBase,
} from '../../../knowledge-base';
import type { DenseVectors } from '../../../knowledge-base/dense';
import { discoverCalibration } from '../../../knowledge-base/faq';
import type { LearnedRecord } from '../../../knowledge-base/learned-cache';
import type { VectorSource } from '../../../knowledge-base/vector-source';

const ROOT = join(__dirname, '..', '..', '..');
const KB_FILE = join(ROOT, 'knowledge-base', 'demo', 'en.yaml');
const DIMS = 16;

function letterVector(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const ch of text.toLowerCase()) v[ch.charCodeAt(0) % DIMS]! += 1;
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

const dense: DenseVectors = {
  dims: DIMS,
  label: 'letters (test)',
  vectorOf: letterVector,
  embedQuery: async (t) => letterVector(t),
};

/** The real file store, with what it loaded (found / not found) and saved, by kind. */
class WatchedStore implements LearnedStore {
  readonly hits: string[] = [];
  readonly misses: string[] = [];
  readonly saves: string[] = [];
  readonly warnings: string[] = [];
  private readonly store: LearnedFileStore;

  constructor(dir: string) {
    this.store = new LearnedFileStore(dir, { warn: (_fields, message) => this.warnings.push(message) });
  }

  load(kind: string, key: string): LearnedRecord | undefined {
    const record = this.store.load(kind, key);
    (record ? this.hits : this.misses).push(kind);
    return record;
  }

  save(kind: string, key: string, record: LearnedRecord): void {
    this.saves.push(kind);
    this.store.save(kind, key, record);
  }
}

let dir: string;
let kb: LoadedKnowledgeBase;
let calibration: Awaited<ReturnType<typeof discoverCalibration>>;
let queries: string[];

beforeAll(async () => {
  kb = await loadKnowledgeBase([KB_FILE]);
  calibration = await discoverCalibration(kb);
  queries = (await readLabelledLines(join(ROOT, 'tests', 'fixtures', 'demo-en-queries.jsonl'), true)).map(
    (q) => q.text,
  );
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'relais-learned-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function build(store: LearnedStore, base: LoadedKnowledgeBase = kb): Promise<Faq> {
  const source: VectorSource = {
    label: 'letters (test)',
    cascade: true,
    learned: store,
    vectorsFor: async () => dense,
  };
  return Faq.create(base, { calibration, vectors: source });
}

async function decisions(faq: Faq): Promise<Decision[]> {
  const out: Decision[] = [];
  for (const q of queries) out.push(await faq.match(q, { locale: 'en' }));
  return out;
}

describe('what a build learned, kept beside the vector cache', () => {
  it('a second build of the same KB loads the weights, calibration and gate, and decides exactly as the first', async () => {
    const first = new WatchedStore(dir);
    const faqA = await build(first);
    // Two learned scorers (lexical and with vectors), two calibrations, one gate: all new.
    expect(first.hits).toEqual([]);
    expect(first.saves.sort()).toEqual(['calibration', 'calibration', 'gate', 'linear', 'linear']);
    const second = new WatchedStore(dir);
    const faqB = await build(second);
    expect(second.misses).toEqual([]);
    expect(second.saves).toEqual([]);
    expect(second.hits.sort()).toEqual(['calibration', 'calibration', 'gate', 'linear', 'linear']);
    const { buildMs: _a, ...infoA } = faqA.info[0]!;
    const { buildMs: _b, ...infoB } = faqB.info[0]!;
    expect(infoB).toEqual(infoA);
    expect(await decisions(faqB)).toEqual(await decisions(faqA));
    // Without any store the build learns the same: the cache changes speed, not decisions.
    const plain = await Faq.create(kb, {
      calibration,
      vectors: { label: 'letters (test)', cascade: true, vectorsFor: async () => dense },
    });
    expect(await decisions(plain)).toEqual(await decisions(faqA));
  });

  it('a changed phrasing re-trains and re-calibrates; the old KB still loads its own', async () => {
    await build(new WatchedStore(dir));
    const [head, ...rest] = kb.entries;
    const changed: LoadedKnowledgeBase = {
      ...kb,
      entries: [{ ...head!, alternates: [...head!.alternates, 'a phrasing nobody wrote before'] }, ...rest],
    };
    const store = new WatchedStore(dir);
    await build(store, changed);
    expect(store.hits).toEqual([]);
    expect(store.saves.sort()).toEqual(['calibration', 'calibration', 'gate', 'linear', 'linear']);
    const again = new WatchedStore(dir);
    await build(again);
    expect(again.misses).toEqual([]);
  });

  it('a corrupt, truncated or foreign file is ignored (logged once), re-learned and rewritten', async () => {
    const faqA = await build(new WatchedStore(dir));
    const files = readdirSync(dir).filter((f) => f.startsWith('learned-'));
    expect(files).toHaveLength(5);
    const [linear, calibrationFile, gate] = [
      files.find((f) => f.startsWith('learned-linear-'))!,
      files.find((f) => f.startsWith('learned-calibration-'))!,
      files.find((f) => f.startsWith('learned-gate-'))!,
    ];
    const bytes = readFileSync(join(dir, linear));
    bytes[bytes.length - 3]! ^= 0xff; // one flipped weight byte
    writeFileSync(join(dir, linear), bytes);
    const cal = readFileSync(join(dir, calibrationFile));
    writeFileSync(join(dir, calibrationFile), cal.subarray(0, cal.length - 10)); // truncated
    writeFileSync(join(dir, gate), 'not a learned file');
    const store = new WatchedStore(dir);
    const faqB = await build(store);
    expect(store.misses.sort()).toEqual(['calibration', 'gate', 'linear']);
    expect(store.warnings).toHaveLength(1);
    expect(await decisions(faqB)).toEqual(await decisions(faqA));
    const after = new WatchedStore(dir);
    await build(after);
    expect(after.misses).toEqual([]);
    expect(after.warnings).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a record stored under another key or kind is not loaded', () => {
    const store = new LearnedFileStore(dir);
    const record = { json: { n: 1 }, arrays: [Int32Array.of(1, 2), Float32Array.of(0.5)] };
    store.save('linear', 'a'.repeat(64), record);
    const loaded = store.load('linear', 'a'.repeat(64))!;
    expect(loaded.json).toEqual({ n: 1 });
    expect(loaded.arrays).toEqual([Int32Array.of(1, 2), Float32Array.of(0.5)]);
    // Same file name (first 32 hex digits), another full key: not this record.
    expect(store.load('linear', 'a'.repeat(32) + 'b'.repeat(32))).toBeUndefined();
    expect(store.load('gate', 'a'.repeat(64))).toBeUndefined();
  });

  it('a folder that cannot be written leaves the build working, with one warning', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const store = new WatchedStore(join(file, 'cache'));
    const faq = await build(store);
    expect(store.saves.length).toBeGreaterThan(0);
    expect(store.warnings).toHaveLength(1);
    expect((await faq.match('how do I book a service?', { locale: 'en' })).decision).toBeDefined();
  });
});
