import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  embedPhrasings,
  loadEncoder,
  PhrasingCache,
  type SentenceEncoder,
  type WorkerEncoder,
} from '../../../knowledge-base/encoder';
import { SHARED_ENCODER_CACHE_DIR } from '../../support/encoder-cache';

// Real model copies in real workers (loaded from dist/: `npm test` builds first).
jest.setTimeout(180_000);

let encoder: WorkerEncoder;
let startHelper: () => Promise<WorkerEncoder>;
let scratch: string;

beforeAll(async () => {
  const loaded = await loadEncoder({ mode: 'on', cacheDir: SHARED_ENCODER_CACHE_DIR, fastPath: false });
  encoder = loaded.encoder!;
  startHelper = loaded.startHelper!;
  scratch = await mkdtemp(path.join(os.tmpdir(), 'relais-two-workers-'));
});

afterAll(async () => {
  await encoder?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const TEXTS = Array.from(
  { length: 48 },
  (_, i) =>
    [
      `how do I reset my password (${i})`,
      `where is my parcel number ${i}`,
      `can I move my booking to day ${i}`,
      `the cleaner did not come, visit ${i}`,
    ][i % 4]!,
);

let caches = 0;
const freshCache = (): Promise<PhrasingCache> =>
  PhrasingCache.open({
    dir: path.join(scratch, `cache-${caches++}`),
    modelId: encoder.id,
    dimensions: encoder.dimensions,
  });

/** The helper as embedPhrasings sees it, counting what it embedded and whether it was closed. */
function watched(failOnCall?: number): {
  start: () => Promise<SentenceEncoder>;
  embedded: () => number;
  started: () => boolean;
  closed: () => boolean;
  /** The query worker, made to wait after its first chunk until the helper is up (else a quick machine finishes first). */
  queryWorker: SentenceEncoder;
} {
  let embedded = 0;
  let calls = 0;
  let started = false;
  let closed = false;
  let up!: () => void;
  const helperUp = new Promise<void>((resolve) => (up = resolve));
  let queryCalls = 0;
  return {
    embedded: () => embedded,
    started: () => started,
    closed: () => closed,
    queryWorker: {
      id: encoder.id,
      dimensions: encoder.dimensions,
      embed: async (texts, priority) => {
        if (++queryCalls === 2) await helperUp;
        return encoder.embed(texts, priority);
      },
      close: async () => undefined,
    },
    start: async () => {
      started = true;
      const helper = await startHelper();
      up();
      return {
        id: helper.id,
        dimensions: helper.dimensions,
        embed: async (texts, priority) => {
          calls++;
          if (calls === failOnCall) throw new Error('helper crashed');
          const vectors = await helper.embed(texts, priority);
          embedded += texts.length;
          return vectors;
        },
        close: async () => {
          closed = true;
          await helper.close();
        },
      };
    },
  };
}

const embeddedBy = (w: WorkerEncoder): number => w.stats().textsEmbedded;

describe('a cold KB build with a second worker', () => {
  let alone: Float32Array[];
  beforeAll(async () => {
    alone = await embedPhrasings(encoder, TEXTS, await freshCache(), { chunk: 8 });
  });

  it('shares the chunks between both workers and gives exactly the vectors one worker gives', async () => {
    const helper = watched();
    const before = embeddedBy(encoder);
    const shared = await embedPhrasings(helper.queryWorker, TEXTS, await freshCache(), {
      chunk: 8,
      helper: helper.start,
      helperMinTexts: 0,
    });
    const byQueryWorker = embeddedBy(encoder) - before;
    expect(helper.embedded()).toBeGreaterThan(0);
    expect(byQueryWorker + helper.embedded()).toBe(TEXTS.length);
    expect(helper.closed()).toBe(true);
    expect(shared).toHaveLength(TEXTS.length);
    shared.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(alone[i]!)));
  });

  it('gives a chunk the helper failed on back to the query worker; the helper is closed', async () => {
    const helper = watched(1);
    const before = embeddedBy(encoder);
    const shared = await embedPhrasings(helper.queryWorker, TEXTS, await freshCache(), {
      chunk: 8,
      helper: helper.start,
      helperMinTexts: 0,
    });
    expect(helper.embedded()).toBe(0);
    expect(embeddedBy(encoder) - before).toBe(TEXTS.length);
    expect(helper.closed()).toBe(true);
    shared.forEach((v, i) => expect(Array.from(v)).toEqual(Array.from(alone[i]!)));
  });

  it('does it all on the query worker when the helper cannot start, or the build is small', async () => {
    const failing = async (): Promise<SentenceEncoder> => {
      throw new Error('no memory for a second model');
    };
    const before = embeddedBy(encoder);
    const v = await embedPhrasings(encoder, TEXTS, await freshCache(), {
      chunk: 8,
      helper: failing,
      helperMinTexts: 0,
    });
    expect(embeddedBy(encoder) - before).toBe(TEXTS.length);
    v.forEach((x, i) => expect(Array.from(x)).toEqual(Array.from(alone[i]!)));

    const small = watched();
    await embedPhrasings(encoder, TEXTS, await freshCache(), { chunk: 8, helper: small.start });
    expect(small.started()).toBe(false); // fewer than the default 1,000 texts: never started
  });
});
